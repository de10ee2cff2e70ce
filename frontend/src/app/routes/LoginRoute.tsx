import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/getMe';
import { LoginForm } from '@/features/auth/components/LoginForm';
import type { LoginResponse } from '@/features/auth/types';
import { getSession, startSession } from '@/services/session/sessionStore';
import { useSession } from '@/services/session/useSession';

// Only same-app paths: a crafted link must not send a fresh login elsewhere.
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return paths.dashboard;
  return from === paths.login || from === paths.home ? paths.dashboard : from;
}

export function LoginRoute() {
  const { notice } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const target = returnPath(location.state);
  // Checked on arrival only. After a login here the page navigates itself with a history
  // push, so Back from the list returns to this page rather than out of the app.
  const [signedInOnArrival] = useState(() => getSession().token !== null);

  if (signedInOnArrival) return <Navigate to={target} replace />;

  const handleSuccess = (response: LoginResponse) => {
    queryClient.setQueryData(meQueryOptions().queryKey, response.user);
    startSession(response);
    void navigate(target);
  };

  return (
    <main className="login-page">
      <div className="login-card stack">
        <p className="app-name">White Cross</p>
        <h1>Sign in</h1>
        {notice && (
          <p className="alert alert-info" role="status">
            {notice}
          </p>
        )}
        <LoginForm onSuccess={handleSuccess} />
      </div>
    </main>
  );
}
