/**
 * The five rights of medication administration, checked before a GIVEN dose is recorded.
 * Each refusal is a 422 whose message names the right (or rule) that failed and never the
 * student's data: the nurse knows the child; the message only has to say what to look at.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AllergyLookup } from '../healthRecords/index.js';
import type { MedicationRoute } from './constants.js';
import type { DoseClock, MedicationSettings, NearestSlot } from './DoseClock.js';
import type { PrescriptionInstance } from './models.js';
import { STANDING } from './prescriptionQueries.js';
import type { MedicationView } from './views.js';

export interface DoseAttempt {
  prescription: PrescriptionInstance;
  medication: MedicationView;
  dose: string;
  route: MedicationRoute;
  administeredAt: Date;
  slot: NearestSlot | null;
  settings: MedicationSettings;
  witnessUserId: string | null;
  /** The entry being corrected, which does not count against itself. */
  correctsAdministrationId: string | null;
}

const refuse = (message: string) => new AppError(422, message);

/** "5 mg", "5mg" and "5 MG" are the same dose. */
export function normaliseDose(dose: string): string {
  return dose.replace(/\s+/g, '').toLowerCase();
}

/** A drug allergy matches when either name contains the other, ignoring case. */
export function allergyMatches(allergen: string, medicationName: string): boolean {
  const a = allergen.trim().toLowerCase();
  const m = medicationName.trim().toLowerCase();
  return a.length > 0 && (m.includes(a) || a.includes(m));
}

export class FiveRightsCheck {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly clock: DoseClock,
    private readonly allergies: () => AllergyLookup,
  ) {}

  async assertGivenAllowed(attempt: DoseAttempt, transaction: Transaction): Promise<void> {
    await this.rightMedication(attempt, transaction);
    if (normaliseDose(attempt.dose) !== normaliseDose(attempt.prescription.dose)) {
      throw refuse('Right dose: the dose does not match the prescribed dose');
    }
    if (attempt.route !== attempt.prescription.route) {
      throw refuse('Right route: the route does not match the prescribed route');
    }
    await this.rightTime(attempt, transaction);
    if (attempt.medication.controlledSchedule && !attempt.witnessUserId) {
      throw refuse('Controlled substance: a witness (witnessUserId) is required to give this dose');
    }
  }

  private async rightMedication(attempt: DoseAttempt, transaction: Transaction): Promise<void> {
    const { prescription, administeredAt, settings } = attempt;
    // A school may not give a child medicine without the parent's written consent.
    if (!prescription.parentConsentOnFile) {
      throw refuse('Right medication: no parent consent is on file for this prescription');
    }
    const day = await this.clock.localDate(administeredAt, settings.timeZone, transaction);
    const started = prescription.startDate <= day;
    const notEnded = !prescription.endDate || day <= prescription.endDate;
    const notDiscontinued = !prescription.discontinuedAt || administeredAt < prescription.discontinuedAt;
    if (!started || !notEnded || !notDiscontinued) {
      throw refuse(
        'Right medication: Prescription is not active on the administration date (not started, ended or discontinued)',
      );
    }
    const recorded = await this.allergies().allergiesOf(
      prescription.organizationId,
      prescription.studentId,
      transaction,
    );
    const allergic = recorded.some(
      (a) => a.allergyType === 'DRUG' && allergyMatches(a.allergen, attempt.medication.name),
    );
    if (allergic) {
      throw refuse('Right medication: the student has a recorded drug allergy matching this medication');
    }
  }

  private async rightTime(attempt: DoseAttempt, transaction: Transaction): Promise<void> {
    const { prescription, slot, settings } = attempt;
    if (!prescription.prn) {
      if (!slot || slot.minutesOff > settings.windowMinutes) {
        throw refuse(`Right time: not within ${settings.windowMinutes} minutes of a scheduled time`);
      }
      if (await this.givenNear(attempt, { slot: slot.scheduledFor }, transaction)) {
        throw refuse('Right time: this scheduled dose has already been given');
      }
      return;
    }
    const minutes = prescription.minIntervalMinutes ?? 0;
    if (await this.givenNear(attempt, { withinMinutes: minutes }, transaction)) {
      throw refuse(`Right time: less than the minimum interval (${minutes} minutes) since another dose`);
    }
  }

  /** Whether a standing GIVEN entry fills this slot, or lies within the PRN interval. */
  private async givenNear(
    attempt: DoseAttempt,
    near: { slot: Date } | { withinMinutes: number },
    transaction: Transaction,
  ): Promise<boolean> {
    const condition =
      'slot' in near
        ? 'a.scheduled_for = :slot'
        : 'abs(extract(epoch FROM a.administered_at - CAST(:at AS timestamptz))) < :withinMinutes * 60';
    const row = await this.sequelize.query<{ found: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM medication_administrations a
          WHERE a.prescription_id = :prescriptionId AND a.organization_id = :organizationId
            AND a.status = 'GIVEN' AND ${STANDING}
            AND a.id IS DISTINCT FROM CAST(:correcting AS uuid) AND ${condition}
       ) AS found`,
      {
        replacements: {
          prescriptionId: attempt.prescription.id,
          organizationId: attempt.prescription.organizationId,
          correcting: attempt.correctsAdministrationId,
          at: attempt.administeredAt,
          slot: 'slot' in near ? near.slot : null,
          withinMinutes: 'withinMinutes' in near ? near.withinMinutes : 0,
        },
        type: QueryTypes.SELECT,
        plain: true,
        transaction,
      },
    );
    return row?.found === true;
  }
}
