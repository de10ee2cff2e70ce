/**
 * Sessions live in Postgres (the truth) and are written through to Redis (the fast path)
 * with a sliding TTL. If Redis is down every check falls back to Postgres, so nobody is
 * logged out by a cache outage; deleting the row and the key ends a session at once.
 */
import type { Redis } from 'ioredis';
import { Op } from 'sequelize';
import type { AuthUser } from '../../infrastructure/http/authorization.js';
import type { SessionModel } from './models.js';

interface CachedSession {
  user: AuthUser;
  /** When Postgres last heard of this session; refreshed at most once a minute. */
  persistedAt: number;
}

export type ActiveUserLookup = (userId: string) => Promise<AuthUser | null>;

/** Told of every session that ends before its time (logout, deactivation), e.g. to drop its sockets. */
export type SessionEndedListener = (sessionId: string) => void;

const PERSIST_INTERVAL_MS = 60_000;
const key = (sessionId: string) => `session:${sessionId}`;

export class SessionStore {
  constructor(
    private readonly Session: SessionModel,
    private readonly redis: Redis,
    private readonly findActiveUser: ActiveUserLookup,
    private readonly ttlMs: number,
    private readonly onEnded: SessionEndedListener = () => undefined,
  ) {}

  async create(user: AuthUser, meta: { ip: string | null; userAgent: string | null }): Promise<string> {
    const id = crypto.randomUUID();
    const now = new Date();
    await this.Session.create({
      id,
      userId: user.id,
      organizationId: user.organizationId,
      ipAddress: meta.ip,
      userAgent: meta.userAgent,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    });
    await this.writeCache(id, { user, persistedAt: now.getTime() });
    return id;
  }

  /** The session's user if the session is alive; slides its expiry. */
  async validate(sessionId: string): Promise<AuthUser | null> {
    const cached = await this.readCache(sessionId);
    const now = Date.now();
    if (cached && now - cached.persistedAt < PERSIST_INTERVAL_MS) return cached.user;
    const extended = await this.extendInDatabase(sessionId, now);
    if (!extended) {
      await this.dropCache([sessionId]);
      return null;
    }
    const user = cached?.user ?? (await this.findActiveUser(extended.userId));
    if (!user) return null;
    await this.writeCache(sessionId, { user, persistedAt: now });
    return user;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.Session.destroy({ where: { id: sessionId } });
    await this.dropCache([sessionId]);
    this.onEnded(sessionId);
  }

  async revokeAllForUser(userId: string): Promise<void> {
    const sessions = await this.Session.findAll({ where: { userId }, attributes: ['id'] });
    await this.Session.destroy({ where: { userId } });
    await this.dropCache(sessions.map((s) => s.id));
    for (const session of sessions) this.onEnded(session.id);
  }

  /** Removes sessions that expired without a logout (run on start and by the cleanup job). */
  async purgeExpired(): Promise<number> {
    return this.Session.destroy({ where: { expiresAt: { [Op.lt]: new Date() } } });
  }

  private async extendInDatabase(sessionId: string, now: number): Promise<{ userId: string } | null> {
    const [count, rows] = await this.Session.update(
      { lastSeenAt: new Date(now), expiresAt: new Date(now + this.ttlMs) },
      { where: { id: sessionId, expiresAt: { [Op.gt]: new Date(now) } }, returning: true },
    );
    return count > 0 && rows[0] ? { userId: rows[0].userId } : null;
  }

  /** Reads the cached session and slides its expiry in one round trip (GETEX). */
  private async readCache(sessionId: string): Promise<CachedSession | null> {
    try {
      const raw = await this.redis.getex(key(sessionId), 'PX', this.ttlMs);
      return raw ? (JSON.parse(raw) as CachedSession) : null;
    } catch {
      return null; // Redis down: Postgres answers instead.
    }
  }

  private async writeCache(sessionId: string, session: CachedSession): Promise<void> {
    try {
      await this.redis.set(key(sessionId), JSON.stringify(session), 'PX', this.ttlMs);
    } catch {
      // Redis down: the session still lives in Postgres.
    }
  }

  private async dropCache(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    try {
      await this.redis.del(...sessionIds.map(key));
    } catch {
      // Redis down: the cached copy is checked against Postgres within PERSIST_INTERVAL_MS.
    }
  }
}
