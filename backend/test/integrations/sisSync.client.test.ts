/**
 * SisApiClient against the OneRoster simulator: one client-credentials token shared and
 * reused until shortly before it expires (and replaced when the SIS stops honouring it),
 * paging to the end of a collection, deltas by dateLastModified (including a change to the
 * demographics alone), OneRoster records mapped to RosterStudents, one student by sourcedId,
 * and attendance through the documented extension (a small server of its own here, since
 * OneRoster itself has none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  modifiedSinceFilter,
  oneRosterBaseUrl,
  SisApiClient,
  SisAttendanceUnsupported,
  SisAuthenticationFailed,
  type RosterStudent,
} from '../../src/integrations/clients/SisApiClient.js';
import { toGrade } from '../../src/integrations/clients/oneRosterRecords.js';
import { OneRosterSimulator } from '../../src/integrations/simulators/index.js';
import { applyFilter, page } from '../../src/integrations/simulators/oneRosterQuery.js';
import { json, SimulatorServer } from '../../src/integrations/simulators/SimulatorServer.js';
import { sleep } from '../helpers/jobs.js';
import { clientHarness } from './clientHarness.js';

const h = clientHarness();
const clients: SisApiClient[] = [];
const TOKEN_PATH = '/oauth/token';

function sisClient(overrides: Partial<ConstructorParameters<typeof SisApiClient>[0]> = {}): SisApiClient {
  const client = new SisApiClient({
    ...h.options(h.sims.oneRoster.baseUrl),
    ...h.sims.credentials.sis,
    ...overrides,
  });
  clients.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

async function all(pages: AsyncIterable<{ students: RosterStudent[] }>): Promise<RosterStudent[]> {
  const students: RosterStudent[] = [];
  for await (const p of pages) students.push(...p.students);
  return students;
}

const tokenRequests = () => h.sims.oneRoster.server.requestsTo(TOKEN_PATH).length;

describe('the OAuth2 token', () => {
  it('is fetched once for many requests, also when they start together', async () => {
    const client = sisClient();

    await Promise.all([client.schools(), client.schools(), client.getStudentBySisId('nobody')]);
    await client.schools();

    expect(tokenRequests()).toBe(1);
  });

  it('is replaced when the SIS stops honouring it, and the request goes through', async () => {
    const client = sisClient();
    await client.schools();
    h.sims.oneRoster.expireTokens();

    const schools = await client.schools();

    expect(schools).toHaveLength(3);
    expect(tokenRequests()).toBe(2);
  });

  it('is renewed before it expires', async () => {
    const sim = new OneRosterSimulator({ ...h.sims.credentials.sis, tokenTtlSeconds: 1 });
    await sim.listen();
    try {
      const client = sisClient({ ...h.options(sim.baseUrl) });
      await client.schools();
      await sleep(1_000);
      await client.schools();

      expect(sim.server.requestsTo(TOKEN_PATH).map((r) => r.status)).toEqual([200, 200]);
      expect(sim.server.requestsTo('/ims').every((r) => r.status === 200)).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it('says so when the SIS refuses our credentials', async () => {
    const client = sisClient({ clientSecret: 'wrong' });

    const error = await client.schools().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SisAuthenticationFailed);
    expect(error).toMatchObject({ statusCode: 502 });
    expect((error as Error).message).toMatch(/refused our client credentials \(status 401\)/);
  });
});

describe('reading the roster', () => {
  it('reads every page and maps each student, with demographics joined in', async () => {
    const client = sisClient({ pageSize: 7 });
    const users = h.sims.oneRoster.roster.data.users;

    const pages: number[] = [];
    const students: RosterStudent[] = [];
    for await (const p of client.students()) {
      pages.push(p.page);
      students.push(...p.students);
    }

    expect(pages).toEqual(Array.from({ length: Math.ceil(users.length / 7) }, (_, i) => i + 1));
    expect(new Set(students.map((s) => s.sourcedId)).size).toBe(users.length);
    const kindergartner = users.find((u) => u.grades[0] === 'KG')!;
    const demographics = h.sims.oneRoster.roster.data.demographics.find(
      (d) => d.sourcedId === kindergartner.sourcedId,
    )!;
    expect(students.find((s) => s.sourcedId === kindergartner.sourcedId)).toEqual({
      sourcedId: kindergartner.sourcedId,
      status: 'active',
      givenName: kindergartner.givenName,
      familyName: kindergartner.familyName,
      middleName: kindergartner.middleName,
      birthDate: demographics.birthDate,
      sex: demographics.sex === 'female' ? 'F' : 'M',
      grade: 'K',
      schoolSourcedId: kindergartner.orgs[0]!.sourcedId,
      identifier: kindergartner.identifier,
      dateLastModified: kindergartner.dateLastModified,
    });
  });

  it('asks only for what changed since a time, including a birth date corrected on its own', async () => {
    const client = sisClient();
    const since = new Date();
    await sleep(5);
    const added = h.sims.oneRoster.roster.addStudent({
      givenName: 'New',
      familyName: 'Arrival',
      grade: '02',
    });
    const corrected = h.sims.oneRoster.roster.data.demographics.find((d) => d.sourcedId !== added.sourcedId)!;
    corrected.birthDate = '2014-07-04';
    corrected.dateLastModified = new Date().toISOString();

    const changed = await all(client.students({ since }));

    expect(changed.map((s) => [s.sourcedId, s.birthDate])).toEqual(
      expect.arrayContaining([
        [added.sourcedId, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
        [corrected.sourcedId, '2014-07-04'],
      ]),
    );
    expect(changed).toHaveLength(2);
    expect(changed.find((s) => s.sourcedId === added.sourcedId)).toMatchObject({
      grade: '2',
      givenName: 'New',
    });
  });

  it('reads one student by sourcedId, or null when the SIS does not know it', async () => {
    const client = sisClient();
    const [user] = h.sims.oneRoster.roster.data.users;

    expect(await client.getStudentBySisId(user!.sourcedId)).toMatchObject({
      sourcedId: user!.sourcedId,
      familyName: user!.familyName,
      birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(await client.getStudentBySisId('no-such-student')).toBeNull();
    // The identifier stays out of the log: the route is named instead.
    expect(h.logs.map((l) => l.message).join('\n')).not.toContain(user!.sourcedId);
  });
});

describe('OneRoster details', () => {
  it('builds the versioned base URL and a delta filter no value can break out of', () => {
    expect(oneRosterBaseUrl('https://sis.example/ims/oneroster/v1p1', 'v1p1')).toBe(
      'https://sis.example/ims/oneroster/v1p1',
    );
    expect(oneRosterBaseUrl('https://sis.example/ims/oneroster/v1p1/', 'v1p2')).toBe(
      'https://sis.example/ims/oneroster/rostering/v1p2',
    );
    expect(oneRosterBaseUrl('https://sis.example', 'v1p1')).toBe('https://sis.example/ims/oneroster/v1p1');
    expect(modifiedSinceFilter(new Date('2025-09-01T08:30:00Z'))).toBe(
      "dateLastModified>'2025-09-01T08:30:00.000Z'",
    );
    expect(() => modifiedSinceFilter(new Date('not a date'))).toThrow(/valid date/);
  });

  it('maps OneRoster grades to ours', () => {
    expect(['PK', 'KG', 'TK', '01', '09', '12', '13', 'UG', ''].map(toGrade)).toEqual([
      'PK',
      'K',
      'K',
      '1',
      '9',
      '12',
      null,
      null,
      null,
    ]);
  });
});

describe('attendance (the OneRoster extension)', () => {
  const RECORDS = [
    ['a1', 's1', '2025-09-01', 'present'],
    ['a2', 's1', '2025-09-02', 'absent'],
    ['a3', 's2', '2025-09-02', 'tardy'],
    ['a4', 's2', '2025-09-10', 'excused'],
  ].map(([sourcedId, student, date, attendanceStatus]) => ({
    sourcedId,
    status: 'active',
    dateLastModified: '2025-09-10T00:00:00Z',
    student: { sourcedId: student },
    school: { sourcedId: 'school-1' },
    date,
    attendanceStatus,
  }));
  const server = new SimulatorServer('attendance', (request) => {
    if (request.path === TOKEN_PATH) return json(200, { access_token: 'attendance-token', expires_in: 3600 });
    if (request.path !== '/ims/oneroster/v1p1/ext/attendance') return undefined;
    const url = new URL(`${request.path}?${request.query.toString()}`, request.origin);
    const { items, headers } = page(applyFilter(RECORDS, request.query.get('filter')), url);
    return json(200, { attendance: items }, headers);
  });
  beforeAll(() => server.listen());
  afterAll(() => server.close());

  it('reads the records of a date range, page by page', async () => {
    const client = sisClient({ ...h.options(`${server.url}/ims/oneroster/v1p1`), pageSize: 1 });

    const records = await client.getAttendanceRecords('2025-09-01', '2025-09-02');

    expect(records).toEqual([
      {
        sourcedId: 'a1',
        studentSourcedId: 's1',
        schoolSourcedId: 'school-1',
        date: '2025-09-01',
        status: 'present',
      },
      {
        sourcedId: 'a2',
        studentSourcedId: 's1',
        schoolSourcedId: 'school-1',
        date: '2025-09-02',
        status: 'absent',
      },
      {
        sourcedId: 'a3',
        studentSourcedId: 's2',
        schoolSourcedId: 'school-1',
        date: '2025-09-02',
        status: 'tardy',
      },
    ]);
    expect(server.requestsTo('/ims').length).toBe(3);
  });

  it('says so when the SIS has no attendance, and refuses a bad range', async () => {
    const client = sisClient();

    await expect(client.getAttendanceRecords('2025-09-01', '2025-09-30')).rejects.toBeInstanceOf(
      SisAttendanceUnsupported,
    );
    await expect(client.getAttendanceRecords('2025-09-30', '2025-09-01')).rejects.toThrow(
      /from not after to/,
    );
  });
});
