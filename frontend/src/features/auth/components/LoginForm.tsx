import { useId, type FormEvent } from 'react';
import { useLogin } from '../api/login';
import type { LoginResponse } from '../types';

interface LoginFormProps {
  onSuccess: (response: LoginResponse) => void;
}

/** Email + password. What happens after a successful login is the app's business. */
export function LoginForm({ onSuccess }: LoginFormProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const loginMutation = useLogin({ onSuccess });
  const failed = loginMutation.isError;
  // Only a 401 says the fields are wrong; a 429 or an outage is not the user's typing.
  const invalid = loginMutation.error?.status === 401;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    loginMutation.mutate({
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    });
  };

  return (
    <form className="stack" onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={invalid || undefined}
          aria-describedby={failed ? errorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={invalid || undefined}
          aria-describedby={failed ? errorId : undefined}
        />
      </div>
      {failed && (
        <p id={errorId} className="alert alert-error" role="alert">
          {loginMutation.error.message}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
