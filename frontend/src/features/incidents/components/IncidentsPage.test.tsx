import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '@/services/session/sessionStore';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderApp, renderWithQueryClient } from '@/testing/render';
import { incident } from '../testing/incidentFixture';
import type { Incident } from '../types';
import { IncidentsPage } from './IncidentsPage';

/** A lazily loaded route can take a while when the whole suite runs in parallel. */
const LAZY_ROUTE_TIMEOUT_MS = 5_000;

type Handlers = Parameters<typeof stubFetch>[0];

const page = (data: Incident[], total = data.length) => ({ body: { data, page: 1, pageSize: 25, total } });

const ava = { id: 's1', firstName: 'Ava', lastName: 'Martinez', grade: '5', studentNumber: 'S-1' };

const schools = [
  { id: 'sc1', organizationId: 'o1', name: 'Lincoln Elementary', code: null },
  { id: 'sc2', organizationId: 'o1', name: 'Roosevelt Middle', code: null },
];

function stubIncidents(list: Handlers[string], more: Handlers = {}) {
  return stubFetch({
    'GET /api/v1/incidents': list,
    'GET /api/v1/schools': () => ({ body: { data: schools } }),
    ...more,
  });
}

const listRequests = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls
    .map(([input, init]) => ({
      url: new URL(String(input), 'http://localhost'),
      method: init?.method ?? 'GET',
    }))
    .filter(({ url, method }) => method === 'GET' && url.pathname === '/api/v1/incidents')
    .map(({ url }) => url.searchParams);

describe('IncidentsPage', () => {
  it("lists incidents newest first, severity in words, linking to the report and the student's name", async () => {
    const fetchMock = stubIncidents(() =>
      page([
        incident(),
        incident({
          id: 'in2',
          type: 'ILLNESS',
          severity: 'LOW',
          occurredAt: '2026-03-01T09:00:00Z',
          parentNotified: { notified: false },
          followUpRequired: false,
          studentName: 'Liam Chen',
          studentId: 's2',
        }),
      ]),
    );
    renderWithQueryClient(<IncidentsPage canRecord />);

    expect(screen.getByRole('heading', { level: 1, name: 'Incidents' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading incidents');
    const table = await screen.findByRole('table', { name: 'Incident reports, newest first' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByText('High')).toHaveClass('badge', 'severity-high');
    expect(within(first!).getByText('Injury')).toBeInTheDocument();
    expect(within(first!).getByText(/^Yes \(Phone, /)).toBeInTheDocument();
    expect(within(first!).getByText('Required')).toBeInTheDocument();
    expect(within(first!).getAllByRole('link')[0]).toHaveAttribute('href', '/incidents/in1');
    expect(within(first!).getByRole('link', { name: 'Amara Okafor' })).toHaveAttribute(
      'href',
      '/students/s1',
    );
    expect(within(second!).getByRole('link', { name: 'Liam Chen' })).toHaveAttribute('href', '/students/s2');
    expect(within(second!).getByText('No')).toBeInTheDocument();
    expect(screen.getByText(/1–2 of 2 incidents/)).toBeInTheDocument();
    expect(listRequests(fetchMock)[0]?.toString()).toBe('page=1&pageSize=25');
  });

  it('says so when nothing matches', async () => {
    stubIncidents(() => page([]));
    renderWithQueryClient(<IncidentsPage canRecord />);

    expect(await screen.findByText('No incidents match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the server's message for a 4xx", async () => {
    stubIncidents(() => boom(400, 'Bad Request', '"from" must be in ISO 8601 date format'));
    renderWithQueryClient(<IncidentsPage canRecord />);

    expect(await screen.findByRole('alert')).toHaveTextContent('"from" must be in ISO 8601 date format');
  });

  it('tells a viewer the list is not for them', async () => {
    stubIncidents(() => boom(403, 'Forbidden', 'Insufficient scope'));
    renderWithQueryClient(<IncidentsPage canRecord={false} />);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Incident reports are for nurses and district admins.',
    );
    expect(screen.queryByRole('button', { name: 'Record incident' })).toBeNull();
  });

  it('filters by type, severity, days and student, starting again at page 1', async () => {
    const fetchMock = stubIncidents(() => page([incident()], 60), {
      'GET /api/v1/students': () => ({ body: { data: [ava], page: 1, pageSize: 10, total: 1 } }),
    });
    renderWithQueryClient(<IncidentsPage canRecord />);
    await userEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await vi.waitFor(() => expect(listRequests(fetchMock).at(-1)?.get('page')).toBe('2'));

    const filters = screen.getByRole('search', { name: 'Filter incidents' });
    await userEvent.selectOptions(within(filters).getByLabelText('Severity'), 'HIGH');
    await userEvent.selectOptions(within(filters).getByLabelText('Type'), 'INJURY');
    fireEvent.change(within(filters).getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2026-03-02' } });
    await userEvent.type(within(filters).getByRole('searchbox', { name: 'Find a student' }), 'mart');
    const student = within(filters).getByRole('combobox', { name: 'Student' });
    await within(student).findByRole('option', { name: 'Martinez, Ava · Grade 5 · S-1' });
    await userEvent.selectOptions(student, 's1');

    await vi.waitFor(() => expect(listRequests(fetchMock).at(-1)?.get('studentId')).toBe('s1'));
    const last = listRequests(fetchMock).at(-1)!;
    expect(last.get('page')).toBe('1');
    expect(last.get('severity')).toBe('HIGH');
    expect(last.get('type')).toBe('INJURY');
    // Whole local days, sent as instants.
    expect(last.get('from')).toBe(new Date(2026, 2, 1).toISOString());
    expect(last.get('to')).toBe(new Date(2026, 2, 2, 23, 59, 59, 999).toISOString());
  });

  it("filters by the student's school, listed from the server, starting again at page 1", async () => {
    const fetchMock = stubIncidents(() => page([incident()], 60));
    renderWithQueryClient(<IncidentsPage canRecord />);
    await userEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await vi.waitFor(() => expect(listRequests(fetchMock).at(-1)?.get('page')).toBe('2'));

    const school = within(screen.getByRole('search', { name: 'Filter incidents' })).getByRole('combobox', {
      name: 'School',
    });
    expect(within(school).getByRole('option', { name: 'All schools' })).toBeInTheDocument();
    await within(school).findByRole('option', { name: 'Roosevelt Middle' });
    await userEvent.selectOptions(school, 'sc2');

    await vi.waitFor(() => expect(listRequests(fetchMock).at(-1)?.get('schoolId')).toBe('sc2'));
    expect(listRequests(fetchMock).at(-1)?.get('page')).toBe('1');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await vi.waitFor(() => expect(listRequests(fetchMock).at(-1)?.get('schoolId')).toBeNull());
    expect(school).toHaveValue('');
  });

  it('keeps the list working when the schools cannot be listed, saying why', async () => {
    stubIncidents(() => page([incident()]), {
      'GET /api/v1/schools': () => boom(503, 'Service Unavailable', 'Try again shortly'),
    });
    renderWithQueryClient(<IncidentsPage canRecord />);

    expect(await screen.findByRole('table')).toBeInTheDocument();
    const school = screen.getByRole('combobox', { name: 'School' });
    await vi.waitFor(() => expect(school).toHaveAccessibleDescription(/Schools could not be listed/));
    expect(school).toHaveAccessibleDescription(/Try again shortly/);
  });

  it('says a backwards range is wrong and keeps the last good one', async () => {
    const fetchMock = stubIncidents(() => page([incident()]));
    renderWithQueryClient(<IncidentsPage canRecord />);
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-05' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-01' } });

    expect(screen.getByText('The last day must be on or after the first day.')).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
    await vi.waitFor(() => expect(listRequests(fetchMock).at(-1)?.get('from')).not.toBeNull());
    expect(listRequests(fetchMock).some((params) => params.get('to') !== null)).toBe(false);
  });

  it('records an incident for a student chosen in the form, then lists it', async () => {
    let incidents: Incident[] = [];
    const fetchMock = stubIncidents(() => page(incidents), {
      'GET /api/v1/students': () => ({ body: { data: [ava], page: 1, pageSize: 10, total: 1 } }),
      'POST /api/v1/incidents': (_url, init) => {
        const created = incident({ ...(JSON.parse(String(init.body)) as Partial<Incident>), id: 'in9' });
        incidents = [created];
        return { status: 201, body: created };
      },
    });
    renderWithQueryClient(<IncidentsPage canRecord />);
    await screen.findByText('No incidents match these filters.');

    await userEvent.click(screen.getByRole('button', { name: 'Record incident' }));
    const dialog = screen.getByRole('dialog', { name: 'Record an incident' });
    const search = within(dialog).getByRole('searchbox', { name: 'Find a student' });
    expect(search).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save incident' }));
    expect(within(dialog).getByText('Choose a student.')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Student' })).toHaveFocus();

    await userEvent.type(search, 'mart');
    const select = within(dialog).getByRole('combobox', { name: 'Student' });
    await within(select).findByRole('option', { name: 'Martinez, Ava · Grade 5 · S-1' });
    await userEvent.selectOptions(select, 's1');
    await userEvent.selectOptions(within(dialog).getByLabelText('Type'), 'INJURY');
    await userEvent.selectOptions(within(dialog).getByLabelText('Severity'), 'MEDIUM');
    await userEvent.type(within(dialog).getByLabelText('Location'), 'Gym');
    await userEvent.type(within(dialog).getByLabelText('What happened'), 'Twisted ankle');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save incident' }));

    expect(await screen.findByText('Incident recorded.')).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({
      studentId: 's1',
      type: 'INJURY',
      severity: 'MEDIUM',
      location: 'Gym',
      description: 'Twisted ankle',
    });
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('Incidents in the main navigation', () => {
  const signedIn = (role: string) => {
    stubFetch({
      'GET /api/v1/auth/me': () => ({
        body: { id: 'u1', email: 'pat@example.org', name: 'Pat Garcia', role, organizationId: 'o1' },
      }),
      'GET /api/v1/alerts': () => ({ body: { data: [] } }),
      'GET /api/v1/notifications': () => ({ body: { data: [], unread: 0, page: 1, pageSize: 20, total: 0 } }),
      'GET /api/v1/incidents': () => page([incident()]),
    });
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
  };

  it('takes a nurse to the Incidents page, where she can record one', async () => {
    signedIn('NURSE');
    const { router } = renderApp('/alerts');

    await userEvent.click(await screen.findByRole('link', { name: 'Incidents' }));

    expect(router.state.location.pathname).toBe('/incidents');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Incidents' }, { timeout: LAZY_ROUTE_TIMEOUT_MS }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Record incident' })).toBeInTheDocument();
  });

  it('has no Incidents link for a VIEWER (the server refuses them the list)', async () => {
    signedIn('VIEWER');
    renderApp('/alerts');

    expect(await screen.findByRole('link', { name: 'Alerts' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Incidents' })).toBeNull();
  });
});
