import type { QueryClient } from '@tanstack/react-query';
import { logout } from '@/features/auth/api/logout';
import { endSession, getSession } from '@/services/session/sessionStore';
import { socketClient } from '@/services/websocket/socketClient';

export const SESSION_ENDED_NOTICE = 'Your session has ended. Please sign in again.';

export function idleLogoutNotice(minutes: number): string {
  return `You were signed out after ${minutes} minute${minutes === 1 ? '' : 's'} without activity.`;
}

interface SignOutOptions {
  /** Shown on the login page. */
  notice?: string | null;
  /** Tell the server to revoke the token; pointless when it has just answered 401. */
  revoke?: boolean;
}

/**
 * The one way out. Local state goes first, so health data leaves the screen and memory
 * even when the server is slow or unreachable: without a token the route guard unmounts
 * every protected page, and clear() drops every cached query (the user included). The live
 * connection closes too.
 */
export function signOut(queryClient: QueryClient, { notice = null, revoke = true }: SignOutOptions = {}) {
  const { token } = getSession();
  // The live connection goes with the session: no alert or notification for a closed screen.
  socketClient.disconnect();
  endSession(notice);
  queryClient.clear();
  if (revoke && token) {
    // Best effort: the token is already gone from this tab, and the server session expires anyway.
    logout(token).catch(() => undefined);
  }
}
