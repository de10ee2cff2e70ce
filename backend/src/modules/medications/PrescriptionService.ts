/**
 * A student's prescriptions: create (with a formulary entry found or made), list, and change
 * the end date or discontinue. Every read and write is audited under the student.
 */
import type { Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService } from '../students/index.js';
import type { MedicationRoute } from './constants.js';
import type { DoseClock } from './DoseClock.js';
import type { FormularyService, MedicationInput } from './FormularyService.js';
import type { MedicationModels } from './models.js';
import { findPrescriptions, type PrescriptionWithLast } from './prescriptionQueries.js';
import { asDateOnly, withoutPrescriptionDetail, type PrescriptionView } from './views.js';

export interface CreatePrescriptionInput {
  medicationId?: string;
  medication?: MedicationInput;
  dose: string;
  route: MedicationRoute;
  scheduleTimes?: string[];
  prn?: boolean;
  minIntervalMinutes?: number;
  startDate: string | Date;
  endDate?: string | Date;
  prescriber: string;
  parentConsentOnFile: boolean;
  dosesOnHand: number;
  instructions?: string | null;
}

export type UpdatePrescriptionInput = { reason: string } & (
  { endDate: string | Date; discontinued?: undefined } | { discontinued: true; endDate?: undefined }
);

const ENTITY = 'student';

export class PrescriptionService {
  constructor(
    private readonly models: MedicationModels,
    private readonly sequelize: Sequelize,
    private readonly formulary: FormularyService,
    private readonly clock: DoseClock,
    private readonly students: () => StudentService,
    private readonly audit: () => AuditService,
  ) {}

  async list(actor: Actor, studentId: string): Promise<PrescriptionView[]> {
    await this.students().assertExists(actor.organizationId, studentId);
    const { timeZone } = await this.clock.settingsFor(actor.organizationId);
    const rows = await findPrescriptions(this.sequelize, {
      organizationId: actor.organizationId,
      studentId,
      timeZone,
    });
    await this.audit().recordFor(
      actor,
      'prescription.list',
      { type: ENTITY, id: studentId },
      { resultCount: rows.length },
    );
    const views = rows.map(({ lastAdministration: _last, ...view }) => view);
    return can(actor.role, 'health-records:read-detail') ? views : views.map(withoutPrescriptionDetail);
  }

  async create(actor: Actor, studentId: string, input: CreatePrescriptionInput): Promise<PrescriptionView> {
    const { medicationId, medication, startDate, endDate, scheduleTimes, ...rest } = input;
    const created = await this.sequelize.transaction(async (transaction) => {
      await this.students().assertExists(actor.organizationId, studentId, transaction);
      const entry = medicationId
        ? await this.formulary.get(actor.organizationId, medicationId, transaction)
        : await this.formulary.findOrCreate(actor, medication!, transaction);
      const prescription = await this.models.Prescription.create(
        {
          ...rest,
          organizationId: actor.organizationId,
          studentId,
          medicationId: entry.id,
          scheduleTimes: [...(scheduleTimes ?? [])].sort(),
          prn: rest.prn ?? false,
          startDate: asDateOnly(startDate),
          endDate: endDate ? asDateOnly(endDate) : null,
          instructions: rest.instructions || null,
          createdBy: actor.userId,
        },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'prescription.create',
        { type: ENTITY, id: studentId },
        { prescriptionId: prescription.id, medicationId: entry.id },
        transaction,
      );
      return this.reload(actor.organizationId, studentId, prescription.id, transaction);
    });
    await this.students().invalidate(actor.organizationId, studentId);
    return created;
  }

  /** A new end date, or discontinuation now; either way with a reason. Never reopened. */
  async update(
    actor: Actor,
    studentId: string,
    prescriptionId: string,
    input: UpdatePrescriptionInput,
  ): Promise<PrescriptionView> {
    const updated = await this.sequelize.transaction(async (transaction) => {
      await this.students().assertExists(actor.organizationId, studentId, transaction);
      const prescription = await this.models.Prescription.findOne({
        where: { id: prescriptionId, studentId, organizationId: actor.organizationId },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (!prescription) throw AppError.notFound('Prescription');
      if (prescription.discontinuedAt) throw AppError.conflict('Prescription is already discontinued');
      if (input.discontinued) {
        await prescription.update(
          { discontinuedAt: new Date(), discontinuedBy: actor.userId, changeReason: input.reason },
          { transaction },
        );
      } else {
        const endDate = asDateOnly(input.endDate);
        if (endDate < prescription.startDate) {
          throw new AppError(422, 'endDate cannot be before the prescription startDate');
        }
        await prescription.update({ endDate, changeReason: input.reason }, { transaction });
      }
      await this.audit().recordFor(
        actor,
        input.discontinued ? 'prescription.discontinue' : 'prescription.update',
        { type: ENTITY, id: studentId },
        { prescriptionId, fields: input.discontinued ? ['discontinued'] : ['endDate'] },
        transaction,
      );
      return this.reload(actor.organizationId, studentId, prescriptionId, transaction);
    });
    await this.students().invalidate(actor.organizationId, studentId);
    return updated;
  }

  /** The profile section: active prescriptions with their latest standing administration. */
  async activeForProfile(organizationId: string, studentId: string): Promise<PrescriptionWithLast[]> {
    const { timeZone } = await this.clock.settingsFor(organizationId);
    return findPrescriptions(this.sequelize, { organizationId, studentId, timeZone, activeOnly: true });
  }

  private async reload(
    organizationId: string,
    studentId: string,
    prescriptionId: string,
    transaction: Parameters<typeof findPrescriptions>[2],
  ): Promise<PrescriptionView> {
    const { timeZone } = await this.clock.settingsFor(organizationId, transaction);
    const [row] = await findPrescriptions(
      this.sequelize,
      { organizationId, studentId, timeZone, prescriptionId },
      transaction,
    );
    if (!row) throw AppError.notFound('Prescription');
    const { lastAdministration: _last, ...view } = row;
    return view;
  }
}
