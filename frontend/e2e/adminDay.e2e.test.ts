/**
 * The admin journey in one browser session against the real server: create a user,
 * read the audit log (which shows a nurse's actions), start a roster sync and see it finish,
 * queue a compliance report and download it once notified.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acknowledgeAwaitingAlerts } from './support/alertChecks';
import { apiLogin } from './support/apiClient';
import { launchBrowser } from './support/browser';
import { collectPageErrors, signIn, waitForLoginPage, waitForPath } from './support/pageChecks';
import { screenshot } from './support/screenshots';

const baseUrl = inject('baseUrl');
const demoPassword = inject('demoPassword');
const ADMIN_EMAIL = 'admin@lincoln-usd.example';
const NURSE_EMAIL = 'nurse.garcia@lincoln-usd.example';

describe("a district admin's day", () => {
  let browser: Browser;
  const suffix = randomBytes(4).toString('hex');
  const newNurse = { name: `Alex Rivera ${suffix}`, email: `alex.rivera.${suffix}@lincoln-usd.example` };
  let nurseStudentId: string;

  beforeAll(async () => {
    // Something the nurse did today, for the audit log to show: she added a student.
    const nurse = await apiLogin(baseUrl, NURSE_EMAIL, demoPassword);
    ({ id: nurseStudentId } = await nurse.post<{ id: string }>('/api/v1/students', {
      firstName: 'Audit',
      lastName: `Trail${suffix.replace(/\d/g, 'x')}`,
      dateOfBirth: '2015-06-07',
      grade: '3',
    }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a user, reads the audit log, syncs the roster and downloads a queued report', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const nav = page.getByRole('navigation', { name: 'Main' });

    await page.goto(`${baseUrl}/`);
    await waitForLoginPage(page);
    await signIn(page, ADMIN_EMAIL, demoPassword);
    await waitForPath(page, '/dashboard');
    await acknowledgeAwaitingAlerts(page, baseUrl, ADMIN_EMAIL, demoPassword);

    // A new nurse account.
    await nav.getByRole('link', { name: 'Users', exact: true }).click();
    await waitForPath(page, '/users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const userForm = page.getByRole('dialog', { name: 'Add a user' });
    await userForm.getByLabel('Name').fill(newNurse.name);
    await userForm.getByLabel('Email').fill(newNurse.email);
    await userForm.getByLabel('Role').selectOption('NURSE');
    await userForm.getByLabel('First password').fill(`Journey-${suffix}-password`);
    await userForm.getByRole('button', { name: 'Add user' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${newNurse.name} was added as` })
      .waitFor();
    await page.getByRole('row', { name: new RegExp(newNurse.email) }).waitFor();
    await screenshot(page, 'journey-admin-users');

    // The audit log, narrowed to the nurse: her new student is there; the chain is intact.
    await nav.getByRole('link', { name: 'Audit log', exact: true }).click();
    await waitForPath(page, '/audit-log');
    const nurseOption = page.getByLabel('User').locator('option', { hasText: NURSE_EMAIL });
    await nurseOption.waitFor({ state: 'attached' });
    await page.getByLabel('User').selectOption({ value: (await nurseOption.getAttribute('value'))! });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // Until the filtered page arrives, the unfiltered one stays on screen marked busy (and it
    // holds the nurse's new student too): read the rows only once the table is settled.
    const entries = page
      .getByRole('table', { name: /Audit log entries/ })
      .and(page.locator('[aria-busy="false"]'));
    const created = entries.locator(`a[href="/students/${nurseStudentId}"]`).first();
    await created.waitFor();
    const rows = await entries.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain('Maria Garcia');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(/^Intact/).waitFor();
    await screenshot(page, 'journey-admin-audit-log');

    // A roster sync from the (simulated) SIS, followed to the end.
    await nav.getByRole('link', { name: 'Integrations', exact: true }).click();
    await waitForPath(page, '/integrations');
    const sync = page.getByRole('region', { name: 'Roster sync' });
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await sync
      .getByText(/^Sync finished: \d+ created, \d+ updated, \d+ deactivated, \d+ unchanged\.$/)
      .waitFor({ timeout: 60_000 });

    // A compliance report, queued; the notification says it is ready; then the download.
    await nav.getByRole('link', { name: 'Reports', exact: true }).click();
    await waitForPath(page, '/reports');
    await page.getByLabel('Report', { exact: true }).selectOption('immunization-compliance');
    await page.getByRole('button', { name: 'Queue and notify me' }).click();
    const queued = page.getByRole('region', { name: 'Queued this session' }).getByRole('listitem').first();
    await queued.getByText(/^Status: Ready/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^Notifications \([1-9]\d* unread\)$/ }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      queued.getByRole('button', { name: /^Download/ }).click(),
    ]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'journey-admin-report-ready');

    await page.getByRole('button', { name: 'Log out' }).click();
    await waitForLoginPage(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
