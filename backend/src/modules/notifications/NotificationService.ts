/**
 * A user's in-app notifications. Rows are the truth; the socket push is a courtesy that a
 * client missing it catches up on through GET /notifications. Every query is scoped to the
 * caller's own user and organization, so another user's notification simply does not exist.
 */
import type { Sequelize, Transaction, WhereOptions } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
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
  /** Active nurse ids of an organization, for organization-wide notices. */
  nurseIds: (organizationId: string) => Promise<string[]>;
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

function toPush(n: NotificationInstance): HealthNotificationPayload {
  return { id: n.id, type: n.type, title: n.title, message: n.message, createdAt: n.createdAt.toISOString() };
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
    const push = () => this.deps.realtime()?.sendHealthNotification(userId, toPush(row));
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
    const userIds = await this.deps.nurseIds(organizationId);
    for (const userId of userIds) await this.create(organizationId, userId, input, transaction);
    return userIds.length;
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
