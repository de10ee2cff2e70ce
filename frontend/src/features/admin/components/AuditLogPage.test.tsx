import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import type { AdminUser, AuditRecord, ChainVerification } from '../types';
import { AuditLogPage } from './AuditLogPage';

const LOG = 'GET /api/v1/admin/audit-log';
const VERIFY = 'GET /api/v1/admin/audit-log/verify';
const USERS = 'GET /api/v1/admin/users';

const STUDENT = '3f2a9c1e-0000-4000-8000-000000000001';

const nurse: AdminUser = {
  id: 'u2',
  email: 'nora@district.example',
  name: 'Nora Nurse',
  role: 'NURSE',
  organizationId: 'o1',
  isActive: true,
  lastLoginAt: null,
  createdAt: '2026-01-05T09:00:00Z',
};

function entry(seq: number, action: string, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: `a${seq}`,
    seq: String(seq),
    organizationId: 'o1',
    userId: 'u2',
    action,
    entityType: 'student',
    entityId: STUDENT,
    ipAddress: '10.0.0.5',
    userAgent: 'Chromium',
    details: {},
    createdAt: '2026-03-02T13:05:00Z',
    ...overrides,
  };
}

const page = (data: AuditRecord[], total = data.length, pageNumber = 1) => ({
  body: { data, page: pageNumber, pageSize: 50, total },
});

/** The audit log's query strings, in the order they were asked for. */
function stubLog(answer: (url: URL) => ReturnType<typeof page> | ReturnType<typeof boom>, more = {}) {
  const asked: URLSearchParams[] = [];
  const fetchMock = stubFetch({
    [USERS]: () => ({ body: { data: [nurse] } }),
    [LOG]: (url) => {
      asked.push(url.searchParams);
      return answer(url);
    },
    ...more,
  });
  return { asked, fetchMock };
}

describe('AuditLogPage', () => {
  it('shows each entry: number, time, who, action, entity, student and outcome in words', async () => {
    stubLog(() =>
      page([
        entry(12, 'student.read'),
        entry(11, 'allergy.create', {
          entityType: 'allergy',
          entityId: '77aa88bb-0000-4000-8000-000000000002',
          details: { studentId: STUDENT },
        }),
        entry(10, 'login.failure', {
          userId: 'u2',
          entityType: 'session',
          entityId: null,
          details: { reason: 'bad_password' },
        }),
        entry(9, 'sis.sync', {
          userId: null,
          entityType: 'sis_sync_run',
          entityId: 'run1',
          details: { outcome: 'failed' },
        }),
        entry(8, 'user.update', { userId: 'gone', entityType: 'user', entityId: 'u2' }),
      ]),
    );
    renderWithQueryClient(<AuditLogPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Audit log entries, newest first' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Entry', 'Time', 'User', 'Action', 'Entity', 'Student', 'Outcome']);

    const read = within(table).getByRole('row', { name: /#12/ });
    const cells = within(read).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent('Nora Nurse');
    expect(cells[2]).toHaveTextContent('student.read');
    expect(cells[3]).toHaveTextContent('Student');
    expect(within(cells[4]!).getByRole('link', { name: 'Student 3f2a9c1e' })).toHaveAttribute(
      'href',
      `/students/${STUDENT}`,
    );
    expect(cells[5]).toHaveTextContent('Succeeded');

    // A sub-record names its student in its details.
    const allergy = within(table).getByRole('row', { name: /#11/ });
    expect(allergy).toHaveTextContent('Allergy 77aa88bb');
    expect(within(allergy).getByRole('link', { name: 'Student 3f2a9c1e' })).toBeInTheDocument();

    const failure = within(table).getByRole('row', { name: /#10/ });
    expect(within(failure).getAllByRole('cell')[5]).toHaveTextContent('Failed: bad password');
    expect(within(failure).getAllByRole('cell')[4]).toHaveTextContent('—');

    const sync = within(table).getByRole('row', { name: /#9/ });
    expect(within(sync).getAllByRole('cell')[1]).toHaveTextContent('System');
    expect(within(sync).getAllByRole('cell')[5]).toHaveTextContent('Failed');

    expect(within(table).getByRole('row', { name: /#8/ })).toHaveTextContent('Unknown user gone');
  });

  it('filters by dates, user, action and student, starting again at page 1', async () => {
    const { asked } = stubLog(() => page([entry(1, 'student.read')]), {
      'GET /api/v1/students': () => ({
        body: {
          data: [{ id: STUDENT, firstName: 'Ava', lastName: 'Martinez', grade: '5', studentNumber: 'S-1' }],
          page: 1,
          pageSize: 10,
          total: 1,
        },
      }),
    });
    renderWithQueryClient(<AuditLogPage />);
    await screen.findByRole('table');
    expect(asked[0]!.get('page')).toBe('1');
    expect(asked[0]!.has('userId')).toBe(false);

    const filters = screen.getByRole('search', { name: 'Filter the audit log' });
    fireEvent.change(within(filters).getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2026-03-02' } });
    await within(filters).findByRole('option', { name: /Nora Nurse/ });
    await userEvent.selectOptions(within(filters).getByLabelText('User'), 'u2');
    await userEvent.type(within(filters).getByLabelText('Action'), 'student.read');
    await userEvent.type(within(filters).getByLabelText('Find a student'), 'Ava');
    const student = within(filters).getByLabelText('Student');
    await within(student).findByRole('option', { name: /Martinez, Ava/ });
    await userEvent.selectOptions(student, STUDENT);
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    await vi.waitFor(() => expect(asked.length).toBe(2));
    const query = asked[1]!;
    expect(query.get('userId')).toBe('u2');
    expect(query.get('action')).toBe('student.read');
    expect(query.get('studentId')).toBe(STUDENT);
    expect(query.get('page')).toBe('1');
    // The reader's own days, as instants.
    expect(query.get('from')).toBe(new Date('2026-03-01T00:00:00').toISOString());
    expect(query.get('to')).toBe(new Date('2026-03-02T23:59:59.999').toISOString());

    await userEvent.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    expect(within(filters).getByLabelText('Action')).toHaveValue('');
  });

  it('checks the filters before asking the server', async () => {
    const { asked } = stubLog(() => page([entry(1, 'student.read')]));
    renderWithQueryClient(<AuditLogPage />);
    await screen.findByRole('table');

    const filters = screen.getByRole('search', { name: 'Filter the audit log' });
    fireEvent.change(within(filters).getByLabelText('From'), { target: { value: '2026-03-05' } });
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2026-03-01' } });
    await userEvent.type(within(filters).getByLabelText('Action'), 'Student-Read');
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    expect(within(filters).getByText('The end date is before the start date.')).toBeInTheDocument();
    expect(
      within(filters).getByText('Use lowercase letters, dots, hyphens and underscores, as in student.read.'),
    ).toBeInTheDocument();
    expect(within(filters).getByLabelText('To')).toHaveFocus();
    expect(asked).toHaveLength(1);
  });

  it('pages through the entries', async () => {
    const { asked } = stubLog((url) => {
      const n = Number(url.searchParams.get('page'));
      return page([entry(200 - n, 'student.read')], 120, n);
    });
    renderWithQueryClient(<AuditLogPage />);
    await screen.findByRole('row', { name: /#199/ });
    expect(screen.getByText(/1–50 of 120 entries · page 1 of 3/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('row', { name: /#198/ })).toBeInTheDocument();
    expect(asked.at(-1)!.get('page')).toBe('2');
  });

  it('says when nothing matches, and shows the server’s refusal of a filter', async () => {
    let refuse = false;
    stubLog(() => (refuse ? boom(400, 'Bad Request', '"action" with value "x" fails to match') : page([])));
    renderWithQueryClient(<AuditLogPage />);
    expect(await screen.findByText('The audit log is empty.')).toBeInTheDocument();

    refuse = true;
    const filters = screen.getByRole('search', { name: 'Filter the audit log' });
    await userEvent.type(within(filters).getByLabelText('Action'), 'x');
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('"action" with value "x" fails to match');
  });

  it('verifies the chain and says whether it is intact, or where it breaks', async () => {
    const answers: ChainVerification[] = [
      { chain: 'o1', rowsChecked: 1234, valid: true, firstBroken: null },
      {
        chain: 'o1',
        rowsChecked: 1234,
        valid: false,
        firstBroken: { id: 'a42', seq: '42', reason: 'hash mismatch' },
      },
    ];
    stubLog(() => page([entry(1, 'student.read')]), { [VERIFY]: () => ({ body: answers.shift() }) });
    renderWithQueryClient(<AuditLogPage />);

    const verify = screen.getByRole('button', { name: 'Verify chain' });
    await userEvent.click(verify);
    expect(
      await screen.findByText(`Intact: ${(1234).toLocaleString()} entries checked, none changed or missing.`),
    ).toBeInTheDocument();

    await userEvent.click(verify);
    expect(
      await screen.findByText(/^Broken at entry #42: its content no longer matches its hash/),
    ).toBeInTheDocument();
  });

  it('says why the chain could not be checked', async () => {
    stubLog(() => page([entry(1, 'student.read')]), {
      [VERIFY]: () => boom(503, 'Service Unavailable', 'Database unavailable'),
    });
    renderWithQueryClient(<AuditLogPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The chain could not be checked: Database unavailable',
    );
  });

  it('tells anyone but an admin that the audit log is not for them', async () => {
    stubFetch({ [LOG]: () => boom(403, 'Forbidden', 'Insufficient scope') });
    renderWithQueryClient(<AuditLogPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The audit log is for district admins only.');
    expect(screen.queryByRole('button', { name: 'Verify chain' })).toBeNull();
  });
});
