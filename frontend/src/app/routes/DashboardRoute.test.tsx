import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startSession } from '@/services/session/sessionStore';
import { stubFetch } from '@/testing/fetchStub';
import { renderApp } from '@/testing/render';

const user = (role: string) => ({
  id: 'u1',
  email: 'someone@example.org',
  name: 'Pat Garcia',
  role,
  organizationId: 'o1',
});
const emptyPage = { data: [], page: 1, pageSize: 25, total: 0 };
const dose = {
  studentId: 's1',
  studentName: 'Ava Martinez',
  prescriptionId: 'p1',
  medication: { id: 'm1', name: 'Ibuprofen', form: 'TABLET', strength: '200 mg' },
  dose: '200 mg',
  route: 'ORAL',
  scheduledFor: new Date().toISOString(),
  status: 'DUE',
};

function stubServer(role: string) {
  return stubFetch({
    'GET /api/v1/auth/me': () => ({ body: user(role) }),
    'GET /api/v1/medications/due': () => ({ body: [dose] }),
    'GET /api/v1/medications/administration-record': () => ({
      body: {
        date: '2026-03-02',
        timeZone: 'America/New_York',
        windowMinutes: 60,
        counts: { GIVEN: 0, REFUSED: 0, MISSED: 0, HELD: 0, DUE: 1, OVERDUE: 0, UPCOMING: 0 },
        data: [
          {
            student: { id: 's1', firstName: 'Ava', lastName: 'Martinez', schoolId: null },
            prescription: {
              id: 'p1',
              medication: { ...dose.medication, controlledSchedule: null },
              dose: '200 mg',
              route: 'ORAL',
            },
            scheduledFor: dose.scheduledFor,
            status: 'DUE',
            administration: null,
          },
        ],
        page: 1,
        pageSize: 100,
        total: 1,
      },
    }),
    'GET /api/v1/alerts': () => ({ body: { data: [] } }),
    'GET /api/v1/appointments': () => ({ body: emptyPage }),
    'GET /api/v1/incidents': () => ({ body: emptyPage }),
    'GET /api/v1/inventory': () => ({ body: emptyPage }),
    'GET /api/v1/immunizations/compliance': () => ({
      body: {
        asOf: '2026-03-02',
        total: 0,
        counts: { COMPLIANT: 0, DUE: 0, OVERDUE: 0, EXEMPT: 0 },
        rates: { COMPLIANT: 0, DUE: 0, OVERDUE: 0, EXEMPT: 0 },
      },
    }),
    'GET /api/v1/schools': () => ({ body: { data: [] } }),
  });
}

const navLabels = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('dashboard and medications routes', () => {
  it('makes the dashboard home; a nurse records from it and sees incidents', async () => {
    stubServer('NURSE');
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
    expect(navLabels().slice(0, 3)).toEqual(['Dashboard', 'Students', 'Medications']);
    expect(await screen.findByRole('button', { name: /^Record Ibuprofen/ })).toBeInTheDocument();
    expect(await screen.findByText('No incidents recorded.')).toBeInTheDocument();
  });

  it('gives a viewer the panels the server answers, read-only', async () => {
    const fetchMock = stubServer('VIEWER');
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    renderApp('/dashboard');

    expect(await screen.findByRole('row', { name: /Ava Martinez/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Record/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Recent incidents' })).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/v1/incidents'))).toBe(false);
    expect(navLabels()).not.toContain('Medications');
  });

  it("opens today's MAR from the navigation", async () => {
    stubServer('NURSE');
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    renderApp('/medications');

    expect(await screen.findByRole('heading', { level: 1, name: 'Medications' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /^Record Ibuprofen/ })).toBeInTheDocument();
  });
});
