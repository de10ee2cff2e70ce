/**
 * The medication administration record (MAR): append-only entries per prescription. A GIVEN
 * dose passes the five rights with the prescription row locked, so two nurses recording the
 * same dose at once cannot both pass the "already given" and stock checks.
 *
 * A scheduled prescription's entry is filed under one scheduled dose (its slot): the one the
 * caller names (`scheduledFor`, checked against the schedule, and refused if a standing entry
 * already answers it), or else the scheduled time nearest to `administeredAt`.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService } from '../students/index.js';
import type { UserService } from '../users/index.js';
import { MAX_FUTURE_SKEW_MS, type AdministrationStatus, type MedicationRoute } from './constants.js';
import type { DoseClock, MedicationSettings, NearestSlot } from './DoseClock.js';
import type { FiveRightsCheck } from './fiveRights.js';
import type { FormularyService } from './FormularyService.js';
import type { AdministrationInstance, MedicationModels, PrescriptionInstance } from './models.js';
import { STANDING } from './prescriptionQueries.js';
import { toAdministrationView, withoutAdministrationDetail, type AdministrationView } from './views.js';

export interface RecordAdministrationInput {
  status: AdministrationStatus;
  dose?: string;
  route?: MedicationRoute;
  administeredAt: Date;
  /** The scheduled dose this entry answers; without it, the slot nearest to administeredAt. */
  scheduledFor?: Date;
  reason?: string;
  witnessUserId?: string;
  notes?: string;
  correctsAdministrationId?: string;
}

export type AdministrationHistoryItem = AdministrationView & { correctedBy: string | null };

const ENTITY = 'student';
const WITNESS_ROLES = new Set(['NURSE', 'ADMIN']);

export interface AdministrationDependencies {
  models: MedicationModels;
  sequelize: Sequelize;
  formulary: FormularyService;
  clock: DoseClock;
  fiveRights: FiveRightsCheck;
  students: () => StudentService;
  users: () => UserService;
  audit: () => AuditService;
}

export class AdministrationService {
  constructor(private readonly deps: AdministrationDependencies) {}

  async record(
    actor: Actor,
    studentId: string,
    prescriptionId: string,
    input: RecordAdministrationInput,
  ): Promise<AdministrationView> {
    if (input.administeredAt.getTime() > Date.now() + MAX_FUTURE_SKEW_MS) {
      throw AppError.badRequest('administeredAt cannot be in the future');
    }
    const { sequelize, models, clock } = this.deps;
    const created = await sequelize.transaction(async (transaction) => {
      const prescription = await this.lockPrescription(actor, studentId, prescriptionId, transaction);
      const corrected = await this.correctedEntry(actor, prescriptionId, input, transaction);
      const settings = await clock.settingsFor(actor.organizationId, transaction);
      const slot = await this.slotFor(prescription, input, settings, corrected, transaction);
      const given = input.status === 'GIVEN';
      if (given) {
        const medication = await this.deps.formulary.get(
          actor.organizationId,
          prescription.medicationId,
          transaction,
        );
        await this.deps.fiveRights.assertGivenAllowed(
          {
            prescription,
            medication,
            dose: input.dose!,
            route: input.route!,
            administeredAt: input.administeredAt,
            slot,
            settings,
            witnessUserId: input.witnessUserId ?? null,
            correctsAdministrationId: corrected?.id ?? null,
          },
          transaction,
        );
      }
      if (input.witnessUserId) await this.assertWitness(actor, input.witnessUserId);
      // A correction that turns a GIVEN entry into something else puts the dose back in stock.
      const stockChange = (given ? -1 : 0) + (corrected?.status === 'GIVEN' ? 1 : 0);
      if (prescription.dosesOnHand + stockChange < 0) {
        throw new AppError(422, 'No doses on hand: restock the prescription before recording a given dose');
      }
      const entry = await models.Administration.create(
        {
          organizationId: actor.organizationId,
          studentId,
          prescriptionId,
          status: input.status,
          dose: input.dose ?? null,
          route: input.route ?? null,
          administeredAt: input.administeredAt,
          scheduledFor: slot?.scheduledFor ?? null,
          reason: input.reason ?? null,
          witnessUserId: input.witnessUserId ?? null,
          notes: input.notes || null,
          correctsAdministrationId: corrected?.id ?? null,
          administeredBy: actor.userId,
        },
        { transaction },
      );
      if (stockChange !== 0) {
        await prescription.increment('dosesOnHand', { by: stockChange, transaction });
      }
      await this.deps
        .audit()
        .recordFor(
          actor,
          'administration.create',
          { type: ENTITY, id: studentId },
          { prescriptionId, administrationId: entry.id, correctsAdministrationId: corrected?.id ?? null },
          transaction,
        );
      return toAdministrationView(entry);
    });
    await this.deps.students().invalidate(actor.organizationId, studentId);
    return created;
  }

  async history(
    actor: Actor,
    studentId: string,
    prescriptionId: string,
  ): Promise<AdministrationHistoryItem[]> {
    const { models } = this.deps;
    await this.deps.students().assertExists(actor.organizationId, studentId);
    const prescription = await models.Prescription.findOne({
      where: { id: prescriptionId, studentId, organizationId: actor.organizationId },
    });
    if (!prescription) throw AppError.notFound('Prescription');
    const rows = await models.Administration.findAll({
      where: { prescriptionId, organizationId: actor.organizationId },
      order: [
        ['administeredAt', 'DESC'],
        ['createdAt', 'DESC'],
      ],
      limit: 1000,
    });
    await this.deps
      .audit()
      .recordFor(
        actor,
        'administration.list',
        { type: ENTITY, id: studentId },
        { prescriptionId, resultCount: rows.length },
      );
    const correctedBy = new Map(
      rows.filter((r) => r.correctsAdministrationId).map((r) => [r.correctsAdministrationId!, r.id]),
    );
    const items = rows.map((r) => ({
      ...toAdministrationView(r),
      correctedBy: correctedBy.get(r.id) ?? null,
    }));
    return can(actor.role, 'health-records:read-detail') ? items : items.map(withoutAdministrationDetail);
  }

  /** The scheduled dose the entry is filed under: none for PRN, else named or nearest. */
  private async slotFor(
    prescription: PrescriptionInstance,
    input: RecordAdministrationInput,
    settings: MedicationSettings,
    corrected: AdministrationInstance | null,
    transaction: Transaction,
  ): Promise<NearestSlot | null> {
    const { clock } = this.deps;
    if (prescription.prn) {
      if (input.scheduledFor) {
        throw AppError.badRequest(
          'scheduledFor: this prescription is as needed (PRN) and has no scheduled doses',
        );
      }
      return null;
    }
    if (!input.scheduledFor) {
      return clock.nearestSlot(prescription.id, input.administeredAt, settings.timeZone, transaction);
    }
    const scheduledFor = input.scheduledFor;
    const check = await clock.scheduledSlot(prescription.id, scheduledFor, settings.timeZone, transaction);
    if (!check?.matchesTime) {
      throw AppError.badRequest(
        `scheduledFor is not a scheduled time of this prescription (${prescription.scheduleTimes.join(', ')}, ${settings.timeZone})`,
      );
    }
    if (!check.inCourse) {
      throw AppError.badRequest(
        'scheduledFor falls outside this prescription (before its start, after its end or discontinuation)',
      );
    }
    if (check.laterDay) {
      throw AppError.badRequest("scheduledFor is a later day's dose: record it on its day");
    }
    const recorded = await this.standingEntryFor(prescription, scheduledFor, corrected, transaction);
    if (recorded) {
      throw AppError.conflict(
        `This scheduled dose is already recorded (${recorded.status}): correct that entry instead (correctsAdministrationId)`,
      );
    }
    const minutesOff = Math.abs(input.administeredAt.getTime() - scheduledFor.getTime()) / 60_000;
    return { scheduledFor, minutesOff };
  }

  /** The standing entry already filed under the slot, other than the one being corrected. */
  private async standingEntryFor(
    prescription: PrescriptionInstance,
    scheduledFor: Date,
    corrected: AdministrationInstance | null,
    transaction: Transaction,
  ): Promise<{ id: string; status: string } | null> {
    return this.deps.sequelize.query<{ id: string; status: string }>(
      `SELECT a.id, a.status FROM medication_administrations a
        WHERE a.organization_id = :organizationId AND a.prescription_id = :prescriptionId
          AND a.scheduled_for = CAST(:scheduledFor AS timestamptz) AND ${STANDING}
          AND a.id IS DISTINCT FROM CAST(:correcting AS uuid)
        LIMIT 1`,
      {
        replacements: {
          organizationId: prescription.organizationId,
          prescriptionId: prescription.id,
          scheduledFor,
          correcting: corrected?.id ?? null,
        },
        type: QueryTypes.SELECT,
        plain: true,
        transaction,
      },
    );
  }

  /** Right student: the prescription is this student's, in this organization (else 404). */
  private async lockPrescription(
    actor: Actor,
    studentId: string,
    prescriptionId: string,
    transaction: Transaction,
  ): Promise<PrescriptionInstance> {
    await this.deps.students().assertExists(actor.organizationId, studentId, transaction);
    const prescription = await this.deps.models.Prescription.findOne({
      where: { id: prescriptionId, studentId, organizationId: actor.organizationId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!prescription) throw AppError.notFound('Prescription');
    return prescription;
  }

  private async correctedEntry(
    actor: Actor,
    prescriptionId: string,
    input: RecordAdministrationInput,
    transaction: Transaction,
  ): Promise<AdministrationInstance | null> {
    if (!input.correctsAdministrationId) return null;
    const { Administration } = this.deps.models;
    const original = await Administration.findOne({
      where: { id: input.correctsAdministrationId, prescriptionId, organizationId: actor.organizationId },
      transaction,
    });
    if (!original) {
      throw new AppError(
        422,
        'correctsAdministrationId must name an earlier administration of this prescription',
      );
    }
    const laterCorrection = await Administration.count({
      where: { correctsAdministrationId: original.id },
      transaction,
    });
    if (laterCorrection > 0) {
      throw AppError.conflict('This administration has already been corrected; correct the latest entry');
    }
    return original;
  }

  /** A witness is another active nurse or admin of the same organization. */
  private async assertWitness(actor: Actor, witnessUserId: string): Promise<void> {
    const witness = await this.deps.users().findActiveAuthUser(witnessUserId);
    const valid =
      witness !== null &&
      witness.organizationId === actor.organizationId &&
      witness.id !== actor.userId &&
      WITNESS_ROLES.has(witness.role);
    if (!valid) {
      throw new AppError(
        422,
        'Controlled substance: witnessUserId must be another active nurse or admin of this organization',
      );
    }
  }
}
