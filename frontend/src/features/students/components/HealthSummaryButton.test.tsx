import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '@/services/session/sessionStore';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { student } from '@/testing/studentFixture';
import { StudentProfile } from './StudentProfile';

const SUMMARY = 'GET /api/v1/students/s1/health-summary.pdf';

/** Records what the browser was asked to save, without a real download. */
function watchSaves() {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:summary');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const saved: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return saved;
}

function stubProfile(summary: () => Promise<Response> | Response) {
  const fetchMock = stubFetch({ 'GET /api/v1/students/s1': () => ({ body: student }) });
  const jsonFetch = fetchMock.getMockImplementation();
  // The PDF is binary: answer it here, everything else through the JSON stub.
  fetchMock.mockImplementation(async (input, init = {}) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (`${init.method ?? 'GET'} ${path}` === SUMMARY) return summary();
    return jsonFetch!(input, init);
  });
  return fetchMock;
}

const pdf = () =>
  new Response('%PDF-1.7 summary', { status: 200, headers: { 'Content-Type': 'application/pdf' } });

describe('Health summary (PDF) on the student profile', () => {
  it('downloads the summary with the session token, named after the student, busy while it runs', async () => {
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const saved = watchSaves();
    let answer: (response: Response) => void = () => undefined;
    const fetchMock = stubProfile(() => new Promise<Response>((resolve) => (answer = resolve)));
    renderWithQueryClient(<StudentProfile studentId="s1" />);

    const button = await screen.findByRole('button', { name: 'Health summary (PDF)' });
    await userEvent.click(button);

    expect(button).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Preparing the PDF');
    answer(pdf());

    await vi.waitFor(() => expect(saved).toEqual(['health-summary-martinez.pdf']));
    await vi.waitFor(() => expect(button).toBeEnabled());
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/health-summary.pdf'));
    expect(String(call?.[0])).toBe('/api/v1/students/s1/health-summary.pdf');
    expect((call?.[1]?.headers as Record<string, string>).Authorization).toBe('Bearer token-1');
  });

  it("shows the server's message when the summary cannot be made, and saves nothing", async () => {
    const saved = watchSaves();
    stubProfile(() => {
      const { status, body } = boom(403, 'Forbidden', 'Insufficient scope');
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    });
    renderWithQueryClient(<StudentProfile studentId="s1" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Health summary (PDF)' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The health summary could not be downloaded: Insufficient scope',
    );
    expect(saved).toEqual([]);
    expect(screen.getByRole('button', { name: 'Health summary (PDF)' })).toBeEnabled();
  });

  it('is left out when the page says so', async () => {
    stubProfile(pdf);
    renderWithQueryClient(<StudentProfile studentId="s1" showHealthSummary={false} />);

    await screen.findByRole('heading', { level: 1, name: 'Ava Martinez' });
    expect(screen.queryByRole('button', { name: 'Health summary (PDF)' })).toBeNull();
  });
});
