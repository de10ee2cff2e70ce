import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { ImmunizationStatusSummary } from './ImmunizationStatusSummary';

const STATUS = 'GET /api/v1/students/s1/immunization-status';
const RECORDS = 'GET /api/v1/students/s1/immunizations';
const noRecords = () => ({ body: [] });

describe('ImmunizationStatusSummary', () => {
  it('shows the overall status and what each series is missing', async () => {
    stubFetch({
      [RECORDS]: noRecords,
      [STATUS]: () => ({
        body: {
          status: 'OVERDUE',
          series: [
            { series: 'MMR', status: 'COMPLIANT', validDoses: 2, requiredDoses: 2, missing: 0, dueOn: null },
            {
              series: 'DTaP',
              status: 'OVERDUE',
              validDoses: 3,
              requiredDoses: 5,
              missing: 2,
              dueOn: '2026-08-01',
            },
          ],
        },
      }),
    });
    renderWithQueryClient(<ImmunizationStatusSummary studentId="s1" />);

    expect(await screen.findByText('Overall status:')).toHaveTextContent('Overall status: Overdue');
    const dtap = screen.getByRole('row', { name: /DTaP/ });
    expect(within(dtap).getByText('Overdue')).toBeInTheDocument();
    expect(within(dtap).getByText('3 of 5')).toBeInTheDocument();
    expect(within(dtap).getByText('2 doses')).toBeInTheDocument();
    expect(within(dtap).getByRole('time')).toHaveAttribute('datetime', '2026-08-01');
    expect(within(screen.getByRole('row', { name: /MMR/ })).getByText('Compliant')).toBeInTheDocument();
  });

  it('says the status is unavailable on a 404 and shows other errors', async () => {
    stubFetch({ [RECORDS]: noRecords, [STATUS]: () => boom(404, 'Not Found', 'Not Found') });
    const { unmount } = renderWithQueryClient(<ImmunizationStatusSummary studentId="s1" />);
    expect(await screen.findByText('Immunization status is not available.')).toBeInTheDocument();
    unmount();

    stubFetch({
      [RECORDS]: noRecords,
      [STATUS]: () => boom(400, 'Bad Request', '"asOf" must be a valid date'),
    });
    renderWithQueryClient(<ImmunizationStatusSummary studentId="s1" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('"asOf" must be a valid date');
  });

  it('shows the state registry under the status, with its actions only for clinical staff', async () => {
    stubFetch({
      [STATUS]: () => ({ body: { status: 'COMPLIANT', series: [] } }),
      [RECORDS]: () => ({
        body: [
          {
            id: 'i1',
            cvxCode: '03',
            vaccineName: 'MMR',
            administeredOn: '2024-03-15',
            doseNumber: 1,
            source: 'ADMINISTERED',
            registry: null,
          },
        ],
      }),
    });
    const { unmount } = renderWithQueryClient(<ImmunizationStatusSummary studentId="s1" />);
    const registry = await screen.findByRole('region', { name: 'State immunization registry' });
    expect(await within(registry).findByRole('row', { name: /MMR/ })).toHaveTextContent('Not sent');
    expect(within(registry).queryByRole('button')).not.toBeInTheDocument();
    unmount();

    renderWithQueryClient(<ImmunizationStatusSummary studentId="s1" canManageRegistry />);
    expect(await screen.findByRole('button', { name: 'Send to state registry' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Registry history' })).toBeInTheDocument();
  });

  it('is where a link to the profile’s #immunizations lands: scrolled to and focused', async () => {
    stubFetch({ [RECORDS]: noRecords, [STATUS]: () => ({ body: { status: 'COMPLIANT', series: [] } }) });
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    try {
      renderWithQueryClient(
        <ImmunizationStatusSummary studentId="s1" />,
        undefined,
        '/students/s1#immunizations',
      );
      const target = screen.getByRole('group', { name: 'Immunization status and state registry' });
      expect(target).toHaveAttribute('id', 'immunizations');
      expect(target).toHaveFocus();
      // Again once its content has loaded, so the block still starts at the top of the view.
      await vi.waitFor(() => expect(scrolled).toHaveBeenCalledTimes(2));
      expect(target).toHaveFocus();
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('takes no focus without the hash', () => {
    stubFetch({ [RECORDS]: noRecords, [STATUS]: () => ({ body: { status: 'COMPLIANT', series: [] } }) });
    renderWithQueryClient(<ImmunizationStatusSummary studentId="s1" />, undefined, '/students/s1');
    expect(screen.getByRole('group', { name: 'Immunization status and state registry' })).not.toHaveFocus();
  });
});
