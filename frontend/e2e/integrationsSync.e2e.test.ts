/**
 * An admin opens Integrations against the real server (whose outside systems are the local
 * simulators, as `npm start` runs them): every circuit is shown, and a roster sync started
 * from the page reports its progress and its counts, then shows as the last run.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import { acknowledgeAwaitingAlerts } from './support/alertChecks';
import { launchBrowser } from './support/browser';
import { collectPageErrors, signIn, waitForLoginPage, waitForPath } from './support/pageChecks';
import { screenshot } from './support/screenshots';

const baseUrl = inject('baseUrl');
const demoPassword = inject('demoPassword');
const ADMIN_EMAIL = 'admin@lincoln-usd.example';

describe('an admin watches a roster sync from the Integrations page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each circuit, starts a sync and reports what it changed', async () => {
    const page = await browser.newPage();
    const pageErrors = collectPageErrors(page);

    await page.goto(`${baseUrl}/`);
    await waitForLoginPage(page);
    await signIn(page, ADMIN_EMAIL, demoPassword);
    await waitForPath(page, '/dashboard');
    await acknowledgeAwaitingAlerts(page, baseUrl, ADMIN_EMAIL, demoPassword);

    await page.getByRole('link', { name: 'Integrations' }).click();
    await waitForPath(page, '/integrations');
    const table = page.getByRole('table', { name: 'Outside systems and their circuit state' });
    for (const name of [
      'Student information system',
      'State immunization registry',
      'Medicaid eligibility',
    ]) {
      await expect
        .poll(() => table.getByRole('row', { name: new RegExp(name) }).innerText())
        .toMatch(/Closed/);
    }

    const card = page.getByRole('region', { name: 'Roster sync' });
    // Full: a delta sync after another journey's sync rightly finds nothing to count.
    await card.getByLabel(/^Full sync/).check();
    await card.getByRole('button', { name: 'Sync now' }).click();
    const finished = card.getByText(
      /^Sync finished: \d+ created, \d+ updated, \d+ deactivated, \d+ unchanged\.$/,
    );
    await finished.waitFor({ timeout: 60_000 });
    expect(await finished.innerText()).toMatch(/[1-9]\d* created|[1-9]\d* updated|[1-9]\d* unchanged/);
    await expect.poll(() => card.getByLabel('Last sync').innerText()).toMatch(/Succeeded/);
    await expectAccessible(page, 'integrations after a sync');
    await screenshot(page, 'admin-integrations-synced');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
