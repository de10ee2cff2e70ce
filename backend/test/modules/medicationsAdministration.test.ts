/**
 * The MAR: every five-rights refusal is a 4xx that writes nothing (no administration row,
 * stock unchanged); a GIVEN dose takes one from stock; corrections append; the table itself
 * refuses UPDATE and DELETE.
 */
import { describe, expect, it } from 'vitest';
import { bearer, createStudent, type TestOrganization } from '../helpers/fixtures.js';
import {
  administer,
  createPrescription,
  givenPayload,
  localDate,
  localTime,
  marState,
} from '../helpers/medicationFixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';

const s = twoOrganizationSuite();

async function newStudent(org: TestOrganization = s.orgA) {
  return (await createStudent(s.server, org)).id;
}

/** Sends the administration and checks it was refused with `status` and left no trace. */
async function expectRefused(
  studentId: string,
  prescriptionId: string,
  payload: Record<string, unknown>,
  status: number,
  message?: RegExp,
  user = s.orgA.nurse,
) {
  const before = await marState(s.server, prescriptionId);
  const res = await administer(s.server, user, studentId, prescriptionId, payload);
  expect(res.statusCode, res.payload).toBe(status);
  if (message) expect((res.result as { message: string }).message).toMatch(message);
  expect(await marState(s.server, prescriptionId)).toEqual(before);
  return res;
}

describe('recording a dose', () => {
  it('records a GIVEN dose in the window and takes one dose from stock', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, { dosesOnHand: 3 });
    const res = await administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload({ dose: '200MG' }));
    expect(res.statusCode, res.payload).toBe(201);
    expect(res.result).toMatchObject({ status: 'GIVEN', prescriptionId: rx.id, studentId });
    expect((res.result as { scheduledFor: unknown }).scheduledFor).not.toBeNull();
    expect(await marState(s.server, rx.id)).toEqual({ administrations: 1, dosesOnHand: 2 });
    const [audit] = await s.server.app.sequelize.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'administration.create'
         AND entity_type = 'student' AND entity_id = :studentId AND details->>'prescriptionId' = :rx`,
      { replacements: { studentId, rx: rx.id } },
    );
    expect((audit as Array<{ n: number }>)[0]!.n).toBe(1);
  });

  it('records REFUSED, MISSED and HELD with a reason and leaves stock alone', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, {
      scheduleTimes: ['08:00', '12:00', '15:00'],
    });
    for (const status of ['REFUSED', 'MISSED', 'HELD']) {
      const res = await administer(s.server, s.orgA.nurse, studentId, rx.id, {
        status,
        administeredAt: new Date().toISOString(),
        reason: 'Student absent or declined',
      });
      expect(res.statusCode, res.payload).toBe(201);
    }
    expect(await marState(s.server, rx.id)).toEqual({ administrations: 3, dosesOnHand: 10 });
  });

  it('refuses REFUSED, MISSED and HELD without a reason (400 naming the field)', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    for (const status of ['REFUSED', 'MISSED', 'HELD']) {
      const res = await expectRefused(
        studentId,
        rx.id,
        { status, administeredAt: new Date().toISOString() },
        400,
      );
      expect((res.result as { message: string }).message).toContain('reason');
    }
  });
});

describe('the five rights refuse and write nothing', () => {
  it('wrong dose', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    await expectRefused(studentId, rx.id, givenPayload({ dose: '400 mg' }), 422, /Right dose/);
  });

  it('no parent consent on file', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, { parentConsentOnFile: false });
    await expectRefused(studentId, rx.id, givenPayload(), 422, /parent consent/);
  });

  it('wrong route', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    await expectRefused(studentId, rx.id, givenPayload({ route: 'TOPICAL' }), 422, /Right route/);
  });

  it('wrong time: outside the window of every scheduled time', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, { scheduleTimes: [localTime(-180)] });
    await expectRefused(studentId, rx.id, givenPayload(), 422, /Right time/);
  });

  it('wrong time: the scheduled dose was already given', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    expect((await administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload())).statusCode).toBe(201);
    await expectRefused(studentId, rx.id, givenPayload(), 422, /already been given/);
  });

  it('two nurses recording the same scheduled dose at once: one is refused', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    const results = await Promise.all([
      administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload()),
      administer(s.server, s.orgA.admin, studentId, rx.id, givenPayload()),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(await marState(s.server, rx.id)).toEqual({ administrations: 1, dosesOnHand: 9 });
  });

  it('PRN too soon after the previous dose', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, {
      scheduleTimes: undefined,
      prn: true,
      minIntervalMinutes: 240,
    });
    const earlier = new Date(Date.now() - 60 * 60_000).toISOString();
    const first = await administer(
      s.server,
      s.orgA.nurse,
      studentId,
      rx.id,
      givenPayload({ administeredAt: earlier }),
    );
    expect(first.statusCode, first.payload).toBe(201);
    await expectRefused(studentId, rx.id, givenPayload(), 422, /Right time.*minimum interval/);
  });

  it('PRN after the interval is given', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, {
      scheduleTimes: undefined,
      prn: true,
      minIntervalMinutes: 60,
    });
    const earlier = new Date(Date.now() - 90 * 60_000).toISOString();
    expect(
      (await administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload({ administeredAt: earlier })))
        .statusCode,
    ).toBe(201);
    const res = await administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload());
    expect(res.statusCode, res.payload).toBe(201);
    expect((res.result as { scheduledFor: unknown }).scheduledFor).toBeNull();
  });

  it('expired prescription (endDate in the past)', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, {
      startDate: localDate(-10),
      endDate: localDate(-1),
    });
    expect(rx.active).toBe(false);
    await expectRefused(
      studentId,
      rx.id,
      givenPayload(),
      422,
      /Right medication: Prescription is not active/,
    );
  });

  it('discontinued prescription', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    const patch = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/students/${studentId}/medications/${rx.id}`,
      headers: bearer(s.orgA.nurse),
      payload: { discontinued: true, reason: 'Prescriber stopped the order' },
    });
    expect(patch.statusCode, patch.payload).toBe(200);
    expect(patch.result).toMatchObject({ active: false });
    await expectRefused(studentId, rx.id, givenPayload(), 422, /Prescription is not active/);
  });

  it('allergy conflict (pending until the healthRecords allergies route lands)', async () => {
    const studentId = await newStudent();
    const allergy = await s.server.inject({
      method: 'POST',
      url: `/api/v1/students/${studentId}/allergies`,
      headers: bearer(s.orgA.nurse),
      payload: { allergen: 'Penicillin', allergyType: 'DRUG', severity: 'SEVERE', reactions: ['hives'] },
    });
    expect(allergy.statusCode, allergy.payload).toBe(201);
    const rx = await createPrescription(s.server, s.orgA, studentId, {
      medication: { name: 'Penicillin VK', form: 'TABLET', strength: '250 mg' },
      dose: '250 mg',
    });
    const res = await expectRefused(studentId, rx.id, givenPayload({ dose: '250 mg' }), 422, /allergy/);
    expect((res.result as { message: string }).message).not.toMatch(/penicillin/i);
  });

  it('no doses on hand', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, { dosesOnHand: 0 });
    await expectRefused(studentId, rx.id, givenPayload(), 422, /No doses on hand/);
  });

  it('administeredAt in the future', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    const later = new Date(Date.now() + 60 * 60_000).toISOString();
    await expectRefused(studentId, rx.id, givenPayload({ administeredAt: later }), 400, /administeredAt/);
  });
});

describe('controlled substances need a witness', () => {
  const controlled = {
    medication: { name: 'Methylphenidate', form: 'TABLET', strength: '10 mg', controlledSchedule: 'II' },
    dose: '10 mg',
  };

  it('refuses a missing witness, the nurse as own witness, a witness of another organization and a viewer', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, controlled);
    expect(rx.medication.controlledSchedule).toBe('II');
    const dose = { dose: '10 mg' };
    await expectRefused(studentId, rx.id, givenPayload(dose), 422, /witness/);
    for (const witness of [s.orgA.nurse, s.orgB.admin, s.orgA.viewer]) {
      await expectRefused(
        studentId,
        rx.id,
        givenPayload({ ...dose, witnessUserId: witness.id }),
        422,
        /witness/,
      );
    }
  });

  it('records the dose with another nurse or admin of the organization as witness', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId, controlled);
    const res = await administer(
      s.server,
      s.orgA.nurse,
      studentId,
      rx.id,
      givenPayload({ dose: '10 mg', witnessUserId: s.orgA.admin.id }),
    );
    expect(res.statusCode, res.payload).toBe(201);
    expect(res.result).toMatchObject({ witnessUserId: s.orgA.admin.id });
    expect(await marState(s.server, rx.id)).toEqual({ administrations: 1, dosesOnHand: 9 });
  });
});

describe('corrections and the append-only MAR', () => {
  it('a correction appends a new entry, restores the stock and shows in the history', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    const given = await administer(
      s.server,
      s.orgA.nurse,
      studentId,
      rx.id,
      givenPayload({ notes: 'Took with water' }),
    );
    const givenId = (given.result as { id: string }).id;
    const correction = await administer(s.server, s.orgA.nurse, studentId, rx.id, {
      status: 'REFUSED',
      administeredAt: new Date().toISOString(),
      reason: 'Entered in error: student refused',
      correctsAdministrationId: givenId,
    });
    expect(correction.statusCode, correction.payload).toBe(201);
    expect(await marState(s.server, rx.id)).toEqual({ administrations: 2, dosesOnHand: 10 });

    const history = await s.server.inject({
      url: `/api/v1/students/${studentId}/medications/${rx.id}/administrations`,
      headers: bearer(s.orgA.nurse),
    });
    expect(history.statusCode).toBe(200);
    const rows = history.result as Array<{ id: string; correctedBy: string | null; notes: string | null }>;
    expect(rows).toHaveLength(2);
    const original = rows.find((r) => r.id === givenId)!;
    expect(original.correctedBy).toBe((correction.result as { id: string }).id);
    expect(original.notes).toBe('Took with water');

    // The corrected slot is open again, so the dose can now be given.
    expect((await administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload())).statusCode).toBe(201);
    // An entry is corrected once; the second correction must name the latest entry.
    await expectRefused(
      studentId,
      rx.id,
      { ...givenPayload(), correctsAdministrationId: givenId },
      409,
      /already been corrected/,
    );
  });

  it('refuses a correction naming an administration of another prescription', async () => {
    const studentId = await newStudent();
    const rx1 = await createPrescription(s.server, s.orgA, studentId);
    const rx2 = await createPrescription(s.server, s.orgA, studentId, {
      medication: { name: 'Cetirizine', form: 'TABLET', strength: '10 mg' },
      dose: '10 mg',
    });
    const given = await administer(s.server, s.orgA.nurse, studentId, rx1.id, givenPayload());
    await expectRefused(
      studentId,
      rx2.id,
      {
        status: 'HELD',
        administeredAt: new Date().toISOString(),
        reason: 'Entered in error',
        correctsAdministrationId: (given.result as { id: string }).id,
      },
      422,
      /correctsAdministrationId/,
    );
  });

  it('the database refuses UPDATE and DELETE on the MAR', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    await administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload());
    const { sequelize } = s.server.app;
    await expect(
      sequelize.query(`UPDATE medication_administrations SET notes = 'edited' WHERE prescription_id = :id`, {
        replacements: { id: rx.id },
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      sequelize.query(`DELETE FROM medication_administrations WHERE prescription_id = :id`, {
        replacements: { id: rx.id },
      }),
    ).rejects.toThrow(/append-only/);
    expect((await marState(s.server, rx.id)).administrations).toBe(1);
  });
});

describe('who may record, and where', () => {
  it('a VIEWER cannot administer (403) and nothing is written', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    await expectRefused(studentId, rx.id, givenPayload(), 403, undefined, s.orgA.viewer);
  });

  it("another organization's prescription answers 404, and so does another student's", async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    await expectRefused(studentId, rx.id, givenPayload(), 404, /not found/, s.orgB.nurse);
    const history = await s.server.inject({
      url: `/api/v1/students/${studentId}/medications/${rx.id}/administrations`,
      headers: bearer(s.orgB.nurse),
    });
    expect(history.statusCode).toBe(404);
    const otherStudent = await newStudent();
    await expectRefused(otherStudent, rx.id, givenPayload(), 404, /Prescription not found/);
  });

  it('a VIEWER reads the history without notes or reasons', async () => {
    const studentId = await newStudent();
    const rx = await createPrescription(s.server, s.orgA, studentId);
    await administer(s.server, s.orgA.nurse, studentId, rx.id, givenPayload({ notes: 'Mild nausea after' }));
    const res = await s.server.inject({
      url: `/api/v1/students/${studentId}/medications/${rx.id}/administrations`,
      headers: bearer(s.orgA.viewer),
    });
    expect(res.statusCode).toBe(200);
    const [row] = res.result as Array<{ notes: string | null; status: string }>;
    expect(row).toMatchObject({ status: 'GIVEN', notes: null });
    expect(res.payload).not.toContain('nausea');
  });
});
