/**
 * The demo district for development and evaluation: two schools, one admin, two nurses, one
 * viewer and 60 students with fictional names. Deterministic, so screenshots and end-to-end
 * tests can name a student. Never runs in production.
 */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../infrastructure/http/actor.js';
import type { Role } from '../infrastructure/http/authorization.js';
import type { Grade, StudentView } from '../modules/students/index.js';
import { seedAlertsDemo } from './alertsDemo.js';
import { seedAppointmentsDemo } from './appointmentsDemo.js';
import { seedHealthRecordsDemo } from './healthRecordsDemo.js';
import { seedImmunizationsDemo } from './immunizationsDemo.js';
import { seedIncidentsDemo } from './incidentsDemo.js';
import { seedInventoryDemo } from './inventoryDemo.js';
import { seedMedicationsDemo } from './medicationsDemo.js';

const MODULE_SEEDS = [
  seedHealthRecordsDemo,
  seedMedicationsDemo,
  seedImmunizationsDemo,
  seedIncidentsDemo,
  seedAppointmentsDemo,
  seedInventoryDemo,
  seedAlertsDemo,
];

export const DEMO_ORGANIZATION = 'Lincoln Unified School District';
export const DEMO_DOMAIN = 'lincoln-usd.example';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: `admin@${DEMO_DOMAIN}`, name: 'Dana Whitfield', role: 'ADMIN' },
  { email: `nurse.garcia@${DEMO_DOMAIN}`, name: 'Maria Garcia, RN', role: 'NURSE' },
  { email: `nurse.chen@${DEMO_DOMAIN}`, name: 'Kevin Chen, RN', role: 'NURSE' },
  { email: `viewer@${DEMO_DOMAIN}`, name: 'Pat Morgan', role: 'VIEWER' },
];

const FIRST_NAMES = [
  'Ava',
  'Liam',
  'Sofia',
  'Noah',
  'Isabella',
  'Mateo',
  'Mia',
  'Elijah',
  'Amara',
  'Lucas',
  'Harper',
  'Ethan',
  'Zoe',
  'Jayden',
  'Chloe',
  'Aiden',
  'Layla',
  'Caleb',
  'Nora',
  'Diego',
];
const LAST_NAMES = [
  'Martinez',
  'Johnson',
  'Nguyen',
  'Patel',
  'Williams',
  'Okafor',
  'Kim',
  'Brown',
  'Lopez',
  'Davis',
  'Chen',
  'Robinson',
  'Hernandez',
  'Walker',
  'Singh',
  'Thompson',
  'Murphy',
  'Ali',
  'Rivera',
  'Young',
];
const ELEMENTARY: Grade[] = ['K', '1', '2', '3', '4', '5'];
const MIDDLE: Grade[] = ['6', '7', '8'];
const STUDENT_COUNT = 60;

function ageForGrade(grade: Grade): number {
  return grade === 'K' ? 5 : Number(grade) + 5;
}

function birthDate(grade: Grade, index: number, today = new Date()): string {
  const year = today.getUTCFullYear() - ageForGrade(grade) - 1;
  const month = (index * 5) % 12;
  const day = 1 + ((index * 7) % 28);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

export interface SeededDistrict {
  organizationId: string;
  logins: ReadonlyArray<{ email: string; role: Role }>;
  studentCount: number;
}

/** Seeds through the modules' services, so the demo data obeys every rule real data does. */
export async function seedDemoDistrict(server: Server, password: string): Promise<SeededDistrict> {
  const { organizations, users, students } = server.plugins;
  const org = await organizations.service.createOrganization(DEMO_ORGANIZATION);
  const schools = [
    await organizations.service.createSchool(org.id, { name: 'Lincoln Elementary School', code: 'LES' }),
    await organizations.service.createSchool(org.id, { name: 'Roosevelt Middle School', code: 'RMS' }),
  ];
  const created = [];
  for (const u of DEMO_USERS) created.push(await users.service.create(org.id, { ...u, password }));
  const admin = created[0]!;
  const actor: Actor = {
    userId: admin.id,
    organizationId: org.id,
    role: admin.role,
    ip: null,
    userAgent: 'white-cross demo seed',
  };

  const roster: StudentView[] = [];
  for (let i = 0; i < STUDENT_COUNT; i += 1) {
    const elementary = i % 3 !== 2;
    const grades = elementary ? ELEMENTARY : MIDDLE;
    const grade = grades[i % grades.length]!;
    const school = schools[elementary ? 0 : 1]!;
    const student = await students.service.create(actor, {
      firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
      // Shifting the last name every 20 students keeps every full name distinct.
      lastName: LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length) * 3) % LAST_NAMES.length]!,
      dateOfBirth: birthDate(grade, i),
      grade,
      gender: i % 2 === 0 ? 'F' : 'M',
      studentNumber: `${school.code}-${String(1001 + i)}`,
      schoolId: school.id,
    });
    roster.push(student);
  }
  // Each module seeds its own records through its own service, in dependency order
  // (allergies before prescriptions, so no demo prescription conflicts with an allergy).
  for (const seedModule of MODULE_SEEDS) await seedModule(server, actor, roster);
  return {
    organizationId: org.id,
    logins: DEMO_USERS.map(({ email, role }) => ({ email, role })),
    studentCount: STUDENT_COUNT,
  };
}

/** Seeds only a database with no organization yet, and only outside production. */
export async function seedIfFresh(server: Server, password: string): Promise<SeededDistrict | null> {
  if (server.app.config.isProduction) return null;
  if ((await server.plugins.organizations.service.countOrganizations()) > 0) return null;
  return seedDemoDistrict(server, password);
}

export function formatLogins(seeded: SeededDistrict, password: string, url: string): string {
  const rows = seeded.logins.map((l) => `  ${l.role.padEnd(7)} ${l.email}`).join('\n');
  return [
    '',
    `Demo district "${DEMO_ORGANIZATION}" created with ${seeded.studentCount} students.`,
    `Sign in at ${url} with password: ${password}`,
    rows,
    'These logins are printed once; keep them (or create users with `npm run cli -- create-user`).',
    '',
  ].join('\n');
}
