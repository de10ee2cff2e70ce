import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '@/services/session/sessionStore';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { incident } from '../testing/incidentFixture';
import type { Incident } from '../types';
import { IncidentDetailPage } from './IncidentDetailPage';

const REPORT = 'GET /api/v1/incidents/in1/report.pdf';

/** Records what the browser was asked to save, without a real download. */
function watchSaves() {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:incident');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const saved: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return saved;
}

function stubIncident(current: () => Incident, handlers: Parameters<typeof stubFetch>[0] = {}) {
  const fetchMock = stubFetch({ 'GET /api/v1/incidents/in1': () => ({ body: current() }), ...handlers });
  const json = fetchMock.getMockImplementation();
  // The PDF is binary: answer it here, everything else through the JSON stub.
  fetchMock.mockImplementation(async (input, init = {}) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (`${init.method ?? 'GET'} ${path}` !== REPORT) return json!(input, init);
    return new Response('%PDF-1.7 incident', { status: 200, headers: { 'Content-Type': 'application/pdf' } });
  });
  return fetchMock;
}

describe('IncidentDetailPage', () => {
  it('shows the report with severity in words and downloads its PDF with the session token', async () => {
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const saved = watchSaves();
    const fetchMock = stubIncident(() => incident());
    renderWithQueryClient(<IncidentDetailPage incidentId="in1" canEdit />);

    const heading = await screen.findByRole('heading', { level: 1, name: /^Injury on / });
    expect(heading).toBeInTheDocument();
    expect(screen.getByText('High')).toHaveClass('badge', 'severity-high');
    expect(screen.getByText('Fell from the climbing frame')).toBeInTheDocument();
    expect(screen.getByText('Ms. Lee')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Amara Okafor' })).toHaveAttribute('href', '/students/s1');

    await userEvent.click(screen.getByRole('button', { name: 'Incident report (PDF)' }));

    await vi.waitFor(() => expect(saved).toEqual(['incident-report-2026-03-02.pdf']));
    const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/report.pdf'));
    expect((call?.[1]?.headers as Record<string, string>).Authorization).toBe('Bearer token-1');
    expect(screen.getByText('The PDF is in your downloads.')).toBeInTheDocument();
  });

  it("shows the server's message when the PDF is refused", async () => {
    watchSaves();
    const fetchMock = stubIncident(() => incident());
    const json = fetchMock.getMockImplementation();
    fetchMock.mockImplementation(async (input, init = {}) =>
      String(input).endsWith('/report.pdf')
        ? new Response(
            JSON.stringify({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope' }),
            {
              status: 403,
              headers: { 'Content-Type': 'application/json' },
            },
          )
        : json!(input, init),
    );
    renderWithQueryClient(<IncidentDetailPage incidentId="in1" canEdit />);

    await userEvent.click(await screen.findByRole('button', { name: 'Incident report (PDF)' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The report could not be downloaded: Insufficient scope',
    );
  });

  it("shows the server's message for an incident it does not know", async () => {
    stubFetch({ 'GET /api/v1/incidents/in1': () => boom(404, 'Not Found', 'Incident not found') });
    renderWithQueryClient(<IncidentDetailPage incidentId="in1" canEdit />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Incident not found');
    expect(screen.getByRole('heading', { level: 1, name: 'Incident' })).toBeInTheDocument();
  });

  it('sends only the follow-up fields that changed, and shows the saved report', async () => {
    let current = incident();
    const fetchMock = stubIncident(() => current, {
      'PATCH /api/v1/incidents/in1': (_url, init) => {
        current = { ...current, ...(JSON.parse(String(init.body)) as Partial<Incident>) };
        return { body: current };
      },
    });
    renderWithQueryClient(<IncidentDetailPage incidentId="in1" canEdit />);

    await userEvent.click(await screen.findByRole('button', { name: 'Update follow-up' }));
    const dialog = screen.getByRole('dialog', { name: 'Update the follow-up' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save follow-up' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('Nothing has changed yet.');

    await userEvent.type(within(dialog).getByLabelText('Follow-up notes'), 'Seen again at 2pm; fine.');
    await userEvent.click(within(dialog).getByLabelText('Follow-up required'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save follow-up' }));

    expect(await screen.findByText('Follow-up saved.')).toBeInTheDocument();
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({
      followUpRequired: false,
      followUpNotes: 'Seen again at 2pm; fine.',
    });
    expect(screen.getByText('Seen again at 2pm; fine.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Update follow-up' })).toHaveFocus();
  });

  it("keeps the form open with the server's message when a follow-up is refused", async () => {
    stubIncident(() => incident(), {
      'PATCH /api/v1/incidents/in1': () =>
        boom(422, 'Unprocessable Entity', 'Parents cannot be notified before the incident occurred'),
    });
    renderWithQueryClient(<IncidentDetailPage incidentId="in1" canEdit />);

    await userEvent.click(await screen.findByRole('button', { name: 'Update follow-up' }));
    await userEvent.type(screen.getByLabelText('Notified by (optional)'), ' (school office)');
    await userEvent.click(screen.getByRole('button', { name: 'Save follow-up' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Parents cannot be notified before the incident occurred',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('offers neither the PDF nor the follow-up to someone who cannot have them', async () => {
    stubIncident(() => incident());
    renderWithQueryClient(<IncidentDetailPage incidentId="in1" canEdit={false} />);

    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
