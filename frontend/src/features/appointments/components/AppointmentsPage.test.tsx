import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '@/services/session/sessionStore';
import { socketClient } from '@/services/websocket/socketClient';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderApp, renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import type { Appointment } from '../types';
import { AppointmentsPage } from './AppointmentsPage';

/** A lazily loaded route can take a while when the whole suite runs in parallel. */
const LAZY_ROUTE_TIMEOUT_MS = 5_000;

type Handlers = Parameters<typeof stubFetch>[0];

const LINCOLN = '6f1c1d0e-0000-4000-8000-000000000001';
const ROOSEVELT = '6f1c1d0e-0000-4000-8000-000000000002';
const schools = [
  { id: LINCOLN, organizationId: 'o1', name: 'Lincoln Elementary', code: null },
  { id: ROOSEVELT, organizationId: 'o1', name: 'Roosevelt Middle', code: null },
];

/** Local wall-clock times, so the tests read the same in every time zone. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).toISOString();

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'ap1',
    studentId: 's1',
    studentName: 'Ava Martinez',
    student: { id: 's1', firstName: 'Ava', lastName: 'Martinez', schoolId: LINCOLN },
    nurseId: 'u1',
    startsAt: at(2, 9),
    durationMinutes: 15,
    type: 'FOLLOW_UP',
    status: 'SCHEDULED',
    reason: 'Check the ankle',
    notes: null,
    ...overrides,
  };
}

const ava = { id: 's1', firstName: 'Ava', lastName: 'Martinez', grade: '5', studentNumber: 'S-1' };

/**
 * A tiny server: GET answers the appointments inside ?from=&to= (of the students of
 * ?schoolId=), POST and PATCH change them.
 */
function stubAppointments(initial: Appointment[], handlers: Handlers = {}) {
  let appointments = [...initial];
  const fetchMock = stubFetch({
    'GET /api/v1/appointments': (url) => {
      const from = Date.parse(url.searchParams.get('from') ?? '');
      const to = Date.parse(url.searchParams.get('to') ?? '');
      const schoolId = url.searchParams.get('schoolId');
      const data = appointments
        .filter((a) => Date.parse(a.startsAt) >= from && Date.parse(a.startsAt) <= to)
        .filter((a) => schoolId === null || a.student.schoolId === schoolId)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      return { body: { data, page: 1, pageSize: 100, total: data.length } };
    },
    'GET /api/v1/students': () => ({ body: { data: [ava], page: 1, pageSize: 10, total: 1 } }),
    'GET /api/v1/schools': () => ({ body: { data: schools } }),
    'POST /api/v1/appointments': (_url, init) => {
      const created = appointment({ ...(JSON.parse(String(init.body)) as Partial<Appointment>), id: 'ap9' });
      appointments.push(created);
      return { status: 201, body: created };
    },
    'PATCH /api/v1/appointments/ap1': (_url, init) => {
      const changes = JSON.parse(String(init.body)) as Partial<Appointment>;
      appointments = appointments.map((a) => (a.id === 'ap1' ? { ...a, ...changes } : a));
      return { body: appointments.find((a) => a.id === 'ap1') };
    },
    ...handlers,
  });
  return fetchMock;
}

const requests = (fetchMock: ReturnType<typeof stubFetch>, method = 'GET') =>
  fetchMock.mock.calls.filter(
    ([input, init]) =>
      (init?.method ?? 'GET') === method &&
      new URL(String(input), 'http://localhost').pathname.startsWith('/api/v1/appointments'),
  );

const rangeAsked = (fetchMock: ReturnType<typeof stubFetch>) => {
  const params = new URL(String(requests(fetchMock).at(-1)?.[0]), 'http://localhost').searchParams;
  return { from: params.get('from'), to: params.get('to') };
};

const schoolAsked = (fetchMock: ReturnType<typeof stubFetch>) =>
  new URL(String(requests(fetchMock).at(-1)?.[0]), 'http://localhost').searchParams.get('schoolId');

const dayUrl = '/appointments?view=day&date=2026-03-02';

describe('AppointmentsPage: day and week', () => {
  it("lists one day's visits in time order, status in words, with the student's name linked", async () => {
    const fetchMock = stubAppointments([
      appointment({
        id: 'ap2',
        startsAt: at(2, 13, 30),
        type: 'SCREENING',
        status: 'COMPLETED',
        reason: null,
        studentId: 's2',
        studentName: 'Liam Chen',
      }),
      appointment(),
      appointment({ id: 'ap3', startsAt: at(3, 9) }),
    ]);
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);

    expect(screen.getByRole('heading', { level: 1, name: 'Appointments' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /Monday, March 2, 2026/ })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: /^Appointments on Monday, March 2, 2026/ });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('Follow up with Ava Martinez');
    expect(first).toHaveTextContent('Scheduled');
    expect(first).toHaveTextContent('(15 min)');
    expect(first).toHaveTextContent('Reason: Check the ankle');
    expect(within(first!).getByRole('link', { name: 'Ava Martinez' })).toHaveAttribute(
      'href',
      '/students/s1',
    );
    expect(second).toHaveTextContent('Screening with Liam Chen');
    expect(within(second!).getByRole('link', { name: 'Liam Chen' })).toHaveAttribute('href', '/students/s2');
    expect(second).toHaveTextContent('Completed');
    expect(within(second!).queryByRole('button', { name: /^Mark completed/ })).toBeNull();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(rangeAsked(fetchMock)).toEqual({
      from: new Date(2026, 2, 2).toISOString(),
      to: new Date(2026, 2, 2, 23, 59, 59, 999).toISOString(),
    });
  });

  it("lists the visits of one school's students, kept in the URL with the day", async () => {
    const fetchMock = stubAppointments([
      appointment(),
      appointment({
        id: 'ap2',
        startsAt: at(2, 10),
        studentId: 's2',
        studentName: 'Liam Chen',
        student: { id: 's2', firstName: 'Liam', lastName: 'Chen', schoolId: ROOSEVELT },
      }),
    ]);
    const { router } = renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);
    const list = await screen.findByRole('list', { name: /^Appointments on Monday/ });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(schoolAsked(fetchMock)).toBeNull();

    const school = screen.getByRole('combobox', { name: 'School' });
    expect(within(school).getByRole('option', { name: 'All schools' })).toBeInTheDocument();
    await within(school).findByRole('option', { name: 'Roosevelt Middle' });
    await userEvent.selectOptions(school, ROOSEVELT);

    await vi.waitFor(() => expect(schoolAsked(fetchMock)).toBe(ROOSEVELT));
    await vi.waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('listitem')).toHaveTextContent('Follow up with Liam Chen');
    expect(router.state.location.search).toContain(`school=${ROOSEVELT}`);

    // Moving to the next day keeps the school.
    await userEvent.click(screen.getByRole('button', { name: 'Next day' }));
    await vi.waitFor(() => expect(rangeAsked(fetchMock).from).toBe(new Date(2026, 2, 3).toISOString()));
    expect(schoolAsked(fetchMock)).toBe(ROOSEVELT);

    await userEvent.selectOptions(school, '');
    await vi.waitFor(() => expect(schoolAsked(fetchMock)).toBeNull());
    expect(router.state.location.search).not.toContain('school=');
  });

  it('ignores an unreadable school in the URL, and says why the schools are missing', async () => {
    const fetchMock = stubAppointments([appointment()], {
      'GET /api/v1/schools': () => boom(503, 'Service Unavailable', 'Try again shortly'),
    });
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, `${dayUrl}&school=lincoln`);

    expect(await screen.findByRole('listitem')).toHaveTextContent('Follow up with Ava Martinez');
    expect(schoolAsked(fetchMock)).toBeNull();
    const school = screen.getByRole('combobox', { name: 'School' });
    expect(school).toHaveValue('');
    await vi.waitFor(() => expect(school).toHaveAccessibleDescription(/Schools could not be listed/));
    expect(school).toHaveAccessibleDescription(/Try again shortly/);
  });

  it('shows a week, Monday to Sunday, one heading per day, and steps week by week', async () => {
    const fetchMock = stubAppointments([
      appointment({ startsAt: at(4, 10) }),
      appointment({ id: 'ap2', startsAt: at(10, 8) }),
    ]);
    const { router } = renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);
    await screen.findByText('No appointments.');

    await userEvent.click(screen.getByRole('button', { name: 'Week' }));

    expect(screen.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
    expect(router.state.location.search).toBe('?view=week&date=2026-03-02');
    const days = await screen.findAllByRole('heading', { level: 3 });
    expect(days.map((day) => day.textContent)).toEqual([
      'Monday, March 2, 2026',
      'Tuesday, March 3, 2026',
      'Wednesday, March 4, 2026',
      'Thursday, March 5, 2026',
      'Friday, March 6, 2026',
      'Saturday, March 7, 2026',
      'Sunday, March 8, 2026',
    ]);
    const wednesday = screen.getByRole('region', { name: 'Wednesday, March 4, 2026' });
    await within(wednesday).findByRole('listitem');
    expect(
      within(screen.getByRole('region', { name: 'Monday, March 2, 2026' })).getByText('No appointments.'),
    ).toBeInTheDocument();
    expect(rangeAsked(fetchMock)).toEqual({
      from: new Date(2026, 2, 2).toISOString(),
      to: new Date(2026, 2, 8, 23, 59, 59, 999).toISOString(),
    });

    await userEvent.click(screen.getByRole('button', { name: 'Next week' }));

    expect(router.state.location.search).toBe('?view=week&date=2026-03-09');
    await screen.findByRole('heading', { level: 2, name: /Mar 9, 2026 – Mar 15, 2026/ });
    expect(await screen.findByRole('region', { name: 'Tuesday, March 10, 2026' })).toHaveTextContent(
      'Follow up',
    );
  });

  it('goes back a day, and to today', async () => {
    vi.useFakeTimers({ now: new Date(2026, 2, 20, 8), shouldAdvanceTime: true });
    try {
      stubAppointments([]);
      const { router } = renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);

      await userEvent.click(screen.getByRole('button', { name: 'Previous day' }));
      expect(router.state.location.search).toBe('?view=day&date=2026-03-01');
      await userEvent.click(screen.getByRole('button', { name: 'Today' }));
      expect(router.state.location.search).toBe('?view=day&date=2026-03-20');
      fireEvent.change(screen.getByLabelText('Go to date'), { target: { value: '2026-04-01' } });
      expect(router.state.location.search).toBe('?view=day&date=2026-04-01');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the day is empty', async () => {
    stubAppointments([]);
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);
    expect(await screen.findByText('No appointments.')).toBeInTheDocument();
  });

  it("shows the server's message when the calendar cannot be read", async () => {
    stubFetch({ 'GET /api/v1/appointments': () => boom(400, 'Bad Request', '"to" must be a valid date') });
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);

    expect(await screen.findByRole('alert')).toHaveTextContent('"to" must be a valid date');
  });

  it('refreshes when an appointment reminder arrives on the live connection', async () => {
    const fetchMock = stubAppointments([]);
    socketClient.connect('token-1');
    const socket = fakeSockets.latest();
    act(() => socket.serverConnect());
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);
    await screen.findByText('No appointments.');
    const before = requests(fetchMock).length;

    act(() =>
      socket.serverEmit('health:notification', {
        id: 'n1',
        type: 'APPOINTMENT_REMINDER',
        title: 'Appointment tomorrow',
        message: '…',
        createdAt: at(2, 7),
      }),
    );

    await vi.waitFor(() => expect(requests(fetchMock).length).toBe(before + 1));
  });
});

describe('AppointmentsPage: booking and changing visits', () => {
  it('books a visit for a chosen student and posts what the server expects', async () => {
    const fetchMock = stubAppointments([]);
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);
    await screen.findByText('No appointments.');

    await userEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    const dialog = screen.getByRole('dialog', { name: 'Book an appointment' });
    expect(within(dialog).getByLabelText('Starts at')).toHaveValue('2026-03-02T09:00');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Book appointment' }));
    expect(within(dialog).getByText('Choose a student.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the kind of visit.')).toBeInTheDocument();

    await userEvent.type(within(dialog).getByRole('searchbox', { name: 'Find a student' }), 'mart');
    const select = within(dialog).getByRole('combobox', { name: 'Student' });
    await within(select).findByRole('option', { name: 'Martinez, Ava · Grade 5 · S-1' });
    await userEvent.selectOptions(select, 's1');
    await userEvent.selectOptions(within(dialog).getByLabelText('Kind of visit'), 'SCREENING');
    fireEvent.change(within(dialog).getByLabelText('Starts at'), { target: { value: '2026-03-02T10:30' } });
    await userEvent.clear(within(dialog).getByLabelText('Length (minutes)'));
    await userEvent.type(within(dialog).getByLabelText('Length (minutes)'), '30');
    await userEvent.type(within(dialog).getByLabelText('Reason (optional)'), 'Vision screening');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Book appointment' }));

    expect(await screen.findByText('Appointment booked.')).toBeInTheDocument();
    expect(JSON.parse(String(requests(fetchMock, 'POST')[0]?.[1]?.body))).toEqual({
      studentId: 's1',
      type: 'SCREENING',
      startsAt: at(2, 10, 30),
      durationMinutes: 30,
      reason: 'Vision screening',
      notes: null,
    });
    expect(await screen.findByRole('listitem')).toHaveTextContent('Screening with Ava Martinez');
  });

  it("keeps the form open with the server's message when the slot is taken", async () => {
    stubAppointments([], {
      'POST /api/v1/appointments': () => boom(409, 'Conflict', 'The nurse already has an appointment then'),
    });
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);
    await userEvent.click(await screen.findByRole('button', { name: 'Book appointment' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a student' }), 'mart');
    const select = screen.getByRole('combobox', { name: 'Student' });
    await within(select).findByRole('option', { name: /Martinez/ });
    await userEvent.selectOptions(select, 's1');
    await userEvent.selectOptions(screen.getByLabelText('Kind of visit'), 'ILLNESS');
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Book appointment' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent('The nurse already has an appointment then');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('marks a visit completed after asking once more', async () => {
    const fetchMock = stubAppointments([appointment()]);
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);

    await userEvent.click(await screen.findByRole('button', { name: /^Mark completed\b.*Follow up/ }));
    const confirm = screen.getByRole('button', { name: 'Yes, completed' });
    expect(confirm).toHaveFocus();
    expect(requests(fetchMock, 'PATCH')).toHaveLength(0);
    await userEvent.click(confirm);

    expect(await screen.findByText('Marked completed.')).toBeInTheDocument();
    expect(JSON.parse(String(requests(fetchMock, 'PATCH')[0]?.[1]?.body))).toEqual({ status: 'COMPLETED' });
    const item = screen.getByRole('listitem');
    await within(item).findByText('Completed');
    expect(within(item).queryByRole('button')).toBeNull();
  });

  it('keeps a visit when the question is answered no, and shows a refusal', async () => {
    const fetchMock = stubAppointments([appointment()], {
      'PATCH /api/v1/appointments/ap1': () =>
        boom(422, 'Unprocessable Entity', 'Only a scheduled appointment can change status'),
    });
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);

    await userEvent.click(await screen.findByRole('button', { name: /^Cancel appointment\b/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep it scheduled' }));
    expect(screen.getByRole('button', { name: /^Cancel appointment\b/ })).toHaveFocus();
    expect(requests(fetchMock, 'PATCH')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: /^Mark no-show\b/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, no-show' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only a scheduled appointment can change status',
    );
  });

  it('reschedules a visit, sending only what changed', async () => {
    const fetchMock = stubAppointments([appointment()]);
    renderWithQueryClient(<AppointmentsPage canManage />, undefined, dayUrl);

    await userEvent.click(await screen.findByRole('button', { name: /^Reschedule\b.*9:00/ }));
    const dialog = screen.getByRole('dialog', { name: /^Reschedule the / });
    expect(within(dialog).getByLabelText('New start')).toHaveValue('2026-03-02T09:00');
    fireEvent.change(within(dialog).getByLabelText('New start'), { target: { value: '2026-03-02T11:00' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save new time' }));

    expect(await screen.findByText('Appointment moved.')).toBeInTheDocument();
    expect(JSON.parse(String(requests(fetchMock, 'PATCH')[0]?.[1]?.body))).toEqual({ startsAt: at(2, 11) });
  });

  it('shows a viewer the calendar without booking or changing anything', async () => {
    stubAppointments([appointment()]);
    renderWithQueryClient(<AppointmentsPage canManage={false} />, undefined, dayUrl);

    await screen.findByRole('listitem');
    expect(screen.queryByRole('button', { name: 'Book appointment' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^(Mark|Cancel|Reschedule)/ })).toBeNull();
  });
});

describe('Appointments in the main navigation', () => {
  it('is there for a VIEWER too, read-only', async () => {
    stubAppointments([], {
      'GET /api/v1/auth/me': () => ({
        body: { id: 'u1', email: 'v@example.org', name: 'Val Viewer', role: 'VIEWER', organizationId: 'o1' },
      }),
      'GET /api/v1/alerts': () => ({ body: { data: [] } }),
      'GET /api/v1/notifications': () => ({ body: { data: [], unread: 0, page: 1, pageSize: 20, total: 0 } }),
    });
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const { router } = renderApp('/alerts');

    await userEvent.click(await screen.findByRole('link', { name: 'Appointments' }));

    expect(router.state.location.pathname).toBe('/appointments');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Appointments' },
        { timeout: LAZY_ROUTE_TIMEOUT_MS },
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('No appointments.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Book appointment' })).toBeNull();
  });
});
