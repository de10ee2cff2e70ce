import { DEFAULT_IDLE_LOGOUT_MINUTES } from '@/config/session';

/**
 * The signed-in session: the bearer token and the idle limit, in memory and mirrored to
 * sessionStorage so a reload keeps the session (the user is fetched again from /auth/me).
 * sessionStorage dies with the tab, unlike localStorage. No React here: the API client reads
 * the token, and useSession() subscribes components.
 */
export interface Session {
  token: string | null;
  expiresAt: string | null;
  idleLogoutMinutes: number;
  /** Why the previous session ended, for the login page; never health data. */
  notice: string | null;
}

export interface SessionStart {
  token: string;
  expiresAt?: string | null;
  idleLogoutMinutes?: number | null;
}

const STORAGE_KEY = 'whiteCross.session';
const signedOut: Session = Object.freeze({
  token: null,
  expiresAt: null,
  idleLogoutMinutes: DEFAULT_IDLE_LOGOUT_MINUTES,
  notice: null,
});

const listeners = new Set<() => void>();
let current: Session = readStoredSession();

function validMinutes(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? value
    : DEFAULT_IDLE_LOGOUT_MINUTES;
}

function readStoredSession(): Session {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Session> | null;
    if (!stored || typeof stored.token !== 'string') return signedOut;
    const expiresAt = typeof stored.expiresAt === 'string' ? stored.expiresAt : null;
    // An expired token would only earn a 401; start at the login page instead.
    if (expiresAt && Date.parse(expiresAt) <= Date.now()) return signedOut;
    const idleLogoutMinutes = validMinutes(stored.idleLogoutMinutes);
    return { token: stored.token, expiresAt, idleLogoutMinutes, notice: null };
  } catch {
    return signedOut;
  }
}

function publish(next: Session): void {
  current = next;
  listeners.forEach((listener) => listener());
}

export function getSession(): Session {
  return current;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function startSession({ token, expiresAt = null, idleLogoutMinutes }: SessionStart): void {
  const minutes = validMinutes(idleLogoutMinutes);
  const stored = { token, expiresAt, idleLogoutMinutes: minutes };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  publish({ ...stored, notice: null });
}

/** Forgets the token everywhere, and whatever else this tab kept in sessionStorage. */
export function endSession(notice: string | null = null): void {
  sessionStorage.clear();
  publish({ ...signedOut, notice });
}

/** Re-reads sessionStorage; tests use it to simulate a page reload. */
export function reloadSessionFromStorage(): void {
  publish(readStoredSession());
}
