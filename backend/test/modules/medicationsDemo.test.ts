/** The demo seed goes through the services and obeys their rules; the migration reverses cleanly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { medicationsMigration } from '../../src/migrations/202611280005-medications.js';
import { seedMedicationsDemo } from '../../src/seed/medicationsDemo.js';
import { actorFor, createOrganization, createStudents, type TestOrganization } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let org: TestOrganization;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

const TABLES = ['medications', 'medication_settings', 'prescriptions', 'medication_administrations'];

async function existingTables(): Promise<string[]> {
  const [rows] = await t.server.app.sequelize.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_name IN (:tables) ORDER BY 1`,
    { replacements: { tables: TABLES } },
  );
  return (rows as Array<{ name: string }>).map((r) => r.name);
}

describe('medications migration', () => {
  it('down drops what up created, and up applies again', async () => {
    const { sequelize } = t.server.app;
    await sequelize.transaction((transaction) => sequelize.query(medicationsMigration.down, { transaction }));
    expect(await existingTables()).toEqual([]);
    await sequelize.transaction((transaction) => sequelize.query(medicationsMigration.up, { transaction }));
    expect(await existingTables()).toEqual([...TABLES].sort());
  });

  it('stores only real time zones in medication_settings', async () => {
    await expect(
      t.server.app.sequelize.query(
        `INSERT INTO medication_settings (organization_id, time_zone) VALUES (:org, 'Mars/Olympus_Mons')`,
        { replacements: { org: org.id } },
      ),
    ).rejects.toThrow(/time zone/);
  });
});

describe('medications demo seed', () => {
  it('adds prescriptions and MAR entries for a share of the students', async () => {
    const students = await createStudents(t.server, org, 12);
    await seedMedicationsDemo(t.server, actorFor(org), students);
    const [rows] = await t.server.app.sequelize.query(
      `SELECT (SELECT count(*)::int FROM prescriptions WHERE organization_id = :org) AS prescriptions,
              (SELECT count(*)::int FROM medication_administrations WHERE organization_id = :org) AS entries`,
      { replacements: { org: org.id } },
    );
    expect((rows as Array<{ prescriptions: number; entries: number }>)[0]).toEqual({
      prescriptions: 3,
      entries: 3,
    });
  });
});
