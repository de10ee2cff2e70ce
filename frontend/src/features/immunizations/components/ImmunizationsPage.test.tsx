import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { socketClient } from '@/services/websocket/socketClient';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import type { ComplianceGroup, ComplianceReport, NonCompliantStudent } from '../types';
import { ImmunizationsPage } from './ImmunizationsPage';
import { NON_COMPLIANT_PAGE_SIZE } from './NonCompliantList';

const COMPLIANCE = 'GET /api/v1/immunizations/compliance';
const STUDENTS = 'GET /api/v1/immunizations/compliance/non-compliant';
const SCHOOLS = 'GET /api/v1/schools';

function group(
  schoolName: string | null,
  grade: string,
  counts: [number, number, number, number],
): ComplianceGroup {
  const [COMPLIANT, DUE, OVERDUE, EXEMPT] = counts;
  const total = COMPLIANT + DUE + OVERDUE + EXEMPT;
  const rate = (n: number) => Math.round((n / total) * 10_000) / 10_000;
  return {
    schoolId: schoolName ? `school-${schoolName}` : null,
    schoolName,
    grade,
    total,
    counts: { COMPLIANT, DUE, OVERDUE, EXEMPT },
    rates: { COMPLIANT: rate(COMPLIANT), DUE: rate(DUE), OVERDUE: rate(OVERDUE), EXEMPT: rate(EXEMPT) },
  };
}

function report(groups: ComplianceGroup[]): ComplianceReport {
  const counts = { COMPLIANT: 0, DUE: 0, OVERDUE: 0, EXEMPT: 0 };
  let total = 0;
  for (const g of groups) {
    total += g.total;
    for (const key of Object.keys(counts) as Array<keyof typeof counts>) counts[key] += g.counts[key];
  }
  const rate = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 10_000) / 10_000);
  return {
    asOf: '2026-03-02',
    ruleSet: { name: 'State school-entry rules 2025-26', source: 'STATE' },
    total,
    counts,
    rates: {
      COMPLIANT: rate(counts.COMPLIANT),
      DUE: rate(counts.DUE),
      OVERDUE: rate(counts.OVERDUE),
      EXEMPT: rate(counts.EXEMPT),
    },
    groups,
  };
}

function student(
  id: string,
  lastName: string,
  overrides: Partial<NonCompliantStudent> = {},
): NonCompliantStudent {
  return {
    studentId: id,
    firstName: 'Ava',
    lastName,
    grade: 'K',
    schoolId: 'school-Lincoln',
    schoolName: 'Lincoln Elementary',
    status: 'OVERDUE',
    series: [
      { series: 'MMR', status: 'OVERDUE', validDoses: 1, requiredDoses: 2, missing: 1, dueOn: '2026-02-01' },
      {
        series: 'Varicella',
        status: 'DUE',
        validDoses: 0,
        requiredDoses: 2,
        missing: 2,
        dueOn: '2026-04-15',
      },
    ],
    ...overrides,
  };
}

const SCHOOL_LIST = [
  { id: 'school-Lincoln', name: 'Lincoln Elementary', code: 'LIN' },
  { id: 'school-Roosevelt', name: 'Roosevelt Middle', code: 'ROO' },
];

function stubApi(handlers: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    [SCHOOLS]: () => ({ body: { data: SCHOOL_LIST } }),
    [COMPLIANCE]: () => ({
      body: report([
        group('Lincoln Elementary', 'K', [45, 2, 1, 2]),
        group('Lincoln Elementary', '1', [38, 1, 0, 1]),
      ]),
    }),
    [STUDENTS]: () => ({ body: { asOf: '2026-03-02', data: [student('s1', 'Martinez')] } }),
    ...handlers,
  });
}

const requests = (fetchMock: ReturnType<typeof stubFetch>, path: string) =>
  fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === path);

describe('ImmunizationsPage', () => {
  it('shows compliance by school and grade, every share also as text', async () => {
    stubApi();
    renderWithQueryClient(<ImmunizationsPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Immunizations' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Immunization compliance by school and grade' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['School', 'Grade', 'Students', 'Compliant', 'Due', 'Overdue', 'Exempt']);
    const kindergarten = within(table).getByRole('row', { name: /Lincoln Elementary Kindergarten/ });
    expect(within(kindergarten).getByRole('rowheader')).toHaveTextContent('Lincoln Elementary');
    expect(
      within(kindergarten)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Kindergarten', '50', '45 (90%)', '2 (4%)', '1 (2%)', '2 (4%)']);
    expect(within(table).getByRole('row', { name: /All shown/ })).toHaveTextContent('83 (92.2%)');
    expect(
      screen.getByText('83 of 90 students compliant (92.2%); 3 due, 1 overdue, 3 exempt.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/by the rules of State school-entry rules 2025-26/)).toBeInTheDocument();
  });

  it('lists the students not compliant, each linking to their profile’s immunizations', async () => {
    stubApi();
    renderWithQueryClient(<ImmunizationsPage />);

    const list = await screen.findByRole('table', { name: 'Students not compliant' });
    expect(screen.getByRole('heading', { level: 2, name: 'Students not compliant (1)' })).toBeInTheDocument();
    const row = within(list).getByRole('row', { name: /Martinez, Ava/ });
    expect(within(row).getByRole('link', { name: 'Martinez, Ava' })).toHaveAttribute(
      'href',
      '/students/s1#immunizations',
    );
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    const needs = within(row)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(needs[0]).toMatch(/^MMR, overdue: 1 dose missing \(was due .*2026\)$/);
    expect(needs[1]).toMatch(/^Varicella, due: 2 doses missing \(due .*2026\)$/);
  });

  it('asks again with the chosen school, grade and date', async () => {
    const fetchMock = stubApi();
    renderWithQueryClient(<ImmunizationsPage />);
    await screen.findByRole('table', { name: 'Immunization compliance by school and grade' });

    const filters = screen.getByRole('search', { name: 'Filter compliance' });
    await within(filters).findByRole('option', { name: 'Roosevelt Middle' });
    await userEvent.selectOptions(within(filters).getByLabelText('School'), 'Roosevelt Middle');
    await userEvent.selectOptions(within(filters).getByLabelText('Grade'), 'Grade 7');
    fireEvent.change(within(filters).getByLabelText('As of'), { target: { value: '2026-09-01' } });

    await vi.waitFor(() => {
      const last = requests(fetchMock, '/api/v1/immunizations/compliance').at(-1)!;
      expect(Object.fromEntries(last.searchParams)).toEqual({
        schoolId: 'school-Roosevelt',
        grade: '7',
        asOf: '2026-09-01',
      });
    });
    const students = requests(fetchMock, '/api/v1/immunizations/compliance/non-compliant').at(-1)!;
    expect(students.searchParams.get('schoolId')).toBe('school-Roosevelt');
  });

  it('pages a long list of students', async () => {
    const many = Array.from({ length: NON_COMPLIANT_PAGE_SIZE + 3 }, (_, i) =>
      student(`s${i}`, `Student${String(i).padStart(2, '0')}`),
    );
    stubApi({ [STUDENTS]: () => ({ body: { asOf: '2026-03-02', data: many } }) });
    renderWithQueryClient(<ImmunizationsPage />);

    await screen.findByRole('link', { name: 'Student00, Ava' });
    expect(screen.queryByRole('link', { name: `Student${NON_COMPLIANT_PAGE_SIZE}, Ava` })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('link', { name: `Student${NON_COMPLIANT_PAGE_SIZE}, Ava` })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Student00, Ava' })).toBeNull();
  });

  it('has empty states for no students and for everyone compliant', async () => {
    stubApi({
      [COMPLIANCE]: () => ({ body: report([]) }),
      [STUDENTS]: () => ({ body: { asOf: '2026-03-02', data: [] } }),
    });
    renderWithQueryClient(<ImmunizationsPage />);
    expect(await screen.findByText('No active students match these filters.')).toBeInTheDocument();
    expect(await screen.findByText('Every student shown is compliant or exempt.')).toBeInTheDocument();
  });

  it('shows the server’s message, and points to the PDF when the server cannot list students', async () => {
    stubApi({
      [COMPLIANCE]: () => boom(400, 'Bad Request', '"asOf" must be a valid date'),
      [STUDENTS]: () => boom(404, 'Not Found', 'Not Found'),
    });
    renderWithQueryClient(<ImmunizationsPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('"asOf" must be a valid date');
    expect(
      await screen.findByText(/The compliance report \(PDF\) above names each of them/),
    ).toBeInTheDocument();
  });

  it('downloads the compliance PDF for the filters shown', async () => {
    const fetchMock = stubApi();
    const json = fetchMock.getMockImplementation()!;
    const pdfs: string[] = [];
    fetchMock.mockImplementation(async (input, init = {}) => {
      const url = new URL(String(input), 'http://localhost');
      if (!url.pathname.endsWith('.pdf')) return json(input, init);
      pdfs.push(`${url.pathname}${url.search}`);
      return new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf' } });
    });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderWithQueryClient(<ImmunizationsPage />);
    await screen.findByRole('table', { name: 'Immunization compliance by school and grade' });

    fireEvent.change(screen.getByLabelText('As of'), { target: { value: '2026-03-02' } });
    await userEvent.click(screen.getByRole('button', { name: 'Download compliance report (PDF)' }));

    await vi.waitFor(() => expect(saved).toEqual(['immunization-compliance-2026-03-02.pdf']));
    expect(pdfs).toEqual(['/api/v1/reports/immunization-compliance.pdf?asOf=2026-03-02']);
  });

  it('refreshes when a roster sync or an immunization notice comes in', async () => {
    const fetchMock = stubApi();
    socketClient.connect('token-1');
    const socket = fakeSockets.latest();
    act(() => socket.serverConnect());
    renderWithQueryClient(<ImmunizationsPage />);
    await screen.findByRole('table', { name: 'Immunization compliance by school and grade' });
    const before = requests(fetchMock, '/api/v1/immunizations/compliance').length;

    // Someone else's report has nothing to do with compliance.
    act(() => socket.serverEmit('job:completed', { jobId: 'j0', type: 'report-generation', result: {} }));
    act(() => socket.serverEmit('job:completed', { jobId: 'j1', type: 'sis-sync', result: {} }));
    await vi.waitFor(() =>
      expect(requests(fetchMock, '/api/v1/immunizations/compliance').length).toBe(before + 1),
    );

    act(() =>
      socket.serverEmit('health:notification', {
        id: 'n1',
        type: 'IMMUNIZATION_OVERDUE',
        title: 'Immunization overdue',
        message: '1 student',
        createdAt: '2026-03-02T06:00:00Z',
      }),
    );
    await vi.waitFor(() =>
      expect(requests(fetchMock, '/api/v1/immunizations/compliance').length).toBe(before + 2),
    );
  });
});
