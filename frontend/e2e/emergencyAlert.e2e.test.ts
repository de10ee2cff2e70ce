import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acknowledgeAlerts, countAlertsAwaiting } from './support/alertChecks';
import { apiLogin } from './support/apiClient';
import { launchBrowser } from './support/browser';
import { collectPageErrors, signIn, waitForLoginPage, waitForPath } from './support/pageChecks';

const baseUrl = inject('baseUrl');
const demoPassword = inject('demoPassword');
const NURSE_A = 'nurse.garcia@lincoln-usd.example';
const NURSE_B = 'nurse.chen@lincoln-usd.example';

interface Nurse {
  context: BrowserContext;
  page: Page;
  errors: Error[];
  name: string;
}

async function signedInNurse(browser: Browser, email: string): Promise<Nurse> {
  // What will cover the screen on arrival: the seed's open alerts this nurse has not seen.
  const api = await apiLogin(baseUrl, email, demoPassword);
  const awaiting = await countAlertsAwaiting(api);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}/`);
  await waitForLoginPage(page);
  await signIn(page, email, demoPassword);
  await waitForPath(page, '/dashboard');
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await acknowledgeAlerts(page, awaiting);
  return { context, page, errors, name: api.user.name };
}

describe('an emergency alert reaches every nurse at once', () => {
  let browser: Browser;
  const description = `Hives and wheezing after lunch ${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('nurse A raises it, nurse B is interrupted and acknowledges, A sees who acknowledged', async () => {
    const a = await signedInNurse(browser, NURSE_A);
    const b = await signedInNurse(browser, NURSE_B);

    await a.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Alerts', exact: true })
      .click();
    await waitForPath(a.page, '/alerts');
    await a.page.getByRole('button', { name: 'Raise an alert' }).click();
    const form = a.page.getByRole('dialog', { name: 'Raise an emergency alert' });
    await form.getByLabel('Type', { exact: true }).selectOption('ALLERGIC_REACTION');
    await form.getByLabel('Severity', { exact: true }).selectOption('CRITICAL');
    await form.getByLabel('Location').fill('Cafeteria');
    await form.getByLabel('What is happening').fill(description);
    await form.getByRole('button', { name: 'Send alert' }).click();
    await a.page.getByRole('status').filter({ hasText: 'Alert sent' }).waitFor();
    const raised = a.page.getByRole('article').filter({ hasText: description });
    expect(await raised.innerText()).toContain('Acknowledged by: no one yet');
    // Nobody's own alert covers their screen.
    expect(await a.page.getByRole('alertdialog').count()).toBe(0);

    // B was on the dashboard: the alert covers it without a reload.
    const modal = b.page.getByRole('alertdialog', { name: 'EMERGENCY: Allergic reaction' });
    await modal.waitFor();
    const shown = await modal.innerText();
    expect(shown).toContain('Cafeteria');
    expect(shown).toContain('Severity: Critical');
    expect(shown).toContain(description);
    expect(shown).toContain(a.name);
    expect(new URL(b.page.url()).pathname).toBe('/dashboard');
    await modal.getByRole('button', { name: 'Acknowledge' }).click();
    await modal.waitFor({ state: 'detached' });

    await raised.getByText(`Acknowledged by: ${b.name} (`).waitFor();

    for (const nurse of [a, b]) {
      await nurse.page.getByRole('button', { name: 'Log out' }).click();
      await waitForLoginPage(nurse.page);
      expect(await nurse.page.locator('body').innerText()).not.toContain(description);
      expect(nurse.errors).toEqual([]);
      await nurse.context.close();
    }
  });
});
