/**
 * A user's in-app notifications. Rows are the truth; the socket push is a courtesy that a
 * client missing it catches up on through GET /notifications. Every query is scoped to the
 * caller's own user and organization, so another user's notification simply does not exist.
 */
import { QueryTypes, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import type { Role } from '../../infrastructure/http/authorization.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { HealthNotificationPayload } from '../../infrastructure/websocket/events.js';
import type { Realtime } from '../../infrastructure/websocket/realtime.js';
import type { AuditService } from '../audit/index.js';
import type { NotificationAttributes, NotificationInstance, NotificationModel } from './models.js';
import { createNotificationInput } from './schemas.js';

export type NotificationView = Omit<NotificationAttributes, 'organizationId'>;

export interface NotificationInput {
  type: string;
  title: string;
  message: string;
}

export interface NotificationQuery {
  unread: boolean;
  page: number;
  pageSize: number;
}

export interface NotificationPage {
  data: NotificationView[];
  /** The caller's unread count, whatever the filter. */
  unread: number;
  page: number;
  pageSize: number;
  total: number;
}

export interface NotificationDependencies {
  audit: () => Pick<AuditService, 'recordFor'>;
  /** Absent in the worker role (no sockets there); looked up at call time. */
  realtime: () => Pick<Realtime, 'sendHealthNotification'> | undefined;
  /** Active user ids of an organization holding one of the roles, for organization-wide notices. */
  staffIds: (organizationId: string, roles: readonly Role[]) => Promise<string[]>;
}

const ENTITY = 'notification';

function toView(n: NotificationInstance): NotificationView {
  return {
    id: n.id,
    userId: n.userId,
    type: n.type,
    title: n.title,
    message: n.message,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}

interface PushRow {
  id: string;
  userId: string;
  type: string;
  title: string;
  message: string;
  createdAt: Date;
}

const INSERT_ONCE_SQL = `
  INSERT INTO notifications (organization_id, user_id, type, title, message, dedupe_key)
  SELECT :organizationId, u, :type, :title, :message, :dedupeKey FROM unnest(ARRAY[:userIds]::uuid[]) u
  ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
  RETURNING id, user_id AS "userId", type, title, message, created_at AS "createdAt"`;

function pushOf(row: PushRow): HealthNotificationPayload {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    message: row.message,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export class NotificationService {
  constructor(
    private readonly Notification: NotificationModel,
    private readonly sequelize: Sequelize,
    private readonly deps: NotificationDependencies,
  ) {}

  /**
   * Stores a notification for one user and pushes it to their sockets. Inside a caller's
   * transaction the push waits for the commit, so nobody is told of a row that rolled back.
   */
  async create(
    organizationId: string,
    userId: string,
    input: NotificationInput,
    transaction?: Transaction,
  ): Promise<NotificationView> {
    const { value, error } = createNotificationInput.validate(input);
    if (error) throw AppError.badRequest(`Invalid notification: ${error.details[0]?.message ?? 'input'}`);
    const row = await this.Notification.create({ organizationId, userId, ...value }, { transaction });
    const push = () => this.deps.realtime()?.sendHealthNotification(userId, pushOf(row));
    if (transaction) transaction.afterCommit(push);
    else push();
    return toView(row);
  }

  /** One notification for every active nurse of the organization. */
  async notifyOrganizationNurses(
    organizationId: string,
    input: NotificationInput,
    transaction?: Transaction,
  ): Promise<number> {
    const userIds = await this.deps.staffIds(organizationId, ['NURSE']);
    for (const userId of userIds) await this.create(organizationId, userId, input, transaction);
    return userIds.length;
  }

  /**
   * Stores the notification for each user who has not had one with this dedupe key, and
   * pushes only those: a retried or overlapping job tells nobody twice. Returns how many
   * were new (0 when everybody had it already).
   */
  async createOnce(
    organizationId: string,
    userIds: readonly string[],
    dedupeKey: string,
    input: NotificationInput,
    transaction?: Transaction,
  ): Promise<number> {
    if (userIds.length === 0) return 0;
    const { value, error } = createNotificationInput.validate(input);
    if (error) throw AppError.badRequest(`Invalid notification: ${error.details[0]?.message ?? 'input'}`);
    const rows = await this.sequelize.query<PushRow>(INSERT_ONCE_SQL, {
      replacements: { organizationId, userIds: [...userIds], dedupeKey, ...value },
      type: QueryTypes.SELECT,
      transaction,
    });
    const push = () => {
      for (const row of rows) this.deps.realtime()?.sendHealthNotification(row.userId, pushOf(row));
    };
    if (transaction) transaction.afterCommit(push);
    else push();
    return rows.length;
  }

  /** `createOnce` for every active user of the organization holding one of the roles. */
  async notifyStaffOnce(
    organizationId: string,
    roles: readonly Role[],
    dedupeKey: string,
    input: NotificationInput,
  ): Promise<number> {
    const userIds = await this.deps.staffIds(organizationId, roles);
    return this.createOnce(organizationId, userIds, dedupeKey, input);
  }

  async list(actor: Actor, query: NotificationQuery): Promise<NotificationPage> {
    const own: WhereOptions<NotificationAttributes> = {
      userId: actor.userId,
      organizationId: actor.organizationId,
    };
    const where = query.unread ? { ...own, readAt: null } : own;
    const [{ rows, count }, unread] = await Promise.all([
      this.Notification.findAndCountAll({
        where,
        order: [
          ['createdAt', 'DESC'],
          ['id', 'DESC'],
        ],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      }),
      this.Notification.count({ where: { ...own, readAt: null } }),
    ]);
    await this.deps.audit().recordFor(actor, 'notification.list', { type: ENTITY }, { count: rows.length });
    return { data: rows.map(toView), unread, page: query.page, pageSize: query.pageSize, total: count };
  }

  /** Marks the caller's own notification read (idempotent); anyone else's answers 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    return this.sequelize.transaction(async (transaction) => {
      const row = await this.Notification.findOne({
        where: { id, userId: actor.userId, organizationId: actor.organizationId },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (!row) throw AppError.notFound('Notification');
      if (!row.readAt) await row.update({ readAt: new Date() }, { transaction });
      await this.deps
        .audit()
        .recordFor(actor, 'notification.read', { type: ENTITY, id }, undefined, transaction);
      return toView(row);
    });
  }

  /** The socket variant: false instead of a 404. */
  async markReadIfOwn(actor: Actor, id: string): Promise<boolean> {
    try {
      await this.markRead(actor, id);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) return false;
      throw error;
    }
  }
}
