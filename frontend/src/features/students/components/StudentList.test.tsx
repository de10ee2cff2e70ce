import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import type { Student } from '../types';
import { StudentList } from './StudentList';

function student(firstName: string, lastName: string, overrides: Partial<Student> = {}): Student {
  return {
    id: `${firstName}-${lastName}`,
    organizationId: 'org-1',
    schoolId: 'school-1',
    firstName,
    lastName,
    dateOfBirth: '2014-03-09',
    grade: '5',
    gender: null,
    studentNumber: `S-${lastName}`,
    isActive: true,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

const roster = [student('Ava', 'Martinez'), student('Liam', 'Chen', { grade: 'K' })];

function stubStudents(total = roster.length) {
  return stubFetch({
    'GET /api/v1/students': (url) => {
      const search = url.searchParams.get('search')?.toLowerCase() ?? '';
      const data = roster.filter((s) => `${s.firstName} ${s.lastName}`.toLowerCase().includes(search));
      const page = Number(url.searchParams.get('page'));
      return { body: { data, page, pageSize: Number(url.searchParams.get('pageSize')), total } };
    },
  });
}

const studentRequests = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost').searchParams);

describe('StudentList', () => {
  it('renders a row per student from the API', async () => {
    stubStudents();
    renderWithQueryClient(<StudentList />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading students');
    const row = await screen.findByRole('row', { name: /Ava Martinez/ });
    expect(within(row).getByText('S-Martinez')).toBeInTheDocument();
    expect(within(row).getByText('5')).toBeInTheDocument();
    // Calendar dates are shown as written, with no time-zone shift.
    expect(row.querySelector('time')).toHaveAttribute('datetime', '2014-03-09');
    expect(row.querySelector('time')).toHaveTextContent(/9.*2014|2014.*9/);
    expect(screen.getByRole('row', { name: /Liam Chen/ })).toBeInTheDocument();
    expect(screen.getByText(/1–2 of 2 students/)).toBeInTheDocument();
  });

  it('debounces the search box into one ?search= request', async () => {
    const fetchMock = stubStudents();
    renderWithQueryClient(<StudentList />);
    await screen.findByRole('row', { name: /Liam Chen/ });

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search students' }), 'Martinez');

    await vi.waitFor(() => expect(screen.queryByRole('row', { name: /Liam Chen/ })).toBeNull());
    expect(screen.getByRole('row', { name: /Ava Martinez/ })).toBeInTheDocument();
    const searches = studentRequests(fetchMock).map((params) => params.get('search'));
    expect(searches).toEqual([null, 'Martinez']);
  });

  it('filters by grade and starts again at page 1', async () => {
    const fetchMock = stubStudents(60);
    renderWithQueryClient(<StudentList />);
    await userEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await vi.waitFor(() => expect(studentRequests(fetchMock).at(-1)?.get('page')).toBe('2'));

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Grade' }), 'K');

    await vi.waitFor(() => expect(studentRequests(fetchMock).at(-1)?.get('grade')).toBe('K'));
    expect(studentRequests(fetchMock).at(-1)?.get('page')).toBe('1');
  });

  it('shows alert badges in words and opens the profile from a row', async () => {
    stubFetch({
      'GET /api/v1/students': () => ({
        body: {
          data: [
            {
              ...student('Ava', 'Martinez', { id: 's1' }),
              alerts: [{ kind: 'ALLERGY', severity: 'LIFE_THREATENING', label: 'Peanut (life-threatening)' }],
            },
            { ...student('Liam', 'Chen'), alerts: [] },
          ],
          page: 1,
          pageSize: 25,
          total: 2,
        },
      }),
    });
    const { router } = renderWithQueryClient(<StudentList />);

    const row = await screen.findByRole('row', { name: /Ava Martinez/ });
    expect(within(row).getByText('Allergy: Peanut (life-threatening)')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Liam Chen/ })).getByText('None')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Ava Martinez' })).toHaveAttribute('href', '/students/s1');

    await userEvent.click(within(row).getByText('S-Martinez'));

    expect(router.state.location.pathname).toBe('/students/s1');
  });

  it('says so when nothing matches', async () => {
    stubFetch({ 'GET /api/v1/students': () => ({ body: { data: [], page: 1, pageSize: 25, total: 0 } }) });
    renderWithQueryClient(<StudentList />);

    expect(await screen.findByText('No students match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the server's message for a 4xx", async () => {
    stubFetch({
      'GET /api/v1/students': () => boom(400, 'Bad Request', '"pageSize" must be less than or equal to 100'),
    });
    renderWithQueryClient(<StudentList />);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '"pageSize" must be less than or equal to 100',
    );
  });
});
