import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@/testing/fetchStub';
import { renderApp } from '@/testing/render';
import { student } from '@/testing/studentFixture';
import { startSession } from '@/services/session/sessionStore';

const user = (role: string) => ({
  id: 'u1',
  email: 'someone@example.org',
  name: 'Pat Garcia',
  role,
  organizationId: 'o1',
});
const prescription = {
  id: 'p1',
  medication: { name: 'Ibuprofen', form: 'TABLET', strength: '200 mg', controlledSchedule: null },
  dose: '200 mg',
  route: 'ORAL',
  scheduleTimes: [],
  prn: true,
  minIntervalMinutes: 240,
  startDate: '2026-01-05',
  endDate: null,
};

/** A tiny server: the profile reflects the doses and incidents recorded so far. */
function stubServer(role: string) {
  let dosesOnHand = 10;
  const incidents: unknown[] = [];
  return stubFetch({
    'GET /api/v1/auth/me': () => ({ body: user(role) }),
    'GET /api/v1/students': () => ({ body: { data: [student], page: 1, pageSize: 25, total: 1 } }),
    'GET /api/v1/students/s1': () => ({
      body: {
        ...student,
        alerts: [{ kind: 'ALLERGY', severity: 'LIFE_THREATENING', label: 'Peanut (life-threatening)' }],
        medications: [{ ...prescription, dosesOnHand }],
        incidents,
      },
    }),
    'GET /api/v1/students/s1/immunization-status': () => ({ body: { status: 'COMPLIANT', series: [] } }),
    'POST /api/v1/students/s1/medications/p1/administrations': () => {
      dosesOnHand -= 1;
      return { status: 201, body: { id: 'ad1', status: 'GIVEN' } };
    },
    'POST /api/v1/incidents': (_url, init) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      incidents.push({ id: 'in1', ...body });
      return { status: 201, body: { id: 'in1', ...body } };
    },
  });
}

const medication = () => screen.getByRole('article', { name: 'Ibuprofen 200 mg tablet' });

describe('student profile route', () => {
  it('opens from the list; a nurse records a dose and an incident and sees them', async () => {
    stubServer('NURSE');
    startSession({ token: 'token-1' });
    const { router } = renderApp('/students');

    await userEvent.click(await screen.findByRole('link', { name: 'Ava Martinez' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Ava Martinez' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/students/s1');
    expect(screen.getByRole('alert')).toHaveTextContent('LIFE-THREATENING ALLERGY: Peanut');
    expect(await screen.findByText('Overall status:')).toHaveTextContent('Compliant');
    expect(medication()).toHaveTextContent('Doses on hand10');

    await userEvent.click(within(medication()).getByRole('button', { name: /Record dose/ }));
    await userEvent.click(screen.getByLabelText(/I confirm the five rights/));
    await userEvent.click(screen.getByRole('button', { name: 'Save dose' }));

    expect(await within(medication()).findByRole('status')).toHaveTextContent('Dose recorded');
    expect(medication()).toHaveTextContent('Doses on hand9');

    const incidents = screen.getByRole('region', { name: 'Incidents' });
    await userEvent.click(within(incidents).getByRole('button', { name: 'Record incident' }));
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'ILLNESS');
    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'LOW');
    await userEvent.type(screen.getByLabelText('Location'), 'Room 12');
    await userEvent.type(screen.getByLabelText('What happened'), 'Headache');
    await userEvent.click(screen.getByRole('button', { name: 'Save incident' }));

    expect(await within(incidents).findByRole('row', { name: /Illness/ })).toHaveTextContent('Room 12');
  });

  it('shows a viewer the profile without recording actions', async () => {
    stubServer('VIEWER');
    startSession({ token: 'token-1' });
    renderApp('/students/s1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ava Martinez' })).toBeInTheDocument();
    expect(medication()).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Record dose/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record incident' })).toBeNull();
  });
});
