import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { formatTime } from '@/lib/formatDate';
import { startSession } from '@/services/session/sessionStore';
import { socketClient } from '@/services/websocket/socketClient';
import { boom, stubFetch, type StubResponse } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import { DUE_DOSES_REFRESH_MS, dueDosesQueryOptions } from '../api/getDueDoses';
import type { DueDose, StudentPrescription } from '../types';
import { DueDosesPanel } from './DueDosesPanel';

type Handlers = Parameters<typeof stubFetch>[0];

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const dueNow: DueDose = {
  studentId: 's1',
  studentName: 'Ava Martinez',
  prescriptionId: 'p1',
  medication: { id: 'm1', name: 'Ibuprofen', form: 'TABLET', strength: '200 mg' },
  dose: '200 mg',
  route: 'ORAL',
  scheduledFor: inMinutes(-10),
  status: 'DUE',
};
const overdue: DueDose = {
  ...dueNow,
  studentId: 's2',
  studentName: 'Ben Okafor',
  prescriptionId: 'p2',
  medication: { id: 'm2', name: 'Methylphenidate', form: 'TABLET', strength: '10 mg' },
  dose: '10 mg',
  scheduledFor: inMinutes(-120),
  status: 'OVERDUE',
};
const ibuprofen: StudentPrescription = {
  id: 'p1',
  medication: { name: 'Ibuprofen', form: 'TABLET', strength: '200 mg', controlledSchedule: null },
  dose: '200 mg',
  route: 'ORAL',
  dosesOnHand: 10,
};

const DUE = 'GET /api/v1/medications/due';
const PRESCRIPTIONS = 'GET /api/v1/students/s1/medications';
const RECORD = 'POST /api/v1/students/s1/medications/p1/administrations';

function setup(handlers: Handlers, canRecord = true) {
  startSession({ token: 'token-1', idleLogoutMinutes: 15 });
  const fetchMock = stubFetch(handlers);
  renderWithQueryClient(<DueDosesPanel canRecord={canRecord} />);
  const calls = (path: string) =>
    fetchMock.mock.calls.filter(([url]) => new URL(String(url), 'http://localhost').pathname === path);
  return { fetchMock, calls };
}

const recordButton = (name: RegExp) => screen.getByRole('button', { name });

describe('DueDosesPanel', () => {
  it('shows loading, then each dose with its status in words', async () => {
    setup({ [DUE]: () => ({ body: [overdue, dueNow] }) });
    expect(screen.getByRole('status')).toHaveTextContent('Loading due doses…');

    const table = await screen.findByRole('table', { name: 'Doses due now and overdue' });
    expect(
      screen.getByRole('heading', { level: 2, name: 'Doses due now and overdue (2)' }),
    ).toBeInTheDocument();
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('Ben Okafor');
    expect(first).toHaveTextContent('Methylphenidate 10 mg tablet');
    expect(first).toHaveTextContent('Overdue');
    expect(first).toHaveTextContent(formatTime(overdue.scheduledFor));
    expect(second).toHaveTextContent('Due now');
    expect(second).toHaveTextContent('Oral');
    expect(within(second!).getByRole('link', { name: 'Ava Martinez' })).toHaveAttribute(
      'href',
      '/students/s1',
    );
    expect(recordButton(/^Record Ibuprofen 200 mg tablet for Ava Martinez/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Today's medication record" })).toHaveAttribute(
      'href',
      '/medications',
    );
  });

  it('says so when nothing is due', async () => {
    setup({ [DUE]: () => ({ body: [] }) });
    expect(await screen.findByText('No doses are due right now.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the server's message when the list fails", async () => {
    setup({ [DUE]: () => boom(503, 'Service Unavailable', 'The database is not answering') });
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not answering');
  });

  it('offers no Record button to a viewer', async () => {
    setup({ [DUE]: () => ({ body: [dueNow] }) }, false);
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Record/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
  });

  it('records a dose after the five-rights confirmation; the dose leaves the list', async () => {
    let recorded = false;
    const { calls } = setup({
      [DUE]: () => ({ body: recorded ? [] : [dueNow] }),
      [PRESCRIPTIONS]: () => ({ body: [ibuprofen] }),
      [RECORD]: () => {
        recorded = true;
        return { status: 201, body: { id: 'ad1', status: 'GIVEN' } };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Record Ibuprofen/ }));

    const dialog = await screen.findByRole('dialog', { name: 'Record dose: Ibuprofen 200 mg tablet' });
    expect(recordButton(/^Record Ibuprofen/)).toHaveAttribute('aria-expanded', 'true');
    expect(within(dialog).getByLabelText('Status')).toHaveFocus();
    expect(dialog).toHaveTextContent('StudentAva Martinez');
    expect(dialog).toHaveTextContent(`Scheduled for${formatTime(dueNow.scheduledFor)}`);

    // The five rights must be confirmed before anything is sent.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save dose' }));
    expect(within(dialog).getByText('Confirm the five rights before saving.')).toBeInTheDocument();
    expect(calls('/api/v1/students/s1/medications/p1/administrations')).toHaveLength(0);

    await userEvent.click(within(dialog).getByLabelText(/I confirm the five rights/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save dose' }));

    const confirmation = await screen.findByRole('status');
    expect(confirmation).toHaveTextContent('Dose recorded for Ava Martinez: 200 mg Ibuprofen given.');
    await vi.waitFor(() => expect(confirmation).toHaveFocus());
    expect(await screen.findByText('No doses are due right now.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("keeps the form open with the server's refusal", async () => {
    setup({
      [DUE]: () => ({ body: [dueNow] }),
      [PRESCRIPTIONS]: () => ({ body: [ibuprofen] }),
      [RECORD]: () =>
        boom(422, 'Unprocessable Entity', 'Right time: this scheduled dose has already been given'),
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Record Ibuprofen/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText(/I confirm the five rights/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save dose' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Right time: this scheduled dose has already been given',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Ava Martinez/ })).toBeInTheDocument();
  });

  it('files a dose recorded from the list under its scheduled time, whatever its Time', async () => {
    const { calls } = setup({
      [DUE]: () => ({ body: [overdue] }),
      'GET /api/v1/students/s2/medications': () => ({
        body: [{ ...ibuprofen, id: 'p2', medication: { ...ibuprofen.medication, name: 'Methylphenidate' } }],
      }),
      'POST /api/v1/students/s2/medications/p2/administrations': () => ({ status: 201, body: { id: 'ad2' } }),
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Record Methylphenidate/ }));
    const dialog = await screen.findByRole('dialog');
    // The slot is sent, so the Time entered no longer decides where the entry is filed.
    expect(within(dialog).queryByRole('button', { name: /Use the scheduled time/ })).toBeNull();

    await userEvent.selectOptions(within(dialog).getByLabelText('Status'), 'MISSED');
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Absent');
    await userEvent.click(within(dialog).getByLabelText(/I confirm the five rights/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save dose' }));

    await vi.waitFor(() =>
      expect(calls('/api/v1/students/s2/medications/p2/administrations')).toHaveLength(1),
    );
    const [, init] = calls('/api/v1/students/s2/medications/p2/administrations')[0]!;
    const body = JSON.parse(String(init?.body)) as Record<string, string>;
    expect(body).toMatchObject({ status: 'MISSED', reason: 'Absent', scheduledFor: overdue.scheduledFor });
    // Recorded now, not at the time it was due.
    expect(Math.abs(Date.parse(body.administeredAt!) - Date.now())).toBeLessThan(2 * 60_000);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Dose of Methylphenidate for Ben Okafor recorded as missed.',
    );
  });

  it("reviews the student's name as the server gives it", async () => {
    setup({
      [DUE]: () => ({
        body: [
          {
            ...dueNow,
            studentName: 'Mary Ann Smith',
            student: { id: 's1', firstName: 'Mary Ann', lastName: 'Smith', schoolId: 'sc1' },
          },
        ],
      }),
      [PRESCRIPTIONS]: () => ({ body: [ibuprofen] }),
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Record Ibuprofen/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('img', { name: 'No photo on file for Mary Ann' })).toHaveTextContent(
      'MS',
    );
  });

  it('asks for a witness when the prescription is a controlled substance', async () => {
    setup({
      [DUE]: () => ({ body: [dueNow] }),
      [PRESCRIPTIONS]: () => ({
        body: [{ ...ibuprofen, medication: { ...ibuprofen.medication, controlledSchedule: 'II' } }],
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Record Ibuprofen/ }));
    expect(await screen.findByLabelText(/Witness user ID/)).toBeInTheDocument();
  });

  it('says when the prescription is gone, and Escape returns to the button', async () => {
    setup({
      [DUE]: () => ({ body: [dueNow] }),
      [PRESCRIPTIONS]: (): StubResponse => ({ body: [] }),
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Record Ibuprofen/ }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This prescription is no longer on file for the student.',
    );

    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(recordButton(/^Record Ibuprofen/)).toHaveFocus();
  });

  it('refetches when the server sends a medication reminder, and every minute', async () => {
    const { calls } = setup({ [DUE]: () => ({ body: [] }) });
    await screen.findByText('No doses are due right now.');
    socketClient.connect('token-1');
    const socket = fakeSockets.latest();
    act(() => socket.serverConnect());
    // A (re)connect may have missed reminders.
    act(() =>
      socket.serverEmit('connection:confirmed', { userId: 'u1', organizationId: 'o1', socketId: 'x' }),
    );
    await vi.waitFor(() => expect(calls('/api/v1/medications/due')).toHaveLength(2));

    act(() => {
      socket.serverEmit('medication:reminder', {
        studentId: 's1',
        studentName: 'Ava Martinez',
        medication: 'Ibuprofen 200 mg',
        dose: '200 mg',
        dueAt: inMinutes(0),
      });
      socket.serverEmit('medication:reminder', {
        studentId: 's2',
        studentName: 'Ben Okafor',
        medication: 'Methylphenidate 10 mg',
        dose: '10 mg',
        dueAt: inMinutes(0),
      });
    });

    // A burst of reminders is one refetch.
    await vi.waitFor(() => expect(calls('/api/v1/medications/due')).toHaveLength(3));
    expect(dueDosesQueryOptions().refetchInterval).toBe(DUE_DOSES_REFRESH_MS);
  });
});
