import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { ImmunizationStatusSummary } from './ImmunizationStatusSummary';

const STATUS = 'GET /api/v1/students/s1/immunization-status';

describe('ImmunizationStatusSummary', () => {
  it('shows the overall status and what each series is missing', async () => {
    stubFetch({
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
    stubFetch({ [STATUS]: () => boom(404, 'Not Found', 'Not Found') });
    const { unmount } = renderWithQueryClient(<ImmunizationStatusSummary studentId="s1" />);
    expect(await screen.findByText('Immunization status is not available.')).toBeInTheDocument();
    unmount();

    stubFetch({ [STATUS]: () => boom(400, 'Bad Request', '"asOf" must be a valid date') });
    renderWithQueryClient(<ImmunizationStatusSummary studentId="s1" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('"asOf" must be a valid date');
  });
});
