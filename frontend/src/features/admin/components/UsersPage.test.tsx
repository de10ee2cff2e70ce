import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import type { AdminUser } from '../types';
import { UsersPage } from './UsersPage';

const USERS = 'GET /api/v1/admin/users';
const CREATE = 'POST /api/v1/admin/users';

function user(id: string, name: string, overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id,
    email: `${name.split(' ')[0]!.toLowerCase()}@district.example`,
    name,
    role: 'NURSE',
    organizationId: 'o1',
    isActive: true,
    lastLoginAt: null,
    createdAt: '2026-01-05T09:00:00Z',
    ...overrides,
  };
}

const admin = user('u1', 'Alex Admin', { role: 'ADMIN', lastLoginAt: '2026-03-02T07:45:00Z' });
const nurse = user('u2', 'Nora Nurse');

/** A server holding `users`, answering PATCH with the changed row (or `patchAnswer`). */
function stubUsers(users: AdminUser[], handlers: Parameters<typeof stubFetch>[0] = {}) {
  const patches: Array<{ id: string; body: unknown }> = [];
  const fetchMock = stubFetch({
    [USERS]: () => ({ body: { data: users } }),
    ...handlers,
  });
  const json = fetchMock.getMockImplementation()!;
  fetchMock.mockImplementation(async (input, init = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const match = /^\/api\/v1\/admin\/users\/([^/]+)$/.exec(url.pathname);
    if (init.method === 'PATCH' && match) {
      const id = decodeURIComponent(match[1]!);
      const body = JSON.parse(String(init.body)) as Partial<AdminUser>;
      patches.push({ id, body });
      if (handlers[`PATCH ${url.pathname}`]) return json(input, init);
      const index = users.findIndex((u) => u.id === id);
      users[index] = { ...users[index]!, ...body };
      return new Response(JSON.stringify(users[index]), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    return json(input, init);
  });
  return { fetchMock, patches };
}

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('UsersPage', () => {
  it('lists every account with its role, status and last sign-in, in words', async () => {
    stubUsers([admin, nurse, user('u3', 'Vic Viewer', { role: 'VIEWER', isActive: false })]);
    renderWithQueryClient(<UsersPage currentUserId="u1" />);

    expect(screen.getByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading users');
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Email', 'Role', 'Status', 'Last sign-in', 'Account']);
    const me = rowOf('Alex Admin');
    expect(within(me).getByRole('rowheader')).toHaveTextContent('Alex Admin (you)');
    expect(me).toHaveTextContent('District admin');
    expect(within(me).queryByRole('combobox')).toBeNull();
    expect(within(me).queryByRole('button', { name: /Deactivate/ })).toBeNull();
    expect(within(me).getByText('Another admin can change your role or deactivate you.')).toBeInTheDocument();
    expect(within(me).getByText(/2026/)).toBeInTheDocument();

    const nora = rowOf('Nora Nurse');
    expect(within(nora).getByRole('combobox', { name: 'Role of Nora Nurse' })).toHaveValue('NURSE');
    expect(nora).toHaveTextContent('Active');
    expect(nora).toHaveTextContent('Never');
    const vic = rowOf('Vic Viewer');
    expect(vic).toHaveTextContent('Deactivated');
    expect(within(vic).getByRole('button', { name: 'Reactivate Vic Viewer' })).toBeInTheDocument();
  });

  it('adds a user, checking the form first and showing the server’s refusal', async () => {
    const users = [admin];
    let posted: unknown;
    let answer409 = true;
    stubUsers(users, {
      [CREATE]: (_url, init) => {
        posted = JSON.parse(String(init.body));
        if (answer409) return boom(409, 'Conflict', 'A user with this email already exists');
        const created = user('u9', 'Sam Nurse', { email: 'sam@district.example' });
        users.push(created);
        return { status: 201, body: created };
      },
    });
    renderWithQueryClient(<UsersPage currentUserId="u1" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Add user' }));
    const form = screen.getByRole('dialog', { name: 'Add a user' });
    expect(within(form).getByLabelText('Name')).toHaveFocus();
    await userEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(within(form).getByText('Enter the person’s name.')).toBeInTheDocument();
    expect(within(form).getByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Name')).toHaveFocus();
    expect(posted).toBeUndefined();

    await userEvent.type(within(form).getByLabelText('Name'), 'Sam Nurse');
    await userEvent.type(within(form).getByLabelText('Email'), 'Sam@District.example');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'Nurse');
    await userEvent.type(within(form).getByLabelText('First password'), 'correct horse battery');
    await userEvent.click(within(form).getByRole('button', { name: 'Add user' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'The user was not added: A user with this email already exists',
    );
    expect(posted).toEqual({
      name: 'Sam Nurse',
      email: 'sam@district.example',
      role: 'NURSE',
      password: 'correct horse battery',
    });

    answer409 = false;
    await userEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(await screen.findByText('Sam Nurse was added as Nurse.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('row', { name: /Sam Nurse/ })).toBeInTheDocument();
  });

  it('changes a role with an explicit save', async () => {
    const { patches } = stubUsers([admin, nurse]);
    renderWithQueryClient(<UsersPage currentUserId="u1" />);

    const role = await screen.findByRole('combobox', { name: 'Role of Nora Nurse' });
    expect(screen.queryByRole('button', { name: 'Save role of Nora Nurse' })).toBeNull();
    await userEvent.selectOptions(role, 'Viewer');
    expect(patches).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Save role of Nora Nurse' }));

    expect(await screen.findByText('Nora Nurse is now Viewer.')).toBeInTheDocument();
    expect(patches).toEqual([{ id: 'u2', body: { role: 'VIEWER' } }]);
    expect(screen.getByRole('combobox', { name: 'Role of Nora Nurse' })).toHaveValue('VIEWER');
    expect(screen.getByRole('combobox', { name: 'Role of Nora Nurse' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Save role of Nora Nurse' })).toBeNull();
  });

  it('asks before deactivating, and reactivates without asking', async () => {
    const { patches } = stubUsers([admin, nurse]);
    renderWithQueryClient(<UsersPage currentUserId="u1" />);

    const deactivate = await screen.findByRole('button', { name: 'Deactivate Nora Nurse' });
    await userEvent.click(deactivate);
    const question = screen.getByRole('group', { name: /Deactivate Nora Nurse\?/ });
    expect(within(question).getByRole('button', { name: 'Yes, deactivate' })).toHaveFocus();
    // Escape, like Cancel, leaves everything as it was and puts focus back.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /Deactivate Nora Nurse\?/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Deactivate Nora Nurse' })).toHaveFocus();
    expect(patches).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Deactivate Nora Nurse' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, deactivate' }));
    expect(await screen.findByText('Nora Nurse was deactivated and signed out.')).toBeInTheDocument();
    expect(patches).toEqual([{ id: 'u2', body: { isActive: false } }]);
    expect(rowOf('Nora Nurse')).toHaveTextContent('Deactivated');

    const reactivate = await screen.findByRole('button', { name: 'Reactivate Nora Nurse' });
    expect(reactivate).toHaveFocus();
    await userEvent.click(reactivate);
    expect(await screen.findByText('Nora Nurse can sign in again.')).toBeInTheDocument();
    expect(patches.at(-1)).toEqual({ id: 'u2', body: { isActive: true } });
  });

  it('shows why the server refused a change', async () => {
    stubUsers([admin, nurse], {
      'PATCH /api/v1/admin/users/u2': () => boom(400, 'Bad Request', 'You cannot deactivate the last admin'),
    });
    renderWithQueryClient(<UsersPage currentUserId="u1" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate Nora Nurse' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, deactivate' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Nora Nurse was not changed: You cannot deactivate the last admin',
    );
    expect(rowOf('Nora Nurse')).toHaveTextContent('Active');
  });

  it('tells anyone but an admin that users are not theirs to manage', async () => {
    stubFetch({ [USERS]: () => boom(403, 'Forbidden', 'Insufficient scope') });
    renderWithQueryClient(<UsersPage />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Managing users is for district admins only.');
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
  });

  it('says when the list could not be read', async () => {
    stubFetch({ [USERS]: () => boom(503, 'Service Unavailable', 'Database unavailable') });
    renderWithQueryClient(<UsersPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Database unavailable');
  });
});
