/**
 * Demo health records: fictional allergies, conditions, emergency contacts and screenings
 * for a share of the demo students, written through the module's services so they obey
 * every rule real records do. Deterministic: student i always gets the same records.
 */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../infrastructure/http/actor.js';
import type {
  CreateAllergyInput,
  CreateConditionInput,
  CreateEmergencyContactInput,
  CreateScreeningInput,
} from '../modules/healthRecords/index.js';
import type { StudentView } from '../modules/students/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const dateFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const noEpiPen = { epiPenRequired: false } as const;
const withEpiPen = (location: string, monthsLeft: number) => ({
  epiPenRequired: true,
  epiPenLocation: location,
  epiPenExpiresOn: dateFromToday(monthsLeft * 30),
});

/** [every nth student, offset, allergy]: a few severe ones, more mild ones, like a real school. */
const ALLERGIES: Array<[number, number, CreateAllergyInput]> = [
  [
    6,
    0,
    {
      allergen: 'Peanut',
      allergyType: 'FOOD',
      severity: 'LIFE_THREATENING',
      reactions: ['Hives', 'Throat swelling', 'Wheezing'],
      emergencyProtocol: 'Give epinephrine auto-injector, call 911, then call parent.',
      ...withEpiPen("Nurse's office, labelled box", 7),
      notes: 'Diagnosed in preschool; no exposure incidents this year.',
    },
  ],
  [
    10,
    3,
    {
      allergen: 'Tree nuts',
      allergyType: 'FOOD',
      severity: 'SEVERE',
      reactions: ['Hives', 'Vomiting'],
      emergencyProtocol: 'Give antihistamine per plan; epinephrine if breathing is affected.',
      ...withEpiPen('Backpack, front pocket', 2),
    },
  ],
  [
    8,
    5,
    {
      allergen: 'Penicillin',
      allergyType: 'DRUG',
      severity: 'SEVERE',
      reactions: ['Rash', 'Facial swelling'],
      ...noEpiPen,
    },
  ],
  [
    15,
    7,
    {
      allergen: 'Bee venom',
      allergyType: 'INSECT',
      severity: 'LIFE_THREATENING',
      reactions: ['Swelling', 'Difficulty breathing'],
      emergencyProtocol: 'Epinephrine at once, call 911; keep indoors during recess if bees reported.',
      ...withEpiPen('Classroom go-bag', 10),
    },
  ],
  [
    5,
    1,
    {
      allergen: 'Grass pollen',
      allergyType: 'ENVIRONMENTAL',
      severity: 'MILD',
      reactions: ['Sneezing', 'Itchy eyes'],
    },
  ],
  [12, 2, { allergen: 'Latex', allergyType: 'LATEX', severity: 'MODERATE', reactions: ['Contact rash'] }],
];

const CONDITIONS: Array<[number, number, CreateConditionInput]> = [
  [
    5,
    0,
    {
      condition: 'Asthma',
      icd10Code: 'J45.909',
      status: 'ACTIVE',
      actionPlan: 'Albuterol inhaler 2 puffs with spacer before PE and as needed for wheeze.',
      accommodations: 'Inhaler carried at all times; may rest during PE.',
      triggers: ['Cold air', 'Exercise', 'Dust'],
      flagged: true,
    },
  ],
  [
    20,
    4,
    {
      condition: 'Type 1 diabetes',
      icd10Code: 'E10.9',
      status: 'ACTIVE',
      actionPlan: 'Check glucose before lunch and PE; treat lows per diabetes medical management plan.',
      accommodations: 'Snacks allowed in class; unlimited restroom and water access.',
      triggers: ['Skipped meals', 'Strenuous exercise'],
      flagged: true,
    },
  ],
  [
    30,
    9,
    {
      condition: 'Epilepsy',
      icd10Code: 'G40.909',
      status: 'MANAGED',
      actionPlan: 'Time the seizure; rescue medication after 5 minutes; call 911 and parent.',
      triggers: ['Lack of sleep', 'Flashing lights'],
      flagged: true,
    },
  ],
  [
    9,
    6,
    { condition: 'ADHD', icd10Code: 'F90.9', status: 'MANAGED', accommodations: 'Preferential seating.' },
  ],
  [11, 8, { condition: 'Eczema', icd10Code: 'L30.9', status: 'ACTIVE', triggers: ['Wool', 'Heat'] }],
];

const RELATIONSHIPS = ['Mother', 'Father', 'Grandmother', 'Aunt', 'Guardian'];
const PARENT_NAMES = ['Maria', 'James', 'Linh', 'Omar', 'Grace', 'Ravi', 'Ana', 'David'];

function contactsFor(student: StudentView, i: number): CreateEmergencyContactInput[] {
  // 555-0100..0199 are reserved for fiction: no real family gets a call.
  const phone = (n: number) => `+1 ${200 + (n % 700)} 555-01${String(n % 100).padStart(2, '0')}`;
  const first: CreateEmergencyContactInput = {
    name: `${PARENT_NAMES[i % PARENT_NAMES.length]} ${student.lastName}`,
    relationship: RELATIONSHIPS[i % 2]!,
    priority: 1,
    phones: [
      { type: 'MOBILE', number: phone(i) },
      { type: 'WORK', number: phone(i + 500) },
    ],
    email: `parent${i + 1}@family.example`,
    canPickUp: true,
  };
  if (i % 2 === 1) return [first];
  const second: CreateEmergencyContactInput = {
    name: `${PARENT_NAMES[(i + 3) % PARENT_NAMES.length]} ${student.lastName}`,
    relationship: RELATIONSHIPS[2 + (i % 3)]!,
    priority: 2,
    phones: [{ type: 'HOME', number: phone(i + 250) }],
    canPickUp: i % 4 === 0,
    notes: i % 4 === 0 ? null : 'Not authorized for pick-up without parent call.',
  };
  return [first, second];
}

function screeningsFor(i: number): CreateScreeningInput[] {
  const screenedOn = dateFromToday(-(30 + (i % 120)));
  const vision: CreateScreeningInput =
    i % 7 === 0
      ? { type: 'VISION', screenedOn, result: 'REFER', measurements: { rightEye: '20/50', leftEye: '20/40' } }
      : { type: 'VISION', screenedOn, result: 'PASS', measurements: { rightEye: '20/20', leftEye: '20/25' } };
  const hearing: CreateScreeningInput = {
    type: 'HEARING',
    screenedOn,
    result: i % 11 === 0 ? 'RESCREEN' : 'PASS',
    measurements: { right: 'PASS', left: i % 11 === 0 ? 'FAIL' : 'PASS' },
  };
  const heightCm = 110 + (i % 12) * 4;
  const bmi: CreateScreeningInput = {
    type: 'BMI',
    screenedOn,
    result: 'PASS',
    measurements: { heightCm, weightKg: Math.round((heightCm / 100) ** 2 * (15 + (i % 6)) * 10) / 10 },
  };
  return i % 3 === 0 ? [vision, hearing, bmi] : [vision];
}

const picks = <T>(table: Array<[number, number, T]>, i: number) =>
  table.filter(([every, offset]) => i % every === offset).map(([, , record]) => record);

export async function seedHealthRecordsDemo(
  server: Server,
  actor: Actor,
  students: StudentView[],
): Promise<void> {
  const { allergies, conditions, emergencyContacts, screenings } = server.plugins.healthRecords.services;
  for (const [i, student] of students.entries()) {
    for (const allergy of picks(ALLERGIES, i)) await allergies.create(actor, student.id, allergy);
    for (const condition of picks(CONDITIONS, i)) await conditions.create(actor, student.id, condition);
    // Most families have filled in the emergency card; a few have not yet.
    if (i % 8 !== 7) {
      for (const contact of contactsFor(student, i))
        await emergencyContacts.create(actor, student.id, contact);
    }
    if (i % 2 === 0) {
      for (const screening of screeningsFor(i)) await screenings.create(actor, student.id, screening);
    }
  }
}
