/** The health record inside the student profile and list: sections, alerts, cache. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createStudent, type TestOrganization } from '../helpers/fixtures.js';
import {
  allergyPayload,
  api,
  conditionPayload,
  contactPayload,
  screeningPayload,
} from '../helpers/healthRecords.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let org: TestOrganization;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  t = await startTestServer();
  http = api(t.server);
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

const sub = (studentId: string, kind: string) => `/api/v1/students/${studentId}/${kind}`;
const noPen = { epiPenRequired: false, epiPenLocation: null, epiPenExpiresOn: null };
type Profile = Record<string, unknown> & {
  alerts: Array<{ kind: string; severity: string; label: string }>;
  allergies: Array<Record<string, unknown>>;
};

async function studentWithRecords(lastName: string) {
  const student = await createStudent(t.server, org, { lastName });
  await http.post(org.nurse, sub(student.id, 'allergies'), allergyPayload());
  await http.post(
    org.nurse,
    sub(student.id, 'allergies'),
    allergyPayload({ allergen: 'Bee venom', allergyType: 'INSECT', severity: 'SEVERE', ...noPen }),
  );
  await http.post(
    org.nurse,
    sub(student.id, 'allergies'),
    allergyPayload({ allergen: 'Dust', allergyType: 'ENVIRONMENTAL', severity: 'MILD', ...noPen }),
  );
  await http.post(org.nurse, sub(student.id, 'conditions'), conditionPayload());
  await http.post(
    org.nurse,
    sub(student.id, 'conditions'),
    conditionPayload({ condition: 'Eczema', icd10Code: null, flagged: false }),
  );
  await http.post(org.nurse, sub(student.id, 'emergency-contacts'), contactPayload());
  await http.post(org.nurse, sub(student.id, 'screenings'), screeningPayload());
  return student;
}

const EXPECTED_ALERTS = [
  { kind: 'ALLERGY', severity: 'LIFE_THREATENING', label: 'Peanut (life-threatening)' },
  { kind: 'ALLERGY', severity: 'SEVERE', label: 'Bee venom (severe)' },
  { kind: 'CONDITION', severity: 'FLAGGED', label: 'Asthma' },
];

describe('the student profile', () => {
  it('shows every section and the alerts to a nurse', async () => {
    const student = await studentWithRecords('Profileson');
    const res = await http.get(org.nurse, `/api/v1/students/${student.id}`);
    expect(res.statusCode).toBe(200);
    const profile = JSON.parse(res.payload) as Profile;
    expect(profile.alerts).toEqual(EXPECTED_ALERTS);
    expect(profile.allergies.map((a) => a.allergen)).toEqual(['Peanut', 'Bee venom', 'Dust']);
    expect(profile.allergies[0]).toMatchObject({ notes: 'Diagnosed age 3' });
    expect((profile.conditions as unknown[]).length).toBe(2);
    expect(profile.emergencyContacts).toEqual([expect.objectContaining({ name: 'Alex Parent' })]);
    expect(profile.screenings).toEqual([expect.objectContaining({ type: 'VISION', notes: 'Wears glasses' })]);
  });

  it('shows a viewer the alerts and records without notes and without contacts', async () => {
    const student = await studentWithRecords('Viewerson');
    const profile = JSON.parse(
      (await http.get(org.viewer, `/api/v1/students/${student.id}`)).payload,
    ) as Profile;
    expect(profile.alerts).toEqual(EXPECTED_ALERTS);
    expect(profile).not.toHaveProperty('emergencyContacts');
    for (const key of ['allergies', 'conditions', 'screenings']) {
      for (const record of profile[key] as object[]) expect(record, key).not.toHaveProperty('notes');
    }
    expect(profile.allergies[0]).toMatchObject({ emergencyProtocol: 'Give EpiPen, call 911, call parent' });
  });

  it('drops retired allergies and resolved conditions from the profile and alerts', async () => {
    const student = await studentWithRecords('Retiredson');
    const list = (await http.get(org.nurse, sub(student.id, 'allergies'))).result as Array<{ id: string }>;
    const conditions = (await http.get(org.nurse, sub(student.id, 'conditions'))).result as Array<{
      id: string;
      condition: string;
    }>;
    await http.patch(org.nurse, `${sub(student.id, 'allergies')}/${list[0]!.id}`, { isActive: false });
    const asthma = conditions.find((c) => c.condition === 'Asthma')!;
    await http.patch(org.nurse, `${sub(student.id, 'conditions')}/${asthma.id}`, { status: 'RESOLVED' });
    const profile = JSON.parse(
      (await http.get(org.nurse, `/api/v1/students/${student.id}`)).payload,
    ) as Profile;
    expect(profile.alerts).toEqual([EXPECTED_ALERTS[1]]);
    expect(profile.allergies.map((a) => a.allergen)).toEqual(['Bee venom', 'Dust']);
    expect((profile.conditions as unknown[]).length).toBe(1);
  });

  it('shows a new allergy on the next read after a write (the cached profile is dropped)', async () => {
    const student = await createStudent(t.server, org);
    const before = JSON.parse(
      (await http.get(org.nurse, `/api/v1/students/${student.id}`)).payload,
    ) as Profile;
    expect(before.allergies).toEqual([]);
    expect(before.alerts).toEqual([]);
    await http.post(org.nurse, sub(student.id, 'allergies'), allergyPayload({ allergen: 'Sesame' }));
    const after = JSON.parse(
      (await http.get(org.nurse, `/api/v1/students/${student.id}`)).payload,
    ) as Profile;
    expect(after.allergies.map((a) => a.allergen)).toEqual(['Sesame']);
    expect(after.alerts).toEqual([
      { kind: 'ALLERGY', severity: 'LIFE_THREATENING', label: 'Sesame (life-threatening)' },
    ]);
  });
});

describe('the student list', () => {
  it('shows the alerts on each row, one batch for the page', async () => {
    const marker = `Alertrow${Date.now().toString(36)}`;
    const withAlerts = await studentWithRecords(marker);
    const without = await createStudent(t.server, org, { lastName: marker, firstName: 'Zed' });
    const res = await http.get(org.viewer, `/api/v1/students?search=${marker}`);
    expect(res.statusCode).toBe(200);
    const rows = (res.result as { data: Array<{ id: string; alerts: unknown[] }> }).data;
    expect(rows.find((r) => r.id === withAlerts.id)!.alerts).toEqual(EXPECTED_ALERTS);
    expect(rows.find((r) => r.id === without.id)!.alerts).toEqual([]);
  });
});
