import { describe, expect, it } from 'vitest';
import { createStudent } from '../helpers/fixtures.js';
import {
  allergyPayload,
  auditRowsFor,
  count,
  expectFieldRefused,
  healthRecordsSuite,
  rowsOf,
} from '../helpers/healthRecords.js';

const t = healthRecordsSuite();

const url = (studentId: string) => `/api/v1/students/${studentId}/allergies`;
const noPen = { epiPenRequired: false, epiPenLocation: null, epiPenExpiresOn: null };
type Allergy = { id: string; allergen: string; severity: string; isActive: boolean; notes?: string };

describe('allergies', () => {
  it('records an allergy and lists it back, audited', async () => {
    const student = await createStudent(t.server, t.orgA);
    const created = await t.http.post(t.orgA.nurse, url(student.id), allergyPayload());
    expect(created.statusCode).toBe(201);
    const allergy = created.result as Allergy & Record<string, unknown>;
    expect(allergy).toMatchObject({
      studentId: student.id,
      allergen: 'Peanut',
      allergyType: 'FOOD',
      severity: 'LIFE_THREATENING',
      reactions: ['Hives', 'Throat swelling'],
      epiPenRequired: true,
      epiPenExpiresOn: '2031-06-30',
      isActive: true,
      notes: 'Diagnosed age 3',
    });
    expect(allergy).not.toHaveProperty('organizationId');

    const listed = await t.http.get(t.orgA.nurse, url(student.id));
    expect(listed.statusCode).toBe(200);
    expect((listed.result as Allergy[]).map((a) => a.id)).toEqual([allergy.id]);

    expect(await auditRowsFor(t.server, 'allergy.create', student.id)).toBe(1);
    expect(await auditRowsFor(t.server, 'allergy.list', student.id)).toBe(1);
    const entity = await t.server.app.sequelize.query(
      `SELECT entity_type AS type, entity_id AS id, details FROM audit_log WHERE action = 'allergy.create' AND entity_id = :id`,
      { replacements: { id: allergy.id }, plain: true },
    );
    // Ids only in the audit details: never the allergen or anything else clinical.
    expect(entity).toEqual({ type: 'allergy', id: allergy.id, details: { studentId: student.id } });
  });

  it('lists the most dangerous allergy first', async () => {
    const student = await createStudent(t.server, t.orgA);
    await t.http.post(
      t.orgA.nurse,
      url(student.id),
      allergyPayload({ allergen: 'Dust', severity: 'MILD', ...noPen }),
    );
    await t.http.post(
      t.orgA.nurse,
      url(student.id),
      allergyPayload({ allergen: 'Bee venom', allergyType: 'INSECT' }),
    );
    const res = await t.http.get(t.orgA.nurse, url(student.id));
    expect((res.result as Allergy[]).map((a) => a.allergen)).toEqual(['Bee venom', 'Dust']);
  });

  it('refuses a second active record of the same allergen with 409 and writes nothing', async () => {
    const student = await createStudent(t.server, t.orgA);
    await t.http.post(t.orgA.nurse, url(student.id), allergyPayload());
    const again = await t.http.post(t.orgA.nurse, url(student.id), allergyPayload({ allergen: ' peanut ' }));
    expect(again.statusCode).toBe(409);
    expect((again.result as { message: string }).message).not.toMatch(/peanut/i);
    expect(await rowsOf(t.server, 'allergies', student.id)).toBe(1);
    expect(await auditRowsFor(t.server, 'allergy.create', student.id)).toBe(1);
  });

  it('refuses EpiPen details without an EpiPen requirement (422, nothing written)', async () => {
    const student = await createStudent(t.server, t.orgA);
    const res = await t.http.post(t.orgA.nurse, url(student.id), allergyPayload({ epiPenRequired: false }));
    expect(res.statusCode).toBe(422);
    expect((res.result as { message: string }).message).toMatch(/EpiPen/);
    expect(await rowsOf(t.server, 'allergies', student.id)).toBe(0);
    expect(await auditRowsFor(t.server, 'allergy.create', student.id)).toBe(0);
  });

  it('updates partially and retires an allergy without deleting it', async () => {
    const student = await createStudent(t.server, t.orgA);
    const { id } = (await t.http.post(t.orgA.nurse, url(student.id), allergyPayload())).result as Allergy;
    const changed = await t.http.patch(t.orgA.nurse, `${url(student.id)}/${id}`, { severity: 'SEVERE' });
    expect(changed.statusCode).toBe(200);
    expect(changed.result).toMatchObject({ id, severity: 'SEVERE', allergen: 'Peanut' });

    const retired = await t.http.patch(t.orgA.nurse, `${url(student.id)}/${id}`, { isActive: false });
    expect(retired.result).toMatchObject({ isActive: false });
    expect(await rowsOf(t.server, 'allergies', student.id)).toBe(1);
    expect((await t.http.get(t.orgA.nurse, url(student.id))).result).toEqual([]);
    const history = await t.http.get(t.orgA.nurse, `${url(student.id)}?includeInactive=true`);
    expect((history.result as Allergy[]).map((a) => a.id)).toEqual([id]);

    // Retired, the allergen may be recorded again; reactivating the old one is then a conflict.
    expect((await t.http.post(t.orgA.nurse, url(student.id), allergyPayload())).statusCode).toBe(201);
    const reactivate = await t.http.patch(t.orgA.nurse, `${url(student.id)}/${id}`, { isActive: true });
    expect(reactivate.statusCode).toBe(409);
    expect(await auditRowsFor(t.server, 'allergy.update', student.id)).toBe(2);
  });

  it('refuses an update that would leave EpiPen details without the requirement', async () => {
    const student = await createStudent(t.server, t.orgA);
    const { id } = (await t.http.post(t.orgA.nurse, url(student.id), allergyPayload())).result as Allergy;
    const res = await t.http.patch(t.orgA.nurse, `${url(student.id)}/${id}`, { epiPenRequired: false });
    expect(res.statusCode).toBe(422);
    const cleared = await t.http.patch(t.orgA.nurse, `${url(student.id)}/${id}`, {
      epiPenRequired: false,
      epiPenLocation: null,
      epiPenExpiresOn: null,
    });
    expect(cleared.statusCode).toBe(200);
    expect(await auditRowsFor(t.server, 'allergy.update', student.id)).toBe(1);
  });
});

describe('allergies: validation', () => {
  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['a bad severity', { severity: 'DEADLY' }, 'severity'],
    ['a bad allergy type', { allergyType: 'PLANT' }, 'allergyType'],
    ['an impossible expiry date', { epiPenExpiresOn: '2030-02-30' }, 'epiPenExpiresOn'],
    ['an expiry that is not a date', { epiPenExpiresOn: 'next year' }, 'epiPenExpiresOn'],
    ['a missing allergen', { allergen: undefined }, 'allergen'],
    ['missing reactions', { reactions: undefined }, 'reactions'],
    ['an over-long allergen', { allergen: 'x'.repeat(201) }, 'allergen'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ];
  it.each(bad)('answers 400 naming the field for %s', async (_label, override, field) => {
    await expectFieldRefused(t, url, 'allergies', allergyPayload(override), field);
  });

  it('answers 400 to an empty update and a bad allergy id', async () => {
    const student = await createStudent(t.server, t.orgA);
    expect(
      (await t.http.patch(t.orgA.nurse, `${url(student.id)}/${crypto.randomUUID()}`, {})).statusCode,
    ).toBe(400);
    expect(
      (await t.http.patch(t.orgA.nurse, `${url(student.id)}/nope`, { severity: 'MILD' })).statusCode,
    ).toBe(400);
  });
});

describe('allergies: tenancy and roles', () => {
  it("answers 404 for another organization's student, read or write, and writes nothing", async () => {
    const theirs = await createStudent(t.server, t.orgB);
    expect((await t.http.get(t.orgA.nurse, url(theirs.id))).statusCode).toBe(404);
    expect((await t.http.post(t.orgA.nurse, url(theirs.id), allergyPayload())).statusCode).toBe(404);
    expect(await rowsOf(t.server, 'allergies', theirs.id)).toBe(0);
  });

  it("answers 404 when patching another student's or organization's allergy", async () => {
    const mine = await createStudent(t.server, t.orgA);
    const other = await createStudent(t.server, t.orgA);
    const theirs = await createStudent(t.server, t.orgB);
    const { id: otherAllergy } = (await t.http.post(t.orgA.nurse, url(other.id), allergyPayload()))
      .result as Allergy;
    const { id: theirAllergy } = (await t.http.post(t.orgB.nurse, url(theirs.id), allergyPayload()))
      .result as Allergy;
    const viaMine = await t.http.patch(t.orgA.nurse, `${url(mine.id)}/${otherAllergy}`, { severity: 'MILD' });
    expect(viaMine.statusCode).toBe(404);
    const viaTheirs = await t.http.patch(t.orgA.nurse, `${url(theirs.id)}/${theirAllergy}`, {
      severity: 'MILD',
    });
    expect(viaTheirs.statusCode).toBe(404);
    const untouched = await count(
      t.server,
      `SELECT count(*)::int AS n FROM allergies WHERE id IN (:ids) AND severity = 'LIFE_THREATENING'`,
      { ids: [otherAllergy, theirAllergy] },
    );
    expect(untouched).toBe(2);
  });

  it('answers 403 to a viewer writing and shows a viewer no notes', async () => {
    const student = await createStudent(t.server, t.orgA);
    const { id } = (await t.http.post(t.orgA.nurse, url(student.id), allergyPayload())).result as Allergy;
    expect((await t.http.post(t.orgA.viewer, url(student.id), allergyPayload())).statusCode).toBe(403);
    expect(
      (await t.http.patch(t.orgA.viewer, `${url(student.id)}/${id}`, { isActive: false })).statusCode,
    ).toBe(403);
    const seen = await t.http.get(t.orgA.viewer, url(student.id));
    expect(seen.statusCode).toBe(200);
    const [allergy] = seen.result as Array<Record<string, unknown>>;
    expect(allergy).not.toHaveProperty('notes');
    expect(allergy).toMatchObject({
      allergen: 'Peanut',
      emergencyProtocol: 'Give EpiPen, call 911, call parent',
    });
    expect(await rowsOf(t.server, 'allergies', student.id)).toBe(1);
  });
});

describe('allergies: the lookup the medications module uses', () => {
  it("answers a student's active allergies in their organization only", async () => {
    const student = await createStudent(t.server, t.orgA);
    await t.http.post(
      t.orgA.nurse,
      url(student.id),
      allergyPayload({ allergen: 'Penicillin', allergyType: 'DRUG' }),
    );
    const { id } = (
      await t.http.post(
        t.orgA.nurse,
        url(student.id),
        allergyPayload({ allergen: 'Latex', allergyType: 'LATEX' }),
      )
    ).result as Allergy;
    await t.http.patch(t.orgA.nurse, `${url(student.id)}/${id}`, { isActive: false });
    const lookup = t.server.plugins.healthRecords.allergies;
    expect(await lookup.allergiesOf(t.orgA.id, student.id)).toEqual([
      { allergen: 'Penicillin', allergyType: 'DRUG', severity: 'LIFE_THREATENING' },
    ]);
    expect(await lookup.allergiesOf(t.orgB.id, student.id)).toEqual([]);
  });
});
