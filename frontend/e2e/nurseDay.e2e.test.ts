/**
 * The nurse journey, end to end in one browser session against the real server: due
 * doses on the dashboard (one refused by the five rights, then recorded), a student's health
 * summary, an incident, an alert a second nurse's browser receives and acknowledges, log out.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acknowledgeAwaitingAlerts } from './support/alertChecks';
import { apiLogin } from './support/apiClient';
import { launchBrowser } from './support/browser';
import { collectPageErrors, signIn, waitForLoginPage, waitForPath } from './support/pageChecks';
import { screenshot } from './support/screenshots';
import { daysAgo, uniqueName } from './support/testData';

const baseUrl = inject('baseUrl');
const demoPassword = inject('demoPassword');
const NURSE_A = 'nurse.garcia@lincoln-usd.example';
const NURSE_B = 'nurse.chen@lincoln-usd.example';
// The demo district's time zone (organizations default to it): doses are scheduled in it.
const DISTRICT_TIME_ZONE = 'America/New_York';

/** HH:MM now in the district: a dose scheduled then is due now (the window is ±60 minutes). */
function districtTimeNow(): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: DISTRICT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
}

async function signInAt(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await waitForLoginPage(page);
  await signIn(page, email, demoPassword);
  await waitForPath(page, '/dashboard');
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await acknowledgeAwaitingAlerts(page, baseUrl, email, demoPassword);
  return { context, page };
}

describe("a nurse's day", () => {
  let browser: Browser;
  const lastName = uniqueName('Day');
  const studentName = `Robin ${lastName}`;
  const incidentLocation = uniqueName('Playground ');
  const alertDescription = `Fell from the climbing frame ${randomBytes(3).toString('hex')}`;
  let studentId: string;

  beforeAll(async () => {
    const api = await apiLogin(baseUrl, NURSE_A, demoPassword);
    ({ id: studentId } = await api.post<{ id: string }>('/api/v1/students', {
      firstName: 'Robin',
      lastName,
      dateOfBirth: '2014-02-03',
      grade: '5',
    }));
    await api.post(`/api/v1/students/${studentId}/allergies`, {
      allergen: 'Penicillin',
      allergyType: 'DRUG',
      severity: 'SEVERE',
      reactions: ['rash'],
      epiPenRequired: false,
    });
    await api.post(`/api/v1/students/${studentId}/medications`, {
      medication: { name: 'Cetirizine', form: 'TABLET', strength: '10 mg' },
      dose: '10 mg',
      route: 'ORAL',
      scheduleTimes: [districtTimeNow()],
      startDate: daysAgo(3),
      prescriber: 'Dr. Okafor',
      parentConsentOnFile: true,
      dosesOnHand: 20,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records a due dose from the dashboard, downloads a summary, records an incident and raises an alert', async () => {
    const a = await signInAt(browser, NURSE_A);
    const b = await signInAt(browser, NURSE_B);
    const errors = [...collectPageErrors(a.page), ...collectPageErrors(b.page)];
    const { page } = a;

    // The dashboard lists the dose due now; the wrong dose is refused by the five rights.
    const due = page.getByRole('table', { name: 'Doses due now and overdue' });
    const row = due.getByRole('row', { name: new RegExp(studentName) });
    await row.waitFor();
    await screenshot(page, 'journey-nurse-dashboard');
    await row.getByRole('button', { name: /^Record/ }).click();
    const doseForm = page.getByRole('dialog', { name: /Record dose/ });
    await doseForm.getByLabel('Dose', { exact: true }).fill('20 mg');
    await doseForm.getByLabel(/I confirm the five rights/).check();
    await doseForm.getByRole('button', { name: 'Save dose' }).click();
    const refusal = doseForm.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Right dose');

    await doseForm.getByLabel('Dose', { exact: true }).fill('10 mg');
    await doseForm.getByRole('button', { name: 'Save dose' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Dose recorded for ${studentName}` })
      .waitFor();
    await row.waitFor({ state: 'detached' });

    // The student's profile: health summary PDF, then an incident.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Students', exact: true })
      .click();
    await waitForPath(page, '/students');
    await page.getByRole('searchbox', { name: 'Search students' }).fill(lastName);
    await page.getByRole('link', { name: studentName }).click();
    await waitForPath(page, `/students/${studentId}`);
    await page.getByRole('heading', { level: 1, name: studentName }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Health summary (PDF)' }).click(),
    ]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const incidents = page.getByRole('region', { name: 'Incidents' });
    await incidents.getByRole('button', { name: 'Record incident' }).click();
    const incidentForm = page.getByRole('dialog', { name: /Record an incident/ });
    await incidentForm.getByLabel('Type', { exact: true }).selectOption('INJURY');
    await incidentForm.getByLabel('Severity', { exact: true }).selectOption('MEDIUM');
    await incidentForm.getByLabel('Location').fill(incidentLocation);
    await incidentForm.getByLabel('What happened').fill('Scraped knee');
    await incidentForm.getByLabel('Actions taken').fill('Cleaned and bandaged');
    await incidentForm.getByRole('button', { name: 'Save incident' }).click();
    await incidents.getByRole('row', { name: new RegExp(incidentLocation) }).waitFor();

    // An alert from A covers B's screen until B acknowledges; A sees who did.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Alerts', exact: true })
      .click();
    await waitForPath(page, '/alerts');
    await page.getByRole('button', { name: 'Raise an alert' }).click();
    const alertForm = page.getByRole('dialog', { name: 'Raise an emergency alert' });
    await alertForm.getByLabel('Type', { exact: true }).selectOption('INJURY');
    await alertForm.getByLabel('Severity', { exact: true }).selectOption('HIGH');
    await alertForm.getByLabel('Location').fill(incidentLocation);
    await alertForm.getByLabel('What is happening').fill(alertDescription);
    await alertForm.getByRole('button', { name: 'Send alert' }).click();
    const raised = page.getByRole('article').filter({ hasText: alertDescription });
    await raised.waitFor();

    const modal = b.page.getByRole('alertdialog');
    await modal.filter({ hasText: alertDescription }).waitFor();
    await screenshot(b.page, 'journey-second-nurse-alert');
    await modal.getByRole('button', { name: 'Acknowledge' }).click();
    await modal.waitFor({ state: 'detached' });
    await raised.getByText(/Acknowledged by: Kevin Chen/).waitFor();

    for (const nurse of [a, b]) {
      await nurse.page.getByRole('button', { name: 'Log out' }).click();
      await waitForLoginPage(nurse.page);
      const text = await nurse.page.locator('body').innerText();
      expect(text).not.toContain(lastName);
      expect(text).not.toContain(alertDescription);
      await nurse.context.close();
    }
    expect(errors).toEqual([]);
  });
});
