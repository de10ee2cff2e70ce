import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { socketClient } from '@/services/websocket/socketClient';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import type { ImmunizationRecord, RegistryStatus } from '../types';
import { ImmunizationRegistryPanel } from './ImmunizationRegistryPanel';

const RECORDS = 'GET /api/v1/students/s1/immunizations';
const SUBMIT = 'POST /api/v1/immunizations/registry/submit';
const HISTORY = 'GET /api/v1/students/s1/immunizations/registry-history';
const IMPORT = 'POST /api/v1/students/s1/immunizations/import';

function record(id: string, vaccineName: string, registry: RegistryStatus | null): ImmunizationRecord {
  return {
    id,
    cvxCode: '03',
    vaccineName,
    administeredOn: '2024-03-15',
    doseNumber: null,
    source: 'ADMINISTERED',
    registry,
  };
}

const answered = (
  status: string,
  ackCode: string | null,
  errorText: string | null = null,
): RegistryStatus => ({
  status,
  ackCode,
  errorText,
  submittedAt: '2026-03-02T10:00:00Z',
});

const rowOf = (vaccine: string) => screen.getByRole('row', { name: new RegExp(vaccine) });

function liveSocket() {
  socketClient.connect('token-1');
  const socket = fakeSockets.latest();
  act(() => socket.serverConnect());
  return socket;
}

describe('ImmunizationRegistryPanel', () => {
  it("shows each record's registry status in words, with the registry's error text", async () => {
    stubFetch({
      [RECORDS]: () => ({
        body: [
          record('i1', 'MMR', answered('ACCEPTED', 'AA')),
          record('i2', 'DTaP', answered('ERROR', 'AE', 'Lot number Y7812K is not on file for MSD')),
          record('i3', 'IPV', answered('REJECTED', 'AR', 'Patient has opted out of the registry')),
          record('i4', 'Varicella', {
            status: 'PENDING',
            ackCode: null,
            submittedAt: '2026-03-02T10:00:00Z',
          }),
          record('i5', 'Tdap', null),
        ],
      }),
    });
    renderWithQueryClient(<ImmunizationRegistryPanel studentId="s1" canManage={false} />);

    expect(await screen.findByRole('heading', { name: 'State immunization registry' })).toBeInTheDocument();
    await screen.findByRole('row', { name: /MMR/ });
    expect(within(rowOf('MMR')).getByText('Accepted')).toBeInTheDocument();
    const dtap = rowOf('DTaP');
    expect(within(dtap).getByText('Error')).toBeInTheDocument();
    // The text is in the row itself (and so in its accessible name), announced as the registry's words.
    expect(dtap).toHaveTextContent('The registry said: Lot number Y7812K is not on file for MSD');
    expect(within(rowOf('IPV')).getByText('Rejected')).toBeInTheDocument();
    expect(rowOf('IPV')).toHaveTextContent('Patient has opted out of the registry');
    expect(within(rowOf('Varicella')).getByText('Pending')).toBeInTheDocument();
    expect(within(rowOf('Tdap')).getByText('Not sent')).toBeInTheDocument();
    // A role without registry rights sees the statuses, not the actions.
    expect(screen.queryByRole('button', { name: 'Send to state registry' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registry history' })).not.toBeInTheDocument();
  });

  it('sends the student’s records and tells how the registry answered, from the job’s events', async () => {
    let recordReads = 0;
    const fetchMock = stubFetch({
      [RECORDS]: () => {
        recordReads += 1;
        return { body: [record('i1', 'MMR', recordReads === 1 ? null : answered('ERROR', 'AE', 'Bad lot'))] };
      },
      [SUBMIT]: () => ({ status: 202, body: { jobId: 'j1' } }),
    });
    const socket = liveSocket();
    renderWithQueryClient(<ImmunizationRegistryPanel studentId="s1" canManage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Send to state registry' }));
    const submit = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(submit?.[1]?.body))).toEqual({ studentId: 's1' });
    expect(await screen.findByText('Sending to the state registry…')).toBeInTheDocument();

    act(() => socket.serverEmit('job:progress', { jobId: 'j1', type: 'data-export', progress: 50 }));
    expect(await screen.findByText('Sending to the state registry… 50%')).toBeInTheDocument();
    // Another tab's export is not ours.
    act(() => socket.serverEmit('job:completed', { jobId: 'j0', type: 'data-export', result: {} }));
    expect(screen.getByText('Sending to the state registry… 50%')).toBeInTheDocument();

    act(() =>
      socket.serverEmit('job:completed', {
        jobId: 'j1',
        type: 'data-export',
        result: { considered: 1, sent: 1, accepted: 0, errors: 1, rejected: 0, notSent: 0, skipped: 0 },
      }),
    );
    expect(
      await screen.findByText('Sent to the state registry: 0 accepted, 1 with errors.'),
    ).toBeInTheDocument();
    expect(await within(rowOf('MMR')).findByText('Bad lot')).toBeInTheDocument();
  });

  it('says why a send was refused, and when the job failed', async () => {
    stubFetch({
      [RECORDS]: () => ({ body: [record('i1', 'MMR', null)] }),
      [SUBMIT]: () => boom(503, 'Service Unavailable', 'The state immunization registry is not configured'),
    });
    renderWithQueryClient(<ImmunizationRegistryPanel studentId="s1" canManage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Send to state registry' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not send: The state immunization registry is not configured',
    );
  });

  it('lists the registry’s history and imports a dose not on file', async () => {
    let imported: unknown;
    stubFetch({
      [RECORDS]: () => ({ body: [record('i1', 'MMR', answered('ACCEPTED', 'AA'))] }),
      [HISTORY]: () => ({
        body: {
          status: 'OK',
          unreadable: 1,
          records: [
            {
              cvxCode: '03',
              vaccineName: 'MMR',
              administeredOn: '2024-03-15',
              lotNumber: 'Y7812K',
              mvxCode: 'MSD',
              historical: false,
              onFile: true,
              importable: false,
            },
            {
              cvxCode: '21',
              vaccineName: 'Varicella',
              administeredOn: '2017-03-20',
              lotNumber: null,
              mvxCode: null,
              historical: true,
              onFile: false,
              importable: true,
            },
          ],
        },
      }),
      [IMPORT]: (_url, init) => {
        imported = JSON.parse(String(init.body));
        return { status: 201, body: { imported: [{ id: 'i2' }], alreadyOnFile: 0 } };
      },
    });
    renderWithQueryClient(<ImmunizationRegistryPanel studentId="s1" canManage />);

    const toggle = await screen.findByRole('button', { name: 'Registry history' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = await screen.findByRole('table', { name: 'Doses the state registry holds' });
    expect(within(table).getByRole('row', { name: /MMR/ })).toHaveTextContent('Already on file');
    expect(screen.getByText('1 more dose could not be read.')).toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: /^Import Varicella given/ }));
    expect(imported).toEqual({
      records: [{ cvxCode: '21', administeredOn: '2017-03-20', lotNumber: null, mvxCode: null }],
    });
    expect(await screen.findByText(/^Imported Varicella given/)).toBeInTheDocument();
  });

  it('says so when the registry does not know the student, and shows a failed query', async () => {
    stubFetch({
      [RECORDS]: () => ({ body: [] }),
      [HISTORY]: () => ({ body: { status: 'NF', records: [], unreadable: 0 } }),
    });
    const { unmount } = renderWithQueryClient(<ImmunizationRegistryPanel studentId="s1" canManage />);
    expect(await screen.findByText('No immunizations to send.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send to state registry' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Registry history' }));
    expect(await screen.findByText('The state registry has no record of this student.')).toBeInTheDocument();
    unmount();

    stubFetch({
      [RECORDS]: () => ({ body: [] }),
      [HISTORY]: () => boom(502, 'Bad Gateway', 'The state registry could not answer the query: busy'),
    });
    renderWithQueryClient(<ImmunizationRegistryPanel studentId="s1" canManage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Registry history' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The registry history could not be read: The state registry could not answer the query: busy',
    );
  });
});
