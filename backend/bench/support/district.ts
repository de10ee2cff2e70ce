/**
 * Loads the bench district into the running server's database, the way a district starts:
 * the organization and its first admin by the operator CLI (README, Production), the nurses by
 * the admin through the REST API, every login through POST /auth/login; then the schools,
 * students and records in bulk (districtRecords.ts), checked afterwards through the API as a
 * nurse sees them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runCli } from '../../drills/support/cli.js';
import type { BenchServer } from './benchServer.js';
import type { BenchDistrict, BenchUser } from './context.js';
import { insertDistrictRecords, type DistrictOwners } from './districtRecords.js';
import { buildRoster, type Roster } from './roster.js';

const DOMAIN = 'bench-usd.example';
const NURSE_COUNT = 4;
/** medication_settings' default zone: schedules are read as the district's wall clock. */
const TIME_ZONE = 'America/New_York';

export interface LoadedDistrict {
  district: BenchDistrict;
  /** The two CLI commands, the bulk INSERTs, the API checks, and the whole load. */
  cliMs: number;
  insertMs: number;
  checkMs: number;
  totalMs: number;
}

const password = () => randomBytes(18).toString('base64url');

async function call<T>(
  url: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function login(url: string, email: string, secret: string): Promise<BenchUser> {
  type Answer = { token: string; user: { id: string } };
  const body = { email, password: secret };
  const { token, user } = await call<Answer>(url, 'POST', '/api/v1/auth/login', null, body);
  return { id: user.id, email, password: secret, token };
}

/** The operator's first two commands on a new installation. */
async function createOrganizationAndAdmin(
  appEnv: Record<string, string>,
): Promise<{ orgId: string; email: string; secret: string }> {
  const orgId = (await runCli(appEnv, ['create-org', '--name', 'Bench Unified School District'])).trim();
  const email = `admin@${DOMAIN}`;
  const secret = password();
  await runCli(appEnv, [
    'create-user',
    '--org',
    orgId,
    '--email',
    email,
    '--role',
    'ADMIN',
    '--name',
    'Bench Admin',
    '--password',
    secret,
  ]);
  return { orgId, email, secret };
}

async function createNurses(url: string, adminToken: string): Promise<BenchUser[]> {
  const nurses = Array.from({ length: NURSE_COUNT }, (_, i) => ({
    email: `nurse${i + 1}@${DOMAIN}`,
    name: `Bench Nurse ${i + 1}, RN`,
    role: 'NURSE',
    password: password(),
  }));
  for (const nurse of nurses) await call(url, 'POST', '/api/v1/admin/users', adminToken, nurse);
  return Promise.all(nurses.map((n) => login(url, n.email, n.password)));
}

async function insertRecords(databaseUrl: string, owners: DistrictOwners, roster: Roster): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await insertDistrictRecords(client, owners, roster);
  } finally {
    await client.end();
  }
}

/** What a nurse would see first: the whole roster, a search hit, a profile with allergies, due doses. */
async function checkThroughApi(
  url: string,
  nurse: BenchUser,
  district: BenchDistrict,
  allergicStudentId: string,
): Promise<void> {
  const get = <T>(path: string) => call<T>(url, 'GET', path, nurse.token);
  const list = await get<{ total: number }>('/api/v1/students?pageSize=1');
  if (list.total !== district.studentIds.length)
    throw new Error(`the student list counts ${list.total} students, not ${district.studentIds.length}`);
  for (const term of district.searchTerms) {
    const found = await get<{ total: number }>(`/api/v1/students?search=${encodeURIComponent(term)}`);
    if (found.total === 0) throw new Error(`searching "${term}" finds no student`);
  }
  const profile = await get<{ allergies?: unknown[] }>(`/api/v1/students/${allergicStudentId}`);
  if (!profile.allergies?.length) throw new Error('the profile of a student with allergies lists none');
  const due = await get<unknown[]>('/api/v1/medications/due');
  if (due.length === 0) throw new Error('no medication dose is due');
}

export async function loadDistrict(server: BenchServer, studentCount: number): Promise<LoadedDistrict> {
  const started = performance.now();
  const { url } = server.app;
  const { orgId, email, secret } = await createOrganizationAndAdmin(server.env.appEnv);
  const cliMs = performance.now() - started;
  const admin = await login(url, email, secret);
  const nurses = await createNurses(url, admin.token);

  const roster = buildRoster(studentCount);
  const insertStarted = performance.now();
  const owners = {
    organizationId: orgId,
    adminId: admin.id,
    nurseIds: nurses.map((n) => n.id),
    timeZone: TIME_ZONE,
  };
  await insertRecords(server.env.databaseUrl, owners, roster);
  const insertMs = performance.now() - insertStarted;

  const district: BenchDistrict = {
    organizationId: orgId,
    schoolIds: roster.schools.ids,
    studentIds: roster.students.ids,
    nurses,
    admin,
    searchTerms: roster.searchTerms,
  };
  // Student 0 has a life-threatening peanut allergy (districtRecords.ts: every 6th, offset 0).
  const checkStarted = performance.now();
  await checkThroughApi(url, nurses[0]!, district, roster.students.ids[0]!);
  const checkMs = performance.now() - checkStarted;
  return { district, cliMs, insertMs, checkMs, totalMs: performance.now() - started };
}
