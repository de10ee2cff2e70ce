import { describe, expect, it } from 'vitest';
import { createStudent } from '../helpers/fixtures.js';
import {
  auditRowsFor,
  conditionPayload,
  expectFieldRefused,
  healthRecordsSuite,
  rowsOf,
  screeningPayload,
} from '../helpers/healthRecords.js';

const t = healthRecordsSuite();

const conditions = (studentId: string) => `/api/v1/students/${studentId}/conditions`;
const screenings = (studentId: string) => `/api/v1/students/${studentId}/screenings`;
type Row = Record<string, unknown> & { id: string };

describe('conditions', () => {
  it('records a condition, lists it back and audits both', async () => {
    const student = await createStudent(t.server, t.orgA);
    const created = await t.http.post(
      t.orgA.nurse,
      conditions(student.id),
      conditionPayload({ icd10Code: 'e10.9' }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.result).toMatchObject({
      condition: 'Asthma',
      icd10Code: 'E10.9',
      status: 'ACTIVE',
      triggers: ['Cold air', 'Exercise'],
      flagged: true,
    });
    const listed = await t.http.get(t.orgA.nurse, conditions(student.id));
    expect((listed.result as Row[]).map((c) => c.id)).toEqual([(created.result as Row).id]);
    expect(await auditRowsFor(t.server, 'condition.create', student.id)).toBe(1);
    expect(await auditRowsFor(t.server, 'condition.list', student.id)).toBe(1);
  });

  it('does not flag a condition unless asked', async () => {
    const student = await createStudent(t.server, t.orgA);
    const res = await t.http.post(t.orgA.nurse, conditions(student.id), {
      condition: 'Seasonal allergies',
      status: 'MANAGED',
    });
    expect(res.result).toMatchObject({ flagged: false, triggers: [], icd10Code: null });
  });

  it('resolves a condition by update, keeping the row', async () => {
    const student = await createStudent(t.server, t.orgA);
    const { id } = (await t.http.post(t.orgA.nurse, conditions(student.id), conditionPayload()))
      .result as Row;
    const res = await t.http.patch(t.orgA.nurse, `${conditions(student.id)}/${id}`, {
      status: 'RESOLVED',
      actionPlan: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({ id, status: 'RESOLVED', actionPlan: null, condition: 'Asthma' });
    expect(await rowsOf(t.server, 'conditions', student.id)).toBe(1);
    expect(await auditRowsFor(t.server, 'condition.update', student.id)).toBe(1);
  });

  it.each([
    ['a bad ICD-10 code', { icd10Code: '123.4' }, 'icd10Code'],
    ['an ICD-10 code with a long suffix', { icd10Code: 'J45.90912' }, 'icd10Code'],
    ['a bad status', { status: 'CURED' }, 'status'],
    ['triggers that are not a list', { triggers: 'dust' }, 'triggers'],
  ])('answers 400 naming the field for %s', async (_label, override, field) => {
    await expectFieldRefused(t, conditions, 'conditions', conditionPayload(override), field);
  });

  it("answers 404 for another organization's student or another student's condition", async () => {
    const theirs = await createStudent(t.server, t.orgB);
    expect((await t.http.get(t.orgA.nurse, conditions(theirs.id))).statusCode).toBe(404);
    expect((await t.http.post(t.orgA.nurse, conditions(theirs.id), conditionPayload())).statusCode).toBe(404);
    const { id } = (await t.http.post(t.orgB.nurse, conditions(theirs.id), conditionPayload())).result as Row;
    const mine = await createStudent(t.server, t.orgA);
    const res = await t.http.patch(t.orgA.nurse, `${conditions(mine.id)}/${id}`, { status: 'RESOLVED' });
    expect(res.statusCode).toBe(404);
    expect(await rowsOf(t.server, 'conditions', theirs.id)).toBe(1);
  });

  it('answers 403 to a viewer writing and shows a viewer no notes', async () => {
    const student = await createStudent(t.server, t.orgA);
    const { id } = (await t.http.post(t.orgA.nurse, conditions(student.id), conditionPayload()))
      .result as Row;
    expect((await t.http.post(t.orgA.viewer, conditions(student.id), conditionPayload())).statusCode).toBe(
      403,
    );
    const patch = await t.http.patch(t.orgA.viewer, `${conditions(student.id)}/${id}`, { flagged: false });
    expect(patch.statusCode).toBe(403);
    const [seen] = (await t.http.get(t.orgA.viewer, conditions(student.id))).result as Row[];
    expect(seen).not.toHaveProperty('notes');
    expect(seen).toMatchObject({ condition: 'Asthma', actionPlan: 'Albuterol 2 puffs as needed' });
  });
});

describe('screenings', () => {
  it('records a vision screening and lists the latest first', async () => {
    const student = await createStudent(t.server, t.orgA);
    const older = await t.http.post(
      t.orgA.nurse,
      screenings(student.id),
      screeningPayload({ screenedOn: '2024-09-10' }),
    );
    expect(older.statusCode).toBe(201);
    expect(older.result).toMatchObject({
      type: 'VISION',
      result: 'PASS',
      referral: false,
      bmi: null,
      measurements: { rightEye: '20/20', leftEye: '20/25' },
    });
    await t.http.post(t.orgA.nurse, screenings(student.id), screeningPayload({ screenedOn: '2025-09-10' }));
    const listed = await t.http.get(t.orgA.nurse, screenings(student.id));
    expect((listed.result as Row[]).map((s) => s.screenedOn)).toEqual(['2025-09-10', '2024-09-10']);
    expect(await auditRowsFor(t.server, 'screening.create', student.id)).toBe(2);
    expect(await auditRowsFor(t.server, 'screening.list', student.id)).toBe(1);
  });

  it('computes and stores the BMI', async () => {
    const student = await createStudent(t.server, t.orgA);
    const res = await t.http.post(t.orgA.nurse, screenings(student.id), {
      type: 'BMI',
      screenedOn: '2025-10-01',
      result: 'PASS',
      measurements: { heightCm: 140, weightKg: 35 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.result).toMatchObject({ bmi: 17.9, measurements: { heightCm: 140, weightKg: 35 } });
    const stored = await t.server.app.sequelize.query(
      'SELECT bmi::float AS bmi FROM screenings WHERE id = :id',
      {
        replacements: { id: (res.result as Row).id },
        plain: true,
      },
    );
    expect(stored).toEqual({ bmi: 17.9 });
  });

  it('implies a referral for a REFER result and refuses REFER without one', async () => {
    const student = await createStudent(t.server, t.orgA);
    const refer = await t.http.post(t.orgA.nurse, screenings(student.id), {
      type: 'HEARING',
      screenedOn: '2025-10-01',
      result: 'REFER',
      measurements: { right: 'PASS', left: 'FAIL' },
    });
    expect(refer.result).toMatchObject({ referral: true });
    const refused = await t.http.post(t.orgA.nurse, screenings(student.id), {
      type: 'SCOLIOSIS',
      screenedOn: '2025-10-01',
      result: 'REFER',
      referral: false,
    });
    expect(refused.statusCode).toBe(422);
    expect((refused.result as { message: string }).message).toMatch(/REFER/);
    expect(await rowsOf(t.server, 'screenings', student.id)).toBe(1);
    expect(await auditRowsFor(t.server, 'screening.create', student.id)).toBe(1);
  });

  it('refuses an implausible BMI with 422 and writes nothing', async () => {
    const student = await createStudent(t.server, t.orgA);
    const res = await t.http.post(t.orgA.nurse, screenings(student.id), {
      type: 'BMI',
      screenedOn: '2025-10-01',
      result: 'PASS',
      measurements: { heightCm: 60, weightKg: 250 },
    });
    expect(res.statusCode).toBe(422);
    expect((res.result as { message: string }).message).not.toMatch(/250|60/);
    expect(await rowsOf(t.server, 'screenings', student.id)).toBe(0);
  });

  it.each([
    ['a bad type', { type: 'DENTAL' }, 'type'],
    ['a future date', { screenedOn: '2999-01-01' }, 'screenedOn'],
    ['a date that is not one', { screenedOn: '2025-13-01' }, 'screenedOn'],
    ['a bad result', { result: 'FAIL' }, 'result'],
    ['a bad Snellen value', { measurements: { rightEye: '6/6' } }, 'rightEye'],
    ['hearing values on a vision screening', { measurements: { right: 'PASS' } }, 'right'],
    ['BMI without measurements', { type: 'BMI', measurements: undefined }, 'measurements'],
    ['measurements on scoliosis', { type: 'SCOLIOSIS' }, 'measurements'],
  ])('answers 400 naming the field for %s', async (_label, override, field) => {
    await expectFieldRefused(t, screenings, 'screenings', screeningPayload(override), field);
  });

  it('keeps tenants apart, refuses viewers writing and hides notes from them', async () => {
    const theirs = await createStudent(t.server, t.orgB);
    expect((await t.http.get(t.orgA.nurse, screenings(theirs.id))).statusCode).toBe(404);
    expect((await t.http.post(t.orgA.nurse, screenings(theirs.id), screeningPayload())).statusCode).toBe(404);
    const mine = await createStudent(t.server, t.orgA);
    await t.http.post(t.orgA.nurse, screenings(mine.id), screeningPayload());
    expect((await t.http.post(t.orgA.viewer, screenings(mine.id), screeningPayload())).statusCode).toBe(403);
    const [seen] = (await t.http.get(t.orgA.viewer, screenings(mine.id))).result as Row[];
    expect(seen).not.toHaveProperty('notes');
    expect(seen).toMatchObject({ type: 'VISION', result: 'PASS' });
    expect(await rowsOf(t.server, 'screenings', theirs.id)).toBe(0);
  });
});
