import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emergencyAlert } from '@/testing/alertFixture';
import { boom, stubFetch, type StubResponse } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { useAwaitingAlerts } from '../hooks/useAwaitingAlerts';
import type { EmergencyAlert } from '../types';
import { EmergencyAlertModal } from './EmergencyAlertModal';

const ME = 'u1';
const myAcknowledgement = { userId: ME, userName: 'Pat Garcia', acknowledgedAt: '2025-01-15T10:02:00Z' };

/** What the layout does: the first alert awaiting this user, in the modal. */
function Host() {
  const awaiting = useAwaitingAlerts(ME);
  const [first] = awaiting;
  return (
    <>
      <button type="button">Behind the modal</button>
      {first ? <EmergencyAlertModal alert={first} waiting={awaiting.length - 1} /> : <p>No emergency</p>}
    </>
  );
}

function setup(
  alerts: EmergencyAlert[],
  acknowledge = (): StubResponse => ({
    body: { ...alerts.find((alert) => alert.id === 'a1'), acknowledgements: [myAcknowledgement] },
  }),
) {
  const fetchMock = stubFetch({
    'GET /api/v1/alerts': () => ({ body: { data: alerts } }),
    'POST /api/v1/alerts/a1/acknowledge': acknowledge,
  });
  renderWithQueryClient(<Host />);
  return { fetchMock };
}

describe('EmergencyAlertModal', () => {
  it('shows every field of the alert in an alert dialog that has the focus', async () => {
    setup([{ ...emergencyAlert, escalated: true }]);

    const dialog = await screen.findByRole('alertdialog', { name: 'EMERGENCY: Allergic reaction' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveTextContent('Severity: Critical');
    expect(dialog).toHaveTextContent('Escalated');
    expect(dialog).toHaveTextContent('StudentAva Martinez');
    expect(dialog).toHaveTextContent('LocationCafeteria');
    expect(dialog).toHaveTextContent('What happenedStudent with hives and trouble breathing');
    expect(dialog).toHaveTextContent('Raised bySam Chen');
    expect(within(dialog).getByText(/2025/)).toHaveAttribute('datetime', '2025-01-15T10:00:00Z');
    expect(within(dialog).getByRole('button', { name: 'Acknowledge' })).toHaveFocus();
  });

  it('keeps the focus inside and ignores Escape', async () => {
    setup([emergencyAlert]);
    const acknowledge = await screen.findByRole('button', { name: 'Acknowledge' });

    await userEvent.tab();
    expect(acknowledge).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(acknowledge).toHaveFocus();
    screen.getByRole('button', { name: 'Behind the modal' }).focus();
    expect(acknowledge).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  it('Acknowledge posts to the API and closes the modal', async () => {
    const { fetchMock } = setup([emergencyAlert]);

    await userEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));

    expect(await screen.findByText('No emergency')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(call?.[0])).toBe('/api/v1/alerts/a1/acknowledge');
  });

  it('shows the newest waiting alert first, then the next one', async () => {
    const older = { ...emergencyAlert, id: 'a0', type: 'SEIZURE', createdAt: '2025-01-15T09:00:00Z' };
    setup([older, emergencyAlert]);

    const dialog = await screen.findByRole('alertdialog', { name: 'EMERGENCY: Allergic reaction' });
    expect(dialog).toHaveTextContent('1 more alert waiting after this one.');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByRole('alertdialog', { name: 'EMERGENCY: Seizure' })).toBeInTheDocument();
  });

  it('does not show alerts already acknowledged by this user, or raised by them', async () => {
    setup([
      { ...emergencyAlert, acknowledgements: [myAcknowledgement] },
      { ...emergencyAlert, id: 'a2', raisedBy: { userId: ME, name: 'Pat Garcia' } },
    ]);
    expect(await screen.findByText('No emergency')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('stays open with the error when acknowledging fails', async () => {
    setup([emergencyAlert], () => boom(503, 'Service Unavailable', 'Try again'));
    await userEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  it('beeps through Web Audio when it is available', async () => {
    const start = vi.fn();
    const param = { setValueAtTime: vi.fn() };
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      createOscillator() {
        return { type: '', frequency: param, connect: vi.fn(), start, stop: vi.fn(), onended: null };
      }
      createGain() {
        return { gain: param, connect: vi.fn() };
      }
      close() {
        return Promise.resolve();
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    setup([emergencyAlert]);
    await screen.findByRole('alertdialog');
    expect(start).toHaveBeenCalled();
  });
});
