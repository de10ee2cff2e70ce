import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { formatTime } from '@/lib/formatDate';
import { startSession } from '@/services/session/sessionStore';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import type { AdministrationRecord, ScheduledDose } from '../types';
import { MedicationsPage } from './MedicationsPage';

type Handlers = Parameters<typeof stubFetch>[0];

const RECORD = '/api/v1/medications/administration-record';
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const ava = { id: 's1', firstName: 'Ava', lastName: 'Martinez', schoolId: 'sc1' };
const ben = { id: 's2', firstName: 'Ben', lastName: 'Okafor', schoolId: 'sc2' };
const ibuprofen: ScheduledDose['prescription'] = {
  id: 'p1',
  medication: { id: 'm1', name: 'Ibuprofen', form: 'TABLET', strength: '200 mg', controlledSchedule: null },
  dose: '200 mg',
  route: 'ORAL',
};
const albuterol: ScheduledDose['prescription'] = {
  id: 'p2',
  medication: { id: 'm2', name: 'Albuterol', form: 'INHALER', strength: '90 mcg', controlledSchedule: null },
  dose: '2 puffs',
  route: 'INHALED',
};

const given: ScheduledDose = {
  student: ava,
  prescription: { ...ibuprofen, id: 'p0' },
  scheduledFor: inMinutes(-240),
  status: 'GIVEN',
  administration: {
    id: 'a1',
    status: 'GIVEN',
    administeredAt: inMinutes(-235),
    dose: '200 mg',
    route: 'ORAL',
    reason: null,
    witnessUserId: null,
    administeredBy: { id: 'u1', name: 'Pat Garcia' },
  },
};
const missed: ScheduledDose = {
  student: ben,
  prescription: { ...albuterol, id: 'p9' },
  scheduledFor: inMinutes(-200),
  status: 'MISSED',
  administration: {
    id: 'a2',
    status: 'MISSED',
    administeredAt: inMinutes(-30),
    dose: null,
    route: null,
    reason: 'Absent',
    witnessUserId: null,
    administeredBy: { id: 'u1', name: 'Pat Garcia' },
  },
};
const overdue: ScheduledDose = {
  student: ben,
  prescription: albuterol,
  scheduledFor: inMinutes(-150),
  status: 'OVERDUE',
  administration: null,
};
const due: ScheduledDose = {
  student: ava,
  prescription: ibuprofen,
  scheduledFor: inMinutes(-5),
  status: 'DUE',
  administration: null,
};
const later: ScheduledDose = {
  ...due,
  prescription: { ...ibuprofen, id: 'p3' },
  scheduledFor: inMinutes(180),
  status: 'UPCOMING',
};
const day = [given, missed, overdue, due, later];

function page(data: ScheduledDose[], overrides: Partial<AdministrationRecord> = {}): AdministrationRecord {
  return {
    date: '2026-03-02',
    timeZone: 'America/New_York',
    windowMinutes: 60,
    counts: { GIVEN: 1, REFUSED: 0, MISSED: 1, HELD: 0, DUE: 1, OVERDUE: 1, UPCOMING: 1 },
    data,
    page: 1,
    pageSize: 100,
    total: data.length,
    ...overrides,
  };
}

const schools = {
  data: [
    { id: 'sc1', organizationId: 'o1', name: 'Lincoln Elementary', code: null },
    { id: 'sc2', organizationId: 'o1', name: 'Roosevelt Middle', code: null },
  ],
};

/** The server's filters, applied to the day above. */
function stubApi(overrides: Handlers = {}) {
  return stubFetch({
    [`GET ${RECORD}`]: (url) => {
      const schoolId = url.searchParams.get('schoolId');
      const statuses = url.searchParams.getAll('status');
      const data = day.filter(
        (dose) =>
          (!schoolId || dose.student.schoolId === schoolId) &&
          (statuses.length === 0 || statuses.includes(dose.status)),
      );
      return { body: page(data, { date: url.searchParams.get('date') ?? '2026-03-02' }) };
    },
    'GET /api/v1/schools': () => ({ body: schools }),
    ...overrides,
  });
}

function render(canRecord = true) {
  startSession({ token: 'token-1', idleLogoutMinutes: 15 });
  renderWithQueryClient(<MedicationsPage canRecord={canRecord} />);
}

const table = () => screen.findByRole('table', { name: /doses/ });
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
const recordCalls = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith(RECORD));

describe('MedicationsPage (MAR)', () => {
  it('lists every dose of today, recorded or not, each status in words and a shape', async () => {
    const fetchMock = stubApi();
    render();

    expect(screen.getByRole('heading', { level: 1, name: 'Medications' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the doses…');
    const rows = await bodyRows();
    expect(recordCalls(fetchMock)).toEqual([`${RECORD}?page=1&pageSize=100`]);
    expect(rows.map((row) => within(row).getAllByRole('cell')[4]?.textContent)).toEqual([
      '✓ Given',
      '– Missed',
      '▲ Overdue',
      '● Due now',
      '○ Not due yet',
    ]);
    expect(screen.getByRole('heading', { level: 2, name: "Today's doses (5)" })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Summary of the day' })).toHaveTextContent(
      'Overdue: 1Due now: 1Not due yet: 1Given: 1Refused: 0Missed: 1Held: 0',
    );
    // Who recorded a dose and when; why one was not given.
    expect(within(rows[0]!).getAllByRole('cell')[5]).toHaveTextContent(
      `${formatTime(given.administration!.administeredAt)} by Pat Garcia`,
    );
    expect(within(rows[1]!).getAllByRole('cell')[5]).toHaveTextContent('by Pat Garcia (Absent)');
    // The name opens the profile, where each prescription's history is.
    expect(within(rows[2]!).getByRole('link', { name: 'Ben Okafor' })).toHaveAttribute(
      'href',
      '/students/s2',
    );
    expect(rows[2]).toHaveTextContent('Albuterol 90 mcg inhaler');
    expect(rows[2]).toHaveTextContent('2 puffs');
    expect(rows[2]).toHaveTextContent('Inhaled');
    // Record on the overdue and due doses only.
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(within(rows[2]!).getByRole('button', { name: /^Record Albuterol/ })).toBeInTheDocument();
    expect(within(rows[3]!).getByRole('button', { name: /^Record Ibuprofen/ })).toBeInTheDocument();
    expect(within(rows[4]!).queryByRole('button')).toBeNull();
    // The day the server calls today.
    expect(screen.getByLabelText('Day')).toHaveValue('2026-03-02');
  });

  it('asks the server for one school', async () => {
    const fetchMock = stubApi();
    render();
    await bodyRows();

    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'School' }),
      'Lincoln Elementary',
    );

    expect(
      await screen.findByRole('heading', { level: 2, name: "Today's doses at Lincoln Elementary (3)" }),
    ).toBeInTheDocument();
    const rows = await bodyRows();
    expect(rows.every((row) => row.textContent?.includes('Ava Martinez'))).toBe(true);
    expect(recordCalls(fetchMock)).toContain(`${RECORD}?schoolId=sc1&page=1&pageSize=100`);
  });

  it('shows only the doses to record, or another day', async () => {
    const fetchMock = stubApi();
    render();
    await bodyRows();

    await userEvent.selectOptions(screen.getByLabelText('Show'), 'To record (overdue or due now)');
    expect(await screen.findByRole('heading', { level: 2, name: "Today's doses (2)" })).toBeInTheDocument();
    expect(recordCalls(fetchMock)).toContain(`${RECORD}?status=OVERDUE&status=DUE&page=1&pageSize=100`);
    // The summary still covers the whole day.
    expect(screen.getByRole('list', { name: 'Summary of the day' })).toHaveTextContent('Given: 1');

    // A date input changes as a whole value, as a browser's date picker does.
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-03-01' } });
    expect(await screen.findByRole('heading', { level: 2, name: /^Doses of .*\(2\)$/ })).toBeInTheDocument();
    expect(recordCalls(fetchMock)).toContain(
      `${RECORD}?date=2026-03-01&status=OVERDUE&status=DUE&page=1&pageSize=100`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Back to today' }));
    expect(await screen.findByRole('heading', { level: 2, name: "Today's doses (2)" })).toBeInTheDocument();
  });

  it('pages through a long day', async () => {
    const fetchMock = stubApi({
      [`GET ${RECORD}`]: (url) => ({
        body: page(url.searchParams.get('page') === '2' ? [later] : [due], {
          page: Number(url.searchParams.get('page')),
          pageSize: 1,
          total: 2,
        }),
      }),
    });
    render();
    await bodyRows();
    expect(screen.getByText(/1–1 of 2 doses/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/2–2 of 2 doses/)).toBeInTheDocument();
    expect(recordCalls(fetchMock)).toContain(`${RECORD}?page=2&pageSize=100`);
  });

  it('says so when the day has no doses', async () => {
    stubApi({ [`GET ${RECORD}`]: () => ({ body: page([]) }) });
    render();
    expect(await screen.findByText('No doses are scheduled on this day.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the server's message when the doses cannot be read", async () => {
    stubApi({ [`GET ${RECORD}`]: () => boom(404, 'Not Found', 'School not found') });
    render();
    expect(await screen.findByRole('alert')).toHaveTextContent('School not found');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('is read-only for a viewer', async () => {
    stubApi();
    render(false);
    await bodyRows();
    expect(screen.queryByRole('button', { name: /Record/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
  });

  it('records a row under its scheduled time after the five rights; the row turns Given', async () => {
    let recorded = false;
    const fetchMock = stubApi({
      [`GET ${RECORD}`]: () => ({
        body: page(
          recorded
            ? [{ ...overdue, status: 'GIVEN', administration: { ...given.administration!, id: 'a3' } }]
            : [overdue],
        ),
      }),
      'GET /api/v1/students/s2/medications': () => ({
        body: [{ ...albuterol, medication: albuterol.medication, dosesOnHand: 4 }],
      }),
      'POST /api/v1/students/s2/medications/p2/administrations': () => {
        recorded = true;
        return { status: 201, body: { id: 'a3', status: 'GIVEN' } };
      },
    });
    render();
    const [first] = await bodyRows();
    await userEvent.click(within(first!).getByRole('button', { name: /^Record Albuterol/ }));

    const dialog = await screen.findByRole('dialog', { name: 'Record dose: Albuterol 90 mcg inhaler' });
    expect(dialog).toHaveTextContent('StudentBen Okafor');
    await userEvent.click(within(dialog).getByLabelText(/I confirm the five rights/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save dose' }));

    const confirmation = await screen.findByRole('status');
    expect(confirmation).toHaveTextContent('Dose recorded for Ben Okafor: 2 puffs Albuterol given.');
    await vi.waitFor(() => expect(confirmation).toHaveFocus());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({
      status: 'GIVEN',
      scheduledFor: overdue.scheduledFor,
    });
    await vi.waitFor(async () => expect((await bodyRows())[0]).toHaveTextContent('Given'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("keeps the form open with the server's refusal", async () => {
    stubApi({
      'GET /api/v1/students/s2/medications': () => ({ body: [{ ...albuterol, dosesOnHand: 4 }] }),
      'POST /api/v1/students/s2/medications/p2/administrations': () =>
        boom(409, 'Conflict', 'This scheduled dose is already recorded (GIVEN): correct that entry instead'),
    });
    render();
    const rows = await bodyRows();
    await userEvent.click(within(rows[2]!).getByRole('button', { name: /^Record Albuterol/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText(/I confirm the five rights/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save dose' }));

    await vi.waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent('This scheduled dose is already recorded'),
    );
  });
});
