import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch, type StubResponse } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import type { MedicaidEligibility, MedicaidEligibilityCheck } from '../api/medicaidEligibility';
import { MedicaidEligibilitySection } from './MedicaidEligibilitySection';

const PATH = '/api/v1/students/s1/medicaid-eligibility';

const check = (overrides: Partial<MedicaidEligibilityCheck> = {}): MedicaidEligibilityCheck => ({
  id: 'c1',
  studentId: 's1',
  checkedAt: '2026-03-02T14:05:00.000Z',
  coverage: 'active',
  planName: 'CHILDRENS MEDICAID',
  benefitCodes: ['1'],
  coverageStart: '2026-01-01',
  coverageEnd: '2026-12-31',
  rejection: null,
  traceNumber: 'abc',
  checkedBy: 'u1',
  ...overrides,
});

function stubEligibility(read: () => StubResponse, post: () => StubResponse = () => ({ status: 201 })) {
  return stubFetch({ [`GET ${PATH}`]: read, [`POST ${PATH}`]: post });
}

const section = () => screen.getByRole('region', { name: 'Medicaid eligibility' });

describe('MedicaidEligibilitySection', () => {
  it('shows the latest coverage, plan, period and when it was checked', async () => {
    const body: MedicaidEligibility = { medicaidId: 'MCD-1', latest: check(), history: [check()] };
    stubEligibility(() => ({ body }));
    renderWithQueryClient(<MedicaidEligibilitySection studentId="s1" />);

    const facts = await screen.findByLabelText('Latest Medicaid check');
    const pairs = Object.fromEntries(
      within(facts)
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(pairs).toMatchObject({ Coverage: 'Active', Plan: 'CHILDRENS MEDICAID' });
    expect(pairs.Period).toMatch(/2026 to .*2026/);
    expect(pairs.Checked).toMatch(/2026/);
    expect(within(section()).getByText('Medicaid id on file: MCD-1.')).toBeInTheDocument();
  });

  it('checks now and shows the new answer, a rejection with its reason', async () => {
    let body: MedicaidEligibility = { medicaidId: null, latest: null, history: [] };
    const rejected = check({
      coverage: 'unknown',
      planName: null,
      coverageStart: null,
      coverageEnd: null,
      rejection: '75 Subscriber/Insured Not Found (Please Correct and Resubmit)',
    });
    const fetchMock = stubEligibility(
      () => ({ body }),
      () => {
        body = { medicaidId: null, latest: rejected, history: [rejected] };
        return { status: 201, body: rejected };
      },
    );
    renderWithQueryClient(<MedicaidEligibilitySection studentId="s1" />);
    expect(await within(section()).findByText('Never checked.')).toBeInTheDocument();
    expect(within(section()).getByText(/searches by name and date of birth/)).toBeInTheDocument();

    await userEvent.click(within(section()).getByRole('button', { name: 'Check now' }));

    const facts = await screen.findByLabelText('Latest Medicaid check');
    expect(facts).toHaveTextContent('Unknown');
    expect(facts).toHaveTextContent('75 Subscriber/Insured Not Found (Please Correct and Resubmit)');
    expect(fetchMock.mock.calls.some(([url, init]) => String(url) === PATH && init?.method === 'POST')).toBe(
      true,
    );
  });

  it("shows the server's message when Medicaid cannot be reached", async () => {
    stubEligibility(
      () => ({ body: { medicaidId: null, latest: null, history: [] } }),
      () => boom(503, 'Service Unavailable', 'medicaid is unavailable (no answer in time)'),
    );
    renderWithQueryClient(<MedicaidEligibilitySection studentId="s1" />);
    await within(section()).findByText('Never checked.');

    await userEvent.click(within(section()).getByRole('button', { name: 'Check now' }));

    expect(await within(section()).findByRole('alert')).toHaveTextContent(
      'The eligibility check failed: medicaid is unavailable (no answer in time)',
    );
  });

  it('shows nothing to a role the server refuses', async () => {
    const fetchMock = stubEligibility(() => boom(403, 'Forbidden', 'Insufficient scope'));
    const { container } = renderWithQueryClient(<MedicaidEligibilitySection studentId="s1" />);

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await vi.waitFor(() => expect(container).toBeEmptyDOMElement());
  });
});
