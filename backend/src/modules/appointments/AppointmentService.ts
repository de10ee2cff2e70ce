/**
 * Appointments with the school nurse. Scoped to the actor's organization and audited like
 * every student record. A nurse cannot be in two scheduled slots at once (see
 * nurseAvailability). Each scheduled slot more than a day away has a reminder job 24 h
 * before it, kept in step after every commit: booked, moved, or removed with the slot.
 */
import type { Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { AuditService } from '../audit/index.js';
import { namedStudent, type StudentService } from '../students/index.js';
import {
  type AppointmentFilter,
  type AppointmentStudent,
  selectAppointment,
  selectAppointmentPage,
} from './appointmentQueries.js';
import type {
  AppointmentAttributes,
  AppointmentInstance,
  AppointmentModel,
  AppointmentStatus,
} from './models.js';
import { assertNurseFree } from './nurseAvailability.js';
import type { ReminderSchedule } from './ReminderScheduler.js';

export type { AppointmentStudent } from './appointmentQueries.js';

export type AppointmentView = Omit<AppointmentAttributes, 'notes'> & {
  notes?: string | null;
  /** "First Last": who the visit is for; `student` has the parts and the school. */
  studentName: string;
  student: AppointmentStudent;
};

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
  /** A reschedule: the new start and/or length of a scheduled slot. */
  startsAt?: Date | string;
  durationMinutes?: number;
}

/** A list request: the filter the query reads, and which page of it. */
export type AppointmentQuery = AppointmentFilter & { page: number; pageSize: number };

/** Who may run a visit: an active NURSE or ADMIN of the organization, or null. */
export type StaffLookup = (
  organizationId: string,
  userId: string,
) => Promise<{ role: string; isActive: boolean } | null>;

const ENTITY = 'appointment';
const DEFAULT_DURATION_MINUTES = 15;
const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

function toView(a: AppointmentAttributes, s: AppointmentStudent): AppointmentView {
  return {
    id: a.id,
    organizationId: a.organizationId,
    studentId: a.studentId,
    ...namedStudent(s),
    nurseId: a.nurseId,
    createdBy: a.createdBy,
    startsAt: a.startsAt,
    durationMinutes: a.durationMinutes,
    type: a.type,
    status: a.status,
    reason: a.reason,
    notes: a.notes,
    reminderDueAt: a.reminderDueAt,
    reminderSentAt: a.reminderSentAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * The API promises a reminder 24 h before. The due time is stored on the row (indexed), so
 * the catch-up sweep finds reminders whose job never made it to Redis. A slot less than
 * 24 h away gets no reminder.
 */
function reminderDueAt(startsAt: Date, now = new Date()): Date | null {
  const due = new Date(startsAt.getTime() - REMINDER_LEAD_MS);
  return due.getTime() > now.getTime() ? due : null;
}

/** The slot the update asks for, or null when it changes neither the start nor the length. */
function rescheduled(
  current: AppointmentInstance,
  input: UpdateAppointmentInput,
): { startsAt: Date; durationMinutes: number } | null {
  if (input.startsAt === undefined && input.durationMinutes === undefined) return null;
  const startsAt = input.startsAt === undefined ? current.startsAt : new Date(input.startsAt);
  const durationMinutes = input.durationMinutes ?? current.durationMinutes;
  if (startsAt.getTime() === current.startsAt.getTime() && durationMinutes === current.durationMinutes) {
    return null;
  }
  return { startsAt, durationMinutes };
}

export class AppointmentService {
  constructor(
    private readonly Appointment: AppointmentModel,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly students: () => StudentService,
    private readonly staff: StaffLookup,
    private readonly reminders: ReminderSchedule,
  ) {}

  async list(
    actor: Actor,
    query: AppointmentQuery,
  ): Promise<{ data: AppointmentView[]; page: number; pageSize: number; total: number }> {
    const { page, pageSize, ...filter } = query;
    const { rows, count } = await selectAppointmentPage(this.sequelize, actor.organizationId, filter, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    await this.audit().recordFor(
      actor,
      'appointment.list',
      { type: ENTITY },
      { resultCount: rows.length, appointmentIds: rows.map((r) => r.id) },
    );
    return {
      data: rows.map((r) => this.viewFor(actor, toView(r, r.student))),
      page,
      pageSize,
      total: count,
    };
  }

  async get(actor: Actor, id: string): Promise<AppointmentView> {
    const appointment = await selectAppointment(this.sequelize, actor.organizationId, id);
    if (!appointment) throw AppError.notFound('Appointment');
    await this.audit().recordFor(
      actor,
      'appointment.read',
      { type: ENTITY, id },
      { studentId: appointment.studentId },
    );
    return this.viewFor(actor, toView(appointment, appointment.student));
  }

  async create(actor: Actor, input: CreateAppointmentInput): Promise<AppointmentView> {
    const nurseId = input.nurseId ?? actor.userId;
    await this.assertCanRunVisits(actor.organizationId, nurseId);
    const startsAt = new Date(input.startsAt);
    const durationMinutes = input.durationMinutes ?? DEFAULT_DURATION_MINUTES;
    const view = await this.sequelize.transaction(async (transaction) => {
      const student = await this.students().assertExists(actor.organizationId, input.studentId, transaction);
      await assertNurseFree(
        this.sequelize,
        { organizationId: actor.organizationId, nurseId, startsAt, durationMinutes },
        transaction,
      );
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
      return toView(appointment, student);
    });
    await this.students().invalidate(actor.organizationId, view.studentId);
    if (view.reminderDueAt) await this.reminders.schedule(view);
    return view;
  }

  async update(actor: Actor, id: string, input: UpdateAppointmentInput): Promise<AppointmentView> {
    const { view, reminder } = await this.sequelize.transaction(async (transaction) => {
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
      const slot = rescheduled(appointment, input);
      const startMoved = slot !== null && slot.startsAt.getTime() !== appointment.startsAt.getTime();
      if (slot) {
        if ((changes.status ?? appointment.status) !== 'SCHEDULED') {
          throw new AppError(422, 'Only a scheduled appointment can be rescheduled');
        }
        await assertNurseFree(
          this.sequelize,
          { organizationId: actor.organizationId, nurseId: appointment.nurseId, ...slot, excludeId: id },
          transaction,
        );
        Object.assign(changes, slot);
        if (startMoved) {
          // The new slot has not been reminded of, whatever the old one had.
          Object.assign(changes, { reminderDueAt: reminderDueAt(slot.startsAt), reminderSentAt: null });
        }
      }
      await appointment.update(changes, { transaction });
      await this.audit().recordFor(
        actor,
        'appointment.update',
        { type: ENTITY, id },
        { studentId: appointment.studentId, fields: Object.keys(input) },
        transaction,
      );
      const reminder = changes.status ? 'cancel' : startMoved ? 'schedule' : null;
      const student = await this.students().assertExists(
        actor.organizationId,
        appointment.studentId,
        transaction,
      );
      return { view: toView(appointment, student), reminder };
    });
    await this.students().invalidate(actor.organizationId, view.studentId);
    if (reminder === 'cancel') await this.reminders.cancel(view.id);
    if (reminder === 'schedule') await this.reminders.schedule(view);
    return this.viewFor(actor, view);
  }

  private async assertCanRunVisits(organizationId: string, userId: string): Promise<void> {
    const user = await this.staff(organizationId, userId);
    // One answer for "no such user here" and "not a nurse": no hint about other tenants.
    if (!user || !user.isActive || !['NURSE', 'ADMIN'].includes(user.role)) {
      throw new AppError(422, 'nurseId must be an active nurse or admin of your organization');
    }
  }

  /** Notes are detail beyond the minimum necessary: a VIEWER sees the slot, not the notes. */
  private viewFor(actor: Actor, view: AppointmentView): AppointmentView {
    if (can(actor.role, 'health-records:read-detail')) return view;
    const { notes: _notes, ...rest } = view;
    return rest;
  }
}
