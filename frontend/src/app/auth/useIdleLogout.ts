import { useQueryClient } from '@tanstack/react-query';
import { useIdleTimer } from '@/lib/useIdleTimer';
import { useSession } from '@/services/session/useSession';
import { idleLogoutNotice, signOut } from './signOut';

/**
 * A nurse's screen is often left unattended in a busy office: after the server-given number
 * of minutes without activity, sign out and clear everything, and say why on the login page.
 */
export function useIdleLogout(): void {
  const queryClient = useQueryClient();
  const { token, idleLogoutMinutes } = useSession();
  useIdleTimer(
    idleLogoutMinutes * 60_000,
    () => signOut(queryClient, { notice: idleLogoutNotice(idleLogoutMinutes) }),
    token !== null,
  );
}
