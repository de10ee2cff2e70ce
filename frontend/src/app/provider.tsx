import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/queryClient';
import { onUnauthorized } from '@/services/api/apiClient';
import { SESSION_ENDED_NOTICE, signOut } from './auth/signOut';

interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client to inspect the cache. */
  queryClient?: QueryClient;
}

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());

  // Any 401 on a request that carried the session token means the session is gone:
  // clear everything; the route guard then shows the login page.
  useEffect(
    () => onUnauthorized(() => signOut(client, { notice: SESSION_ENDED_NOTICE, revoke: false })),
    [client],
  );

  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
