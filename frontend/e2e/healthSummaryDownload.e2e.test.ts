import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiLogin } from './support/apiClient';
import { acknowledgeAwaitingAlerts } from './support/alertChecks';
import { launchBrowser } from './support/browser';
import { collectPageErrors, signIn, waitForLoginPage, waitForPath } from './support/pageChecks';
import { uniqueName } from './support/testData';

const baseUrl = inject('baseUrl');
const demoPassword = inject('demoPassword');
const NURSE_EMAIL = 'nurse.garcia@lincoln-usd.example';

describe('a nurse downloads a health summary from a student profile', () => {
  let browser: Browser;
  const lastName = uniqueName('Summary');
  let studentId: string;

  beforeAll(async () => {
    const api = await apiLogin(baseUrl, NURSE_EMAIL, demoPassword);
    ({ id: studentId } = await api.post<{ id: string }>('/api/v1/students', {
      firstName: 'Rowan',
      lastName,
      dateOfBirth: '2013-09-14',
      grade: '6',
    }));
    // Something for the summary to say beyond the name.
    await api.post(`/api/v1/students/${studentId}/allergies`, {
      allergen: 'Bee stings',
      allergyType: 'INSECT',
      severity: 'SEVERE',
      reactions: ['swelling'],
      epiPenRequired: true,
      epiPenLocation: "Nurse's office",
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves a real PDF named after the student, fetched with the session (no token in a URL)', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const requestedUrls: string[] = [];
    page.on('request', (request) => requestedUrls.push(request.url()));

    await page.goto(`${baseUrl}/`);
    await waitForLoginPage(page);
    await signIn(page, NURSE_EMAIL, demoPassword);
    await waitForPath(page, '/dashboard');
    await acknowledgeAwaitingAlerts(page, baseUrl, NURSE_EMAIL, demoPassword);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Students', exact: true })
      .click();
    await waitForPath(page, '/students');

    await page.getByRole('searchbox', { name: 'Search students' }).fill(lastName);
    await page.getByRole('link', { name: `Rowan ${lastName}` }).click();
    await waitForPath(page, `/students/${studentId}`);
    await page.getByRole('heading', { level: 1, name: `Rowan ${lastName}` }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Health summary (PDF)' }).click(),
    ]);

    expect(await download.failure()).toBeNull();
    expect(download.suggestedFilename()).toBe(`health-summary-${lastName.toLowerCase()}.pdf`);
    const file = await readFile(await download.path());
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.length).toBeGreaterThan(1024);

    const summaryRequests = requestedUrls.filter((url) => url.includes('/health-summary.pdf'));
    expect(summaryRequests).toEqual([`${baseUrl}/api/v1/students/${studentId}/health-summary.pdf`]);
    expect(await page.getByText('could not be downloaded').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
