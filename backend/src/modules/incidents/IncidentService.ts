/**
 * Incidents: injuries, illnesses and other events a nurse reports about a student. Every
 * query is scoped to the actor's organization; every read and write is audited (writes in
 * their transaction) and a write refreshes the student's cached profile after commit.
 */
import type { Sequelize, Transaction } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuditService } from '../audit/index.js';
import { namedStudent, type StudentService } from '../students/index.js';
import {
  type IncidentFilter,
  type IncidentStudent,
  selectIncident,
  selectIncidentPage,
} from './incidentQueries.js';
import type {
  IncidentAttributes,
  IncidentModel,
  IncidentSeverity,
  IncidentType,
  NotificationMethod,
} from './models.js';

export interface ParentNotification {
  notified: boolean;
  by?: string | null;
  at?: Date | string | null;
  method?: NotificationMethod | null;
}

export type { IncidentStudent } from './incidentQueries.js';

export interface IncidentView {
  id: string;
  organizationId: string;
  studentId: string;
  /** "First Last": who the incident is about; `student` has the parts and the school. */
  studentName: string;
  student: IncidentStudent;
  reportedBy: string;
  type: IncidentType;
  severity: IncidentSeverity;
  location: string;
  occurredAt: Date;
  description: string;
  actionsTaken: string | null;
  witnesses: string[];
  parentNotified: {
    notified: boolean;
    by: string | null;
    at: Date | null;
    method: NotificationMethod | null;
  };
  followUpRequired: boolean;
  followUpNotes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a student's profile shows: enough to see the history, not the narrative. */
export type IncidentSummary = Pick<
  IncidentView,
  'id' | 'type' | 'severity' | 'location' | 'occurredAt' | 'followUpRequired'
> & { parentNotified: boolean };

export interface CreateIncidentInput {
  studentId: string;
  type: IncidentType;
  severity: IncidentSeverity;
  location: string;
  occurredAt: Date | string;
  description: string;
  actionsTaken?: string | null;
  witnesses?: string[];
  parentNotified?: ParentNotification;
  followUpRequired?: boolean;
  followUpNotes?: string | null;
}

export type UpdateIncidentInput = Partial<
  Pick<
    CreateIncidentInput,
    'actionsTaken' | 'witnesses' | 'parentNotified' | 'followUpRequired' | 'followUpNotes'
  >
>;

export type IncidentQuery = IncidentFilter & { page: number; pageSize: number };

const ENTITY = 'incident';
const PROFILE_LIMIT = 20;

function toView(i: IncidentAttributes, s: IncidentStudent): IncidentView {
  return {
    id: i.id,
    organizationId: i.organizationId,
    studentId: i.studentId,
    ...namedStudent(s),
    reportedBy: i.reportedBy,
    type: i.type,
    severity: i.severity,
    location: i.location,
    occurredAt: i.occurredAt,
    description: i.description,
    actionsTaken: i.actionsTaken,
    witnesses: i.witnesses,
    parentNotified: {
      notified: i.parentNotified,
      by: i.parentNotifiedBy,
      at: i.parentNotifiedAt,
      method: i.parentNotificationMethod,
    },
    followUpRequired: i.followUpRequired,
    followUpNotes: i.followUpNotes,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

function notificationColumns(
  n: ParentNotification,
): Pick<
  IncidentAttributes,
  'parentNotified' | 'parentNotifiedBy' | 'parentNotifiedAt' | 'parentNotificationMethod'
> {
  if (!n.notified) {
    return {
      parentNotified: false,
      parentNotifiedBy: null,
      parentNotifiedAt: null,
      parentNotificationMethod: null,
    };
  }
  return {
    parentNotified: true,
    parentNotifiedBy: n.by ?? null,
    parentNotifiedAt: n.at ? new Date(n.at) : null,
    parentNotificationMethod: n.method ?? null,
  };
}

/** The clinical record must tell events in the order they happened. */
function assertNotifiedAfterIncident(occurredAt: Date, notification: ParentNotification | undefined): void {
  if (!notification?.notified || !notification.at) return;
  if (new Date(notification.at).getTime() < occurredAt.getTime()) {
    throw new AppError(422, 'Parents cannot be notified before the incident occurred');
  }
}

export class IncidentService {
  constructor(
    private readonly Incident: IncidentModel,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly students: () => StudentService,
  ) {}

  async list(
    actor: Actor,
    query: IncidentQuery,
  ): Promise<{ data: IncidentView[]; page: number; pageSize: number; total: number }> {
    const { page, pageSize, ...filter } = query;
    const { rows, count } = await selectIncidentPage(this.sequelize, actor.organizationId, filter, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    await this.audit().recordFor(
      actor,
      'incident.list',
      { type: ENTITY },
      { resultCount: rows.length, incidentIds: rows.map((r) => r.id) },
    );
    return { data: rows.map((r) => toView(r, r.student)), page, pageSize, total: count };
  }

  async get(actor: Actor, id: string): Promise<IncidentView> {
    const incident = await selectIncident(this.sequelize, actor.organizationId, id);
    if (!incident) throw AppError.notFound('Incident');
    await this.audit().recordFor(
      actor,
      'incident.read',
      { type: ENTITY, id },
      { studentId: incident.studentId },
    );
    return toView(incident, incident.student);
  }

  /** One incident for a report: no actor and no audit here, the caller audits what it hands out. */
  async viewFor(organizationId: string, id: string): Promise<IncidentView> {
    const incident = await selectIncident(this.sequelize, organizationId, id);
    if (!incident) throw AppError.notFound('Incident');
    return toView(incident, incident.student);
  }

  async create(actor: Actor, input: CreateIncidentInput): Promise<IncidentView> {
    const occurredAt = new Date(input.occurredAt);
    assertNotifiedAfterIncident(occurredAt, input.parentNotified);
    const view = await this.sequelize.transaction(async (transaction) => {
      const student = await this.students().assertExists(actor.organizationId, input.studentId, transaction);
      const incident = await this.Incident.create(
        {
          organizationId: actor.organizationId,
          studentId: input.studentId,
          reportedBy: actor.userId,
          type: input.type,
          severity: input.severity,
          location: input.location,
          occurredAt,
          description: input.description,
          actionsTaken: input.actionsTaken ?? null,
          witnesses: input.witnesses ?? [],
          ...notificationColumns(input.parentNotified ?? { notified: false }),
          followUpRequired: input.followUpRequired ?? false,
          followUpNotes: input.followUpNotes ?? null,
        },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'incident.create',
        { type: ENTITY, id: incident.id },
        { studentId: input.studentId },
        transaction,
      );
      return toView(incident, student);
    });
    await this.students().invalidate(actor.organizationId, view.studentId);
    return view;
  }

  async update(actor: Actor, id: string, input: UpdateIncidentInput): Promise<IncidentView> {
    const view = await this.sequelize.transaction(async (transaction) => {
      const incident = await this.findForUpdate(actor.organizationId, id, transaction);
      assertNotifiedAfterIncident(incident.occurredAt, input.parentNotified);
      const { parentNotified, ...rest } = input;
      await incident.update(
        { ...rest, ...(parentNotified ? notificationColumns(parentNotified) : {}) },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'incident.update',
        { type: ENTITY, id },
        { studentId: incident.studentId, fields: Object.keys(input) },
        transaction,
      );
      const student = await this.students().assertExists(
        actor.organizationId,
        incident.studentId,
        transaction,
      );
      return toView(incident, student);
    });
    await this.students().invalidate(actor.organizationId, view.studentId);
    return view;
  }

  /** The profile section: the student's most recent incidents, summary fields only. */
  async recentFor(organizationId: string, studentId: string): Promise<IncidentSummary[]> {
    const rows = await this.Incident.findAll({
      where: { organizationId, studentId },
      order: [
        ['occurredAt', 'DESC'],
        ['id', 'ASC'],
      ],
      limit: PROFILE_LIMIT,
    });
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      severity: r.severity,
      location: r.location,
      occurredAt: r.occurredAt,
      followUpRequired: r.followUpRequired,
      parentNotified: r.parentNotified,
    }));
  }

  private async findForUpdate(organizationId: string, id: string, transaction: Transaction) {
    const incident = await this.Incident.findOne({
      where: { id, organizationId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!incident) throw AppError.notFound('Incident');
    return incident;
  }
}
