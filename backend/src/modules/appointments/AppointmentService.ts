/**
 * Appointments with the school nurse. Scoped to the actor's organization and audited like
 * every student record. A nurse cannot be in two scheduled slots at once: creation takes a
 * per-nurse lock, then checks for an overlap, in one transaction.
 */
import { Op, QueryTypes, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService } from '../students/index.js';
import type {
  AppointmentAttributes,
  AppointmentInstance,
  AppointmentModel,
  AppointmentStatus,
} from './models.js';

export type AppointmentView = Omit<AppointmentAttributes, 'notes'> & { notes?: string | null };

export type CreateAppointmentInput = Pick<AppointmentAttributes, 'studentId' | 'type'> & {
  nurseId?: string;
  startsAt: Date | string;
  durationMinutes?: number;
  reason?: string | null;
  notes?: string | null;
};

export interface UpdateAppointmentInput {
  status?: AppointmentStatus;
  notes?: string | null;
}

export interface AppointmentQuery {
  from?: Date;
  to?: Date;
  nurseId?: string;
  studentId?: string;
  status?: AppointmentStatus;
  page: number;
  pageSize: number;
}

/** Who may run a visit: an active NURSE or ADMIN of the organization, or null. */
export type StaffLookup = (
  organizationId: string,
  userId: string,
) => Promise<{ role: string; isActive: boolean } | null>;

const ENTITY = 'appointment';
const DEFAULT_DURATION_MINUTES = 15;
const MAX_DURATION_MINUTES = 240;
const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

function toView(a: AppointmentInstance): AppointmentView {
  return {
    id: a.id,
    organizationId: a.organizationId,
    studentId: a.studentId,
    nurseId: a.nurseId,
    createdBy: a.createdBy,
    startsAt: a.startsAt,
    durationMinutes: a.durationMinutes,
    type: a.type,
    status: a.status,
    reason: a.reason,
    notes: a.notes,
    reminderDueAt: a.reminderDueAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * The API promises a reminder 24 h before. The reminder job arrives in a later issue; until
 * then the due time is stored on the row (indexed) so that job only has to pick rows up.
 * A slot less than 24 h away gets no reminder.
 */
function reminderDueAt(startsAt: Date, now = new Date()): Date | null {
  const due = new Date(startsAt.getTime() - REMINDER_LEAD_MS);
  return due.getTime() > now.getTime() ? due : null;
}

export class AppointmentService {
  constructor(
    private readonly Appointment: AppointmentModel,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly students: () => StudentService,
    private readonly staff: StaffLookup,
  ) {}

  async list(
    actor: Actor,
    query: AppointmentQuery,
  ): Promise<{ data: AppointmentView[]; page: number; pageSize: number; total: number }> {
    const where: WhereOptions[] = [{ organizationId: actor.organizationId }];
    if (query.nurseId) where.push({ nurseId: query.nurseId });
    if (query.studentId) where.push({ studentId: query.studentId });
    if (query.status) where.push({ status: query.status });
    if (query.from) where.push({ startsAt: { [Op.gte]: query.from } });
    if (query.to) where.push({ startsAt: { [Op.lte]: query.to } });
    const { rows, count } = await this.Appointment.findAndCountAll({
      where: { [Op.and]: where },
      order: [
        ['startsAt', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    await this.audit().recordFor(
      actor,
      'appointment.list',
      { type: ENTITY },
      { resultCount: rows.length, appointmentIds: rows.map((r) => r.id) },
    );
    return {
      data: rows.map((r) => this.viewFor(actor, toView(r))),
      page: query.page,
      pageSize: query.pageSize,
      total: count,
    };
  }

  async get(actor: Actor, id: string): Promise<AppointmentView> {
    const appointment = await this.Appointment.findOne({
      where: { id, organizationId: actor.organizationId },
    });
    if (!appointment) throw AppError.notFound('Appointment');
    await this.audit().recordFor(
      actor,
      'appointment.read',
      { type: ENTITY, id },
      { studentId: appointment.studentId },
    );
    return this.viewFor(actor, toView(appointment));
  }

  async create(actor: Actor, input: CreateAppointmentInput): Promise<AppointmentView> {
    const nurseId = input.nurseId ?? actor.userId;
    await this.assertCanRunVisits(actor.organizationId, nurseId);
    const startsAt = new Date(input.startsAt);
    const durationMinutes = input.durationMinutes ?? DEFAULT_DURATION_MINUTES;
    const view = await this.sequelize.transaction(async (transaction) => {
      await this.students().assertExists(actor.organizationId, input.studentId, transaction);
      await this.assertNurseFree(actor.organizationId, nurseId, startsAt, durationMinutes, transaction);
      const appointment = await this.Appointment.create(
        {
          organizationId: actor.organizationId,
          studentId: input.studentId,
          nurseId,
          createdBy: actor.userId,
          startsAt,
          durationMinutes,
          type: input.type,
          reason: input.reason ?? null,
          notes: input.notes ?? null,
          reminderDueAt: reminderDueAt(startsAt),
        },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'appointment.create',
        { type: ENTITY, id: appointment.id },
        { studentId: input.studentId, nurseId },
        transaction,
      );
      return toView(appointment);
    });
    await this.students().invalidate(actor.organizationId, view.studentId);
    return view;
  }

  async update(actor: Actor, id: string, input: UpdateAppointmentInput): Promise<AppointmentView> {
    const view = await this.sequelize.transaction(async (transaction) => {
      const appointment = await this.Appointment.findOne({
        where: { id, organizationId: actor.organizationId },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (!appointment) throw AppError.notFound('Appointment');
      const changes: Partial<AppointmentAttributes> = {};
      if (input.notes !== undefined) changes.notes = input.notes;
      if (input.status !== undefined && input.status !== appointment.status) {
        // Completed, cancelled and missed visits are history: they are not reopened.
        if (appointment.status !== 'SCHEDULED') {
          throw new AppError(422, 'Only a scheduled appointment can change status');
        }
        changes.status = input.status;
        changes.reminderDueAt = null;
      }
      await appointment.update(changes, { transaction });
      await this.audit().recordFor(
        actor,
        'appointment.update',
        { type: ENTITY, id },
        { studentId: appointment.studentId, fields: Object.keys(input) },
        transaction,
      );
      return toView(appointment);
    });
    await this.students().invalidate(actor.organizationId, view.studentId);
    return this.viewFor(actor, view);
  }

  private async assertCanRunVisits(organizationId: string, userId: string): Promise<void> {
    const user = await this.staff(organizationId, userId);
    // One answer for "no such user here" and "not a nurse": no hint about other tenants.
    if (!user || !user.isActive || !['NURSE', 'ADMIN'].includes(user.role)) {
      throw new AppError(422, 'nurseId must be an active nurse or admin of your organization');
    }
  }

  private async assertNurseFree(
    organizationId: string,
    nurseId: string,
    startsAt: Date,
    durationMinutes: number,
    transaction: Transaction,
  ): Promise<void> {
    // Serializes bookings per nurse, so two concurrent requests cannot both see a free slot.
    await this.sequelize.query('SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))', {
      replacements: { key: `appointments:${nurseId}` },
      transaction,
    });
    const endsAt = new Date(startsAt.getTime() + durationMinutes * MINUTE_MS);
    const clash = await this.sequelize.query(
      `SELECT 1 FROM appointments
        WHERE organization_id = :organizationId AND nurse_id = :nurseId AND status = 'SCHEDULED'
          AND starts_at < :endsAt AND starts_at > :earliestStart
          AND starts_at + duration_minutes * interval '1 minute' > :startsAt
        LIMIT 1`,
      {
        replacements: {
          organizationId,
          nurseId,
          startsAt,
          endsAt,
          // No slot is longer than the maximum, which bounds the index range scanned.
          earliestStart: new Date(startsAt.getTime() - MAX_DURATION_MINUTES * MINUTE_MS),
        },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (clash.length > 0) {
      throw AppError.conflict('The nurse already has a scheduled appointment in this time slot');
    }
  }

  /** Notes are detail beyond the minimum necessary: a VIEWER sees the slot, not the notes. */
  private viewFor(actor: Actor, view: AppointmentView): AppointmentView {
    if (can(actor.role, 'health-records:read-detail')) return view;
    const { notes: _notes, ...rest } = view;
    return rest;
  }
}
