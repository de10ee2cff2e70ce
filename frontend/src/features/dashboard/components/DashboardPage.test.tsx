import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { formatTime } from '@/lib/formatDate';
import { startSession } from '@/services/session/sessionStore';
import { socketClient } from '@/services/websocket/socketClient';
import { emergencyAlert } from '@/testing/alertFixture';
import { boom, stubFetch, type StubResponse } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import type { Appointment, ComplianceSummary, Incident, InventoryItem } from '../types';
import { DashboardPage } from './DashboardPage';

type Handlers = Parameters<typeof stubFetch>[0];

const page = <T,>(data: T[], total = data.length) => ({ body: { data, page: 1, pageSize: 25, total } });
const noAnswer = () => new Promise<StubResponse>(() => undefined);

const appointment: Appointment = {
  id: 'ap1',
  studentId: 's1',
  studentName: 'Ava Martinez',
  startsAt: '2026-03-02T15:30:00.000Z',
  durationMinutes: 15,
  type: 'FOLLOW_UP',
  status: 'SCHEDULED',
  reason: 'Check the bandage',
};
const incident: Incident = {
  id: 'i1',
  studentId: 's2',
  studentName: 'Liam Chen',
  type: 'INJURY',
  severity: 'HIGH',
  location: 'Playground',
  occurredAt: '2026-03-02T14:05:00.000Z',
  followUpRequired: true,
};
const item = (overrides: Partial<InventoryItem>): InventoryItem => ({
  id: 'inv1',
  name: 'Gauze pads',
  unit: 'boxes',
  quantity: 2,
  reorderLevel: 5,
  expiresOn: null,
  location: 'Cabinet B',
  lowStock: true,
  expiringSoon: false,
  expired: false,
  ...overrides,
});
const compliance: ComplianceSummary = {
  asOf: '2026-03-02',
  total: 200,
  counts: { COMPLIANT: 164, DUE: 20, OVERDUE: 10, EXEMPT: 6 },
  rates: { COMPLIANT: 0.82, DUE: 0.1, OVERDUE: 0.05, EXEMPT: 0.03 },
};

/** Every panel with data; override one endpoint per test. */
function stubApi(overrides: Handlers = {}) {
  const fetchMock = stubFetch({
    'GET /api/v1/alerts': () => ({ body: { data: [emergencyAlert] } }),
    'GET /api/v1/appointments': () => page([appointment]),
    'GET /api/v1/incidents': () => page([incident], 12),
    'GET /api/v1/inventory': (url) =>
      url.searchParams.get('lowStock') === 'true'
        ? page([item({})])
        : page([
            item({ id: 'inv2', name: 'EpiPen Jr', expiresOn: '2026-02-20', expired: true, lowStock: false }),
            item({
              id: 'inv3',
              name: 'Saline',
              expiresOn: '2026-03-20',
              expiringSoon: true,
              lowStock: false,
            }),
          ]),
    'GET /api/v1/immunizations/compliance': () => ({ body: compliance }),
    ...overrides,
  });
  const calls = (path: string) =>
    fetchMock.mock.calls.filter(([url]) => new URL(String(url), 'http://localhost').pathname === path);
  return { fetchMock, calls };
}

function render(showIncidents = true) {
  startSession({ token: 'token-1', idleLogoutMinutes: 15 });
  renderWithQueryClient(<DashboardPage showIncidents={showIncidents} dueDoses={<p>Due doses here</p>} />);
}

const panel = (name: string | RegExp) => screen.getByRole('region', { name });

describe('DashboardPage', () => {
  it('shows every panel loading at first, under one h1', () => {
    stubApi({
      'GET /api/v1/alerts': noAnswer,
      'GET /api/v1/appointments': noAnswer,
      'GET /api/v1/incidents': noAnswer,
      'GET /api/v1/inventory': noAnswer,
      'GET /api/v1/immunizations/compliance': noAnswer,
    });
    render();

    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Dashboard']);
    expect(screen.getByText('Due doses here')).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toEqual([
      'Loading alerts…',
      'Loading appointments…',
      'Loading incidents…',
      'Loading low stock…',
      'Loading expired or expiring within 30 days…',
      'Loading immunization compliance…',
    ]);
  });

  it('shows open alerts with severity and acknowledgement in words', async () => {
    stubApi();
    render();
    const alerts = panel(/Open emergency alerts/);
    await within(alerts).findByText('Allergic reaction — Cafeteria');
    expect(within(alerts).getByRole('heading', { name: 'Open emergency alerts (1)' })).toBeInTheDocument();
    expect(alerts).toHaveTextContent('Severity: Critical');
    expect(alerts).toHaveTextContent('Ava Martinez · Raised by Sam Chen at');
    expect(alerts).toHaveTextContent('Not acknowledged yet');
    expect(within(alerts).getByRole('link', { name: 'All alerts' })).toHaveAttribute('href', '/alerts');
  });

  it("shows today's appointments with each student's name linking to their profile", async () => {
    const { fetchMock } = stubApi();
    render();
    const appointments = panel(/Today's appointments/);
    const table = await within(appointments).findByRole('table', { name: "Today's appointments" });
    const time = formatTime(appointment.startsAt);
    const row = within(table).getByRole('row', { name: new RegExp(time) });
    expect(row).toHaveTextContent('Follow up: Check the bandage');
    expect(row).toHaveTextContent('Scheduled');
    expect(within(row).getByRole('link', { name: 'Ava Martinez' })).toHaveAttribute('href', '/students/s1');
    const asked = new URL(
      String(fetchMock.mock.calls.find(([url]) => String(url).startsWith('/api/v1/appointments'))?.[0]),
      'http://localhost',
    );
    const from = Date.parse(asked.searchParams.get('from')!);
    const to = Date.parse(asked.searchParams.get('to')!);
    expect(new Date(from).getHours()).toBe(0);
    expect(to - from).toBeGreaterThan(22 * 3600_000);
    expect(asked.searchParams.get('pageSize')).toBe('100');
  });

  it('shows the five newest incidents for nurses and admins', async () => {
    const { fetchMock } = stubApi();
    render();
    const incidents = panel('Recent incidents');
    await within(incidents).findByText('Injury — Playground');
    expect(incidents).toHaveTextContent('Severity: High');
    expect(incidents).toHaveTextContent('Follow-up required');
    expect(within(incidents).getByRole('link', { name: 'Liam Chen' })).toHaveAttribute(
      'href',
      '/students/s2',
    );
    expect(fetchMock.mock.calls.some(([url]) => String(url) === '/api/v1/incidents?pageSize=5')).toBe(true);
  });

  it('links each panel to its page when the app has one', async () => {
    stubApi();
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    renderWithQueryClient(
      <DashboardPage
        showIncidents
        dueDoses={null}
        links={{ incidents: '/incidents', incident: (id) => `/incidents/${id}`, inventory: '/inventory' }}
      />,
    );
    const incidents = panel('Recent incidents');
    expect(await within(incidents).findByRole('link', { name: 'Injury — Playground' })).toHaveAttribute(
      'href',
      '/incidents/i1',
    );
    expect(within(incidents).getByRole('link', { name: 'All incidents' })).toHaveAttribute(
      'href',
      '/incidents',
    );
    expect(within(panel('Inventory to act on')).getByRole('link', { name: 'All inventory' })).toHaveAttribute(
      'href',
      '/inventory',
    );
  });

  it('leaves out incidents, which the server refuses viewers', async () => {
    const { calls } = stubApi();
    render(false);
    await screen.findByText('Allergic reaction — Cafeteria');
    expect(screen.queryByRole('region', { name: 'Recent incidents' })).toBeNull();
    expect(calls('/api/v1/incidents')).toHaveLength(0);
  });

  it('lists low stock and expiring items, expiry in words', async () => {
    stubApi();
    render();
    const inventory = panel('Inventory to act on');
    await within(inventory).findByText('Gauze pads');
    expect(within(inventory).getByRole('heading', { level: 3, name: 'Low stock (1)' })).toBeInTheDocument();
    expect(inventory).toHaveTextContent('Gauze pads: 2 boxes left (reorder at 5) · Cabinet B');
    expect(inventory).toHaveTextContent('EpiPen Jr: ▲ Expired on Feb 20, 2026');
    expect(inventory).toHaveTextContent('Saline: Expires on Mar 20, 2026');
  });

  it('shows the compliance rate and the count in each status', async () => {
    stubApi();
    render();
    const summary = panel('Immunization compliance');
    await within(summary).findByText('82%');
    expect(summary).toHaveTextContent('82% compliant (164 of 200 students, as of Mar 2, 2026)');
    expect(summary).toHaveTextContent('Overdue10 (5%)');
    expect(summary).toHaveTextContent('Exempt6 (3%)');
  });

  it('says when a panel has nothing to show', async () => {
    stubApi({
      'GET /api/v1/alerts': () => ({ body: { data: [] } }),
      'GET /api/v1/appointments': () => page([]),
      'GET /api/v1/incidents': () => page([]),
      'GET /api/v1/inventory': () => page([]),
      'GET /api/v1/immunizations/compliance': () => ({
        body: { ...compliance, total: 0, counts: { COMPLIANT: 0, DUE: 0, OVERDUE: 0, EXEMPT: 0 } },
      }),
    });
    render();
    for (const text of [
      'No open alerts.',
      'No appointments today.',
      'No incidents recorded.',
      'Nothing is at or below its reorder level.',
      'Nothing expires within 30 days.',
      'No active students to evaluate.',
    ]) {
      expect(await screen.findByText(text)).toBeInTheDocument();
    }
  });

  it("shows each panel's own error from the server, the others still load", async () => {
    stubApi({
      'GET /api/v1/appointments': () => boom(400, 'Bad Request', '"from" must be a valid date'),
      'GET /api/v1/immunizations/compliance': () => boom(503, 'Service Unavailable', 'Try again shortly'),
    });
    render();
    expect(await within(panel(/Today's appointments/)).findByRole('alert')).toHaveTextContent(
      '"from" must be a valid date',
    );
    expect(await within(panel('Immunization compliance')).findByRole('alert')).toHaveTextContent(
      'Try again shortly',
    );
    expect(await screen.findByText('Injury — Playground')).toBeInTheDocument();
  });

  it('refetches the panel a socket event is about', async () => {
    const { calls } = stubApi();
    render();
    await screen.findByText('Gauze pads');
    socketClient.connect('token-1');
    const socket = fakeSockets.latest();
    act(() => socket.serverConnect());

    act(() => socket.serverEmit('emergency:alert', { ...emergencyAlert, id: 'a2' }));
    act(() =>
      socket.serverEmit('emergency:alert:acknowledged', {
        alertId: 'a1',
        acknowledgement: { userId: 'u3', userName: 'Lee Park', acknowledgedAt: '2026-03-02T10:01:00Z' },
      }),
    );
    // An alert and an acknowledgement in one burst: one refetch.
    await vi.waitFor(() => expect(calls('/api/v1/alerts')).toHaveLength(2));

    act(() =>
      socket.serverEmit('health:notification', {
        id: 'n1',
        type: 'INVENTORY_LOW_STOCK',
        title: 'Low stock',
        message: 'Gauze pads are low',
        createdAt: '2026-03-02T10:00:00Z',
      }),
    );
    await vi.waitFor(() => expect(calls('/api/v1/inventory')).toHaveLength(4));
    expect(calls('/api/v1/immunizations/compliance')).toHaveLength(1);

    act(() =>
      socket.serverEmit('connection:confirmed', { userId: 'u1', organizationId: 'o1', socketId: 'x' }),
    );
    await vi.waitFor(() => expect(calls('/api/v1/immunizations/compliance')).toHaveLength(2));
    expect(calls('/api/v1/incidents')).toHaveLength(2);
    expect(calls('/api/v1/alerts')).toHaveLength(3);
  });
});
