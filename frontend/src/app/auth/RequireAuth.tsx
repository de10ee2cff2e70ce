import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/getMe';
import { useSession } from '@/services/session/useSession';
import { AppLayout } from '../layout/AppLayout';
import { signOut } from './signOut';
import { useIdleLogout } from './useIdleLogout';
import { useSocketSession } from './useSocketSession';

/** Guards every page but /login. Reacts to the session: when the token goes, so does the page. */
export function RequireAuth() {
  const { token } = useSession();
  const location = useLocation();
  if (!token) {
    return <Navigate to={paths.login} replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <AuthenticatedApp />;
}

function AuthenticatedApp() {
  useIdleLogout();
  useSocketSession();
  const queryClient = useQueryClient();
  // After a reload only the token survives; /auth/me brings the user back (a 401 signs out).
  const me = useMe();

  if (me.isPending) {
    return (
      <p className="page-status" role="status">
        Restoring your session…
      </p>
    );
  }
  if (me.isError) {
    return (
      <div className="page-status stack" role="alert">
        <p>{me.error.message}</p>
        <div className="row">
          <button type="button" className="button" onClick={() => void me.refetch()}>
            Try again
          </button>
          <button type="button" className="button" onClick={() => signOut(queryClient)}>
            Sign out
          </button>
        </div>
      </div>
    );
  }
  return <AppLayout user={me.data} />;
}
