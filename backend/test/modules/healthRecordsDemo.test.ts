import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedHealthRecordsDemo } from '../../src/seed/healthRecordsDemo.js';
import { actorFor, createOrganization, createStudents, type TestOrganization } from '../helpers/fixtures.js';
import { count } from '../helpers/healthRecords.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let org: TestOrganization;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

it('seeds valid demo records for a share of the students, through the services', async () => {
  const students = await createStudents(t.server, org, 31);
  await seedHealthRecordsDemo(t.server, actorFor(org), students);

  const studentsWith = (table: string) =>
    count(
      t.server,
      `SELECT count(DISTINCT student_id)::int AS n FROM ${table} WHERE organization_id = :org`,
      {
        org: org.id,
      },
    );
  for (const table of ['allergies', 'conditions', 'emergency_contacts', 'screenings']) {
    const n = await studentsWith(table);
    expect(n, table).toBeGreaterThan(0);
    expect(n, table).toBeLessThanOrEqual(students.length);
  }
  const lifeThreatening = await count(
    t.server,
    `SELECT count(*)::int AS n FROM allergies WHERE organization_id = :org AND severity = 'LIFE_THREATENING'`,
    { org: org.id },
  );
  expect(lifeThreatening).toBeGreaterThan(0);
  const audited = await count(
    t.server,
    `SELECT count(*)::int AS n FROM audit_log WHERE organization_id = :org AND action LIKE '%.create' AND entity_type <> 'student'`,
    { org: org.id },
  );
  expect(audited).toBeGreaterThan(0);
});
