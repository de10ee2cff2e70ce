import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { meQueryOptions } from '@/features/auth/api/getMe';
import { useSession } from '@/services/session/useSession';
import { socketClient } from '@/services/websocket/socketClient';
import { useWebSocket } from '@/services/websocket/useWebSocket';

/**
 * Keeps the live connection on the session's token: connects after login or a reload,
 * re-authenticates when the token changes. signOut() closes it, so there is no cleanup here
 * (StrictMode's double effects must not drop and reopen the socket).
 */
export function useSocketSession(): void {
  const queryClient = useQueryClient();
  const { token } = useSession();
  const { connectionState } = useWebSocket();

  useEffect(() => {
    if (token) socketClient.connect(token);
  }, [token]);

  // A refused handshake means the token may be gone: ask the API, whose 401 signs out.
  useEffect(() => {
    if (connectionState === 'ERROR' && socketClient.getLastError() === 'unauthorized') {
      void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    }
  }, [connectionState, queryClient]);
}
