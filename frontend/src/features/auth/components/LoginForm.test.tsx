import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { LoginForm } from './LoginForm';

const user = { id: 'u1', email: 'nurse@example.org', name: 'Pat Nurse', role: 'NURSE', organizationId: 'o1' };

async function signIn(email: string, password: string) {
  await userEvent.type(screen.getByLabelText('Email'), email);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginForm', () => {
  it('submits the credentials and hands the response to the app', async () => {
    const response = { token: 't', expiresAt: '2099-01-01T00:00:00Z', idleLogoutMinutes: 15, user };
    const fetchMock = stubFetch({ 'POST /api/v1/auth/login': () => ({ body: response }) });
    const onSuccess = vi.fn();
    renderWithQueryClient(<LoginForm onSuccess={onSuccess} />);

    await signIn(' nurse@example.org ', 'correct horse');

    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(onSuccess.mock.calls[0]?.[0]).toEqual(response);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'nurse@example.org', password: 'correct horse' });
    expect(init?.headers).not.toHaveProperty('Authorization');
  });

  it("shows the server's message on 401", async () => {
    stubFetch({ 'POST /api/v1/auth/login': () => boom(401, 'Unauthorized', 'Invalid email or password') });
    const onSuccess = vi.fn();
    renderWithQueryClient(<LoginForm onSuccess={onSuccess} />);

    await signIn('nurse@example.org', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("shows the server's message on 429", async () => {
    stubFetch({
      'POST /api/v1/auth/login': () =>
        boom(429, 'Too Many Requests', 'Too many failed attempts; try again later'),
    });
    renderWithQueryClient(<LoginForm onSuccess={vi.fn()} />);

    await signIn('nurse@example.org', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed attempts; try again later');
  });
});
