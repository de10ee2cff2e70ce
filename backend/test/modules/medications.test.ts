/**
 * Formulary, prescriptions, the profile section and the due list: happy paths, validation,
 * tenancy, the VIEWER's minimum necessary and the audit trail.
 */
import { describe, expect, it } from 'vitest';
import { bearer, createOrganization, createStudent, type TestOrganization } from '../helpers/fixtures.js';
import {
  administer,
  createPrescription,
  givenPayload,
  localDate,
  localTime,
  middayTimeZone,
  prescriptionPayload,
  setOrganizationTimeZone,
  type PrescriptionResult,
} from '../helpers/medicationFixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';

const s = twoOrganizationSuite();

async function count(sql: string, replacements: Record<string, unknown> = {}): Promise<number> {
  const [rows] = await s.server.app.sequelize.query(`SELECT count(*)::int AS n FROM ${sql}`, {
    replacements,
  });
  return (rows as Array<{ n: number }>)[0]!.n;
}

const auditCount = (action: string, studentId: string) =>
  count(`audit_log WHERE action = :action AND entity_type = 'student' AND entity_id = :studentId`, {
    action,
    studentId,
  });

function postPrescription(
  org: TestOrganization,
  studentId: string,
  payload: Record<string, unknown>,
  user = org.nurse,
) {
  return s.server.inject({
    method: 'POST',
    url: `/api/v1/students/${studentId}/medications`,
    headers: bearer(user),
    payload,
  });
}

describe('formulary', () => {
  it('adds a medication and finds it by name', async () => {
    const res = await s.server.inject({
      method: 'POST',
      url: '/api/v1/medications',
      headers: bearer(s.orgA.nurse),
      payload: { name: 'Albuterol HFA', form: 'INHALER', strength: '90 mcg/actuation', ndc: '0173-0682-20' },
    });
    expect(res.statusCode, res.payload).toBe(201);
    const search = await s.server.inject({
      url: '/api/v1/medications?search=albuterol',
      headers: bearer(s.orgA.viewer),
    });
    expect(search.statusCode).toBe(200);
    const body = search.result as { data: Array<{ id: string }>; total: number };
    expect(body.data.map((m) => m.id)).toContain((res.result as { id: string }).id);
    // Another organization's formulary is its own.
    const other = await s.server.inject({
      url: '/api/v1/medications?search=albuterol',
      headers: bearer(s.orgB.nurse),
    });
    expect((other.result as { total: number }).total).toBe(0);
  });

  it('refuses a duplicate, a bad NDC, schedule I and a VIEWER', async () => {
    const payload = { name: 'Loratadine', form: 'TABLET', strength: '10 mg' };
    const post = (body: object, user = s.orgA.nurse) =>
      s.server.inject({ method: 'POST', url: '/api/v1/medications', headers: bearer(user), payload: body });
    expect((await post(payload)).statusCode).toBe(201);
    expect((await post({ ...payload, name: 'LORATADINE' })).statusCode).toBe(409);
    const badNdc = await post({ ...payload, name: 'X', ndc: '12-34' });
    expect(badNdc.statusCode).toBe(400);
    expect((badNdc.result as { message: string }).message).toContain('ndc');
    expect((await post({ ...payload, name: 'Y', controlledSchedule: 'I' })).statusCode).toBe(400);
    expect((await post({ ...payload, name: 'Z' }, s.orgA.viewer)).statusCode).toBe(403);
  });
});

describe('prescriptions', () => {
  it('creates with an inline medication, reuses the formulary entry, lists and audits', async () => {
    const studentId = (await createStudent(s.server, s.orgA)).id;
    const first = await createPrescription(s.server, s.orgA, studentId, {
      medication: { name: 'Montelukast', form: 'TABLET', strength: '5 mg' },
      dose: '5 mg',
      scheduleTimes: ['08:00'],
    });
    const second = await createPrescription(s.server, s.orgA, studentId, {
      medication: { name: 'montelukast', form: 'TABLET', strength: '5 MG' },
      dose: '5 mg',
      scheduleTimes: ['13:00'],
    });
    expect(second.medication.id).toBe(first.medication.id);
    const byId = await createPrescription(s.server, s.orgA, studentId, {
      medication: undefined,
      medicationId: first.medication.id,
      dose: '5 mg',
    });
    expect(byId.medication.id).toBe(first.medication.id);

    const list = await s.server.inject({
      url: `/api/v1/students/${studentId}/medications`,
      headers: bearer(s.orgA.nurse),
    });
    expect(list.statusCode).toBe(200);
    const rows = list.result as PrescriptionResult[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      active: true,
      instructions: 'Give with food',
      medication: { name: 'Montelukast' },
    });
    expect(await auditCount('prescription.create', studentId)).toBe(3);
    expect(await auditCount('prescription.list', studentId)).toBe(1);
  });

  it('refuses an inline medication that contradicts the formulary (controlled schedule)', async () => {
    const studentId = (await createStudent(s.server, s.orgA)).id;
    await createPrescription(s.server, s.orgA, studentId, {
      medication: { name: 'Lisdexamfetamine', form: 'CAPSULE', strength: '20 mg', controlledSchedule: 'II' },
      dose: '20 mg',
    });
    const res = await postPrescription(
      s.orgA,
      studentId,
      prescriptionPayload({
        medication: { name: 'Lisdexamfetamine', form: 'CAPSULE', strength: '20 mg' },
        dose: '20 mg',
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(await count('prescriptions WHERE student_id = :studentId', { studentId })).toBe(1);
  });

  it('validates the body: 400 naming the field, nothing written', async () => {
    const studentId = (await createStudent(s.server, s.orgA)).id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [prescriptionPayload({ prn: true, minIntervalMinutes: 60 }), 'scheduleTimes'],
      [prescriptionPayload({ scheduleTimes: undefined }), 'scheduleTimes'],
      [prescriptionPayload({ scheduleTimes: undefined, prn: true }), 'minIntervalMinutes'],
      [prescriptionPayload({ scheduleTimes: ['25:00'] }), 'scheduleTimes'],
      [prescriptionPayload({ scheduleTimes: [] }), 'scheduleTimes'],
      [prescriptionPayload({ startDate: localDate(0), endDate: localDate(-2) }), 'endDate'],
      [prescriptionPayload({ medicationId: crypto.randomUUID() }), 'medication'],
      [prescriptionPayload({ medication: undefined }), 'medication'],
      [prescriptionPayload({ route: 'RECTAL_SPRAY' }), 'route'],
      [prescriptionPayload({ dosesOnHand: -1 }), 'dosesOnHand'],
      [prescriptionPayload({ dose: 'x'.repeat(101) }), 'dose'],
      [prescriptionPayload({ unexpected: true }), 'unexpected'],
      [prescriptionPayload({ parentConsentOnFile: undefined }), 'parentConsentOnFile'],
    ];
    for (const [payload, field] of cases) {
      const res = await postPrescription(s.orgA, studentId, payload);
      expect(res.statusCode, `${field}: ${res.payload}`).toBe(400);
      expect((res.result as { message: string }).message).toContain(field);
    }
    expect(await count('prescriptions WHERE student_id = :studentId', { studentId })).toBe(0);
  });

  it('changes the end date with a reason, refuses one before the start, discontinues once', async () => {
    const studentId = (await createStudent(s.server, s.orgA)).id;
    const rx = await createPrescription(s.server, s.orgA, studentId, { startDate: localDate(-5) });
    const patch = (payload: object, user = s.orgA.nurse) =>
      s.server.inject({
        method: 'PATCH',
        url: `/api/v1/students/${studentId}/medications/${rx.id}`,
        headers: bearer(user),
        payload,
      });
    const extended = await patch({ endDate: localDate(30), reason: 'Renewed by prescriber' });
    expect(extended.statusCode, extended.payload).toBe(200);
    expect(extended.result).toMatchObject({ endDate: localDate(30), active: true });
    expect((await patch({ endDate: localDate(-6), reason: 'Typo' })).statusCode).toBe(422);
    expect((await patch({ discontinued: true })).statusCode).toBe(400);
    expect((await patch({ discontinued: true, reason: 'Stopped' }, s.orgA.viewer)).statusCode).toBe(403);
    expect((await patch({ discontinued: true, reason: 'Stopped' })).statusCode).toBe(200);
    expect((await patch({ discontinued: true, reason: 'Again' })).statusCode).toBe(409);
    expect(await auditCount('prescription.discontinue', studentId)).toBe(1);
    expect(await auditCount('prescription.update', studentId)).toBe(1);
  });

  it("answers 404 for another organization's student, prescription and medication", async () => {
    const studentA = (await createStudent(s.server, s.orgA)).id;
    const rx = await createPrescription(s.server, s.orgA, studentA);
    const list = await s.server.inject({
      url: `/api/v1/students/${studentA}/medications`,
      headers: bearer(s.orgB.nurse),
    });
    expect(list.statusCode).toBe(404);
    expect((await postPrescription(s.orgB, studentA, prescriptionPayload())).statusCode).toBe(404);
    const patch = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/students/${studentA}/medications/${rx.id}`,
      headers: bearer(s.orgB.nurse),
      payload: { discontinued: true, reason: 'x' },
    });
    expect(patch.statusCode).toBe(404);
    const studentB = (await createStudent(s.server, s.orgB)).id;
    const foreignMedication = await postPrescription(
      s.orgB,
      studentB,
      prescriptionPayload({ medication: undefined, medicationId: rx.medication.id }),
    );
    expect(foreignMedication.statusCode).toBe(404);
    expect(await count('prescriptions WHERE organization_id = :org', { org: s.orgB.id })).toBe(0);
  });

  it('VIEWER: cannot prescribe; reads without instructions, in the list and the profile', async () => {
    const studentId = (await createStudent(s.server, s.orgA)).id;
    expect((await postPrescription(s.orgA, studentId, prescriptionPayload(), s.orgA.viewer)).statusCode).toBe(
      403,
    );
    const rx = await createPrescription(s.server, s.orgA, studentId, {
      instructions: 'Crush and mix with applesauce',
    });
    await administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload({ notes: 'Tolerated well' }));

    const list = await s.server.inject({
      url: `/api/v1/students/${studentId}/medications`,
      headers: bearer(s.orgA.viewer),
    });
    expect(list.statusCode).toBe(200);
    expect((list.result as PrescriptionResult[])[0]!.instructions).toBeNull();

    const nurseProfile = await s.server.inject({
      url: `/api/v1/students/${studentId}`,
      headers: bearer(s.orgA.nurse),
    });
    const section = (JSON.parse(nurseProfile.payload) as { medications: Array<Record<string, unknown>> })
      .medications;
    expect(section).toHaveLength(1);
    expect(section[0]).toMatchObject({
      id: rx.id,
      instructions: 'Crush and mix with applesauce',
      lastAdministration: { status: 'GIVEN', notes: 'Tolerated well' },
    });
    const viewerProfile = await s.server.inject({
      url: `/api/v1/students/${studentId}`,
      headers: bearer(s.orgA.viewer),
    });
    expect(viewerProfile.statusCode).toBe(200);
    expect(viewerProfile.payload).not.toContain('applesauce');
    expect(viewerProfile.payload).not.toContain('Tolerated well');
    const viewerSection = (
      JSON.parse(viewerProfile.payload) as { medications: Array<Record<string, unknown>> }
    ).medications;
    expect(viewerSection[0]).toMatchObject({
      id: rx.id,
      instructions: null,
      lastAdministration: { status: 'GIVEN' },
    });
  });
});

describe('doses due', () => {
  it('lists DUE and OVERDUE slots, not a dose already given, not another organization', async () => {
    // An organization where it is now about midday, so three hours ago is still today.
    const org = await createOrganization(s.server);
    const timeZone = middayTimeZone();
    await setOrganizationTimeZone(s.server, org.id, timeZone);
    const student = await createStudent(s.server, org);
    const schedule = (offset: number) => ({
      scheduleTimes: [localTime(offset, timeZone)],
      startDate: localDate(-1, timeZone),
    });
    const due = await createPrescription(s.server, org, student.id, schedule(0));
    const overdue = await createPrescription(s.server, org, student.id, {
      ...schedule(-180),
      medication: { name: 'Cetirizine', form: 'TABLET', strength: '10 mg' },
      dose: '10 mg',
    });
    const given = await createPrescription(s.server, org, student.id, {
      ...schedule(0),
      medication: { name: 'Fluoxetine', form: 'CAPSULE', strength: '10 mg' },
      dose: '10 mg',
    });
    const later = await createPrescription(s.server, org, student.id, {
      ...schedule(150),
      medication: { name: 'Guanfacine', form: 'TABLET', strength: '1 mg' },
      dose: '1 mg',
    });
    const res = await administer(s.server, org.nurse, student.id, given.id, givenPayload({ dose: '10 mg' }));
    expect(res.statusCode, res.payload).toBe(201);
    // Another organization's dose due now never shows.
    const other = (await createStudent(s.server, s.orgB)).id;
    await createPrescription(s.server, s.orgB, other);

    const list = await s.server.inject({
      url: '/api/v1/medications/due?window=60',
      headers: bearer(org.viewer),
    });
    expect(list.statusCode, list.payload).toBe(200);
    const rows = list.result as Array<{
      prescriptionId: string;
      status: string;
      studentName: string;
      scheduledFor: Date;
    }>;
    const statusOf = new Map(rows.map((r) => [r.prescriptionId, r.status]));
    expect(statusOf.get(due.id)).toBe('DUE');
    expect(statusOf.get(overdue.id)).toBe('OVERDUE');
    expect(statusOf.has(given.id)).toBe(false);
    expect(statusOf.has(later.id)).toBe(false);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ studentName: `${student.firstName} ${student.lastName}` });
    expect(
      await count(`audit_log WHERE action = 'medication_due.read' AND organization_id = :org`, {
        org: org.id,
      }),
    ).toBe(1);
  });

  it('refuses a junk window', async () => {
    for (const q of ['window=0', 'window=abc', 'window=100000', 'page=1']) {
      const res = await s.server.inject({
        url: `/api/v1/medications/due?${q}`,
        headers: bearer(s.orgA.nurse),
      });
      expect(res.statusCode, q).toBe(400);
    }
  });
});
