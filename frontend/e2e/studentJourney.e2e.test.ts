import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { acknowledgeAwaitingAlerts } from './support/alertChecks';
import { collectPageErrors, signIn, waitForLoginPage, waitForPath } from './support/pageChecks';

const baseUrl = inject('baseUrl');
const demoPassword = inject('demoPassword');

async function expectNoStudentData(page: Page, names: string[]): Promise<void> {
  await waitForLoginPage(page);
  expect(await page.getByRole('table').count()).toBe(0);
  const text = await page.locator('body').innerText();
  for (const name of names) expect(text).not.toContain(name);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
}

describe('a nurse finds a student and signs out', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('searches the list, logs out, and Back or a direct visit shows only the login page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);

    await page.goto(`${baseUrl}/`);
    await waitForLoginPage(page);
    await signIn(page, 'nurse.garcia@lincoln-usd.example', demoPassword);

    await waitForPath(page, '/dashboard');
    await acknowledgeAwaitingAlerts(page, baseUrl, 'nurse.garcia@lincoln-usd.example', demoPassword);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Students', exact: true })
      .click();
    await waitForPath(page, '/students');
    await page.getByRole('heading', { name: 'Students' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const shownNames = await page.locator('tbody th').allInnerTexts();
    expect(shownNames.length).toBeGreaterThan(0);

    await page.getByRole('searchbox', { name: 'Search students' }).fill('Martinez');
    // Ava Martinez may already be on the first page: wait for the filtered list instead.
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('tbody th')].map((cell) => cell.textContent ?? '');
      return names.length > 0 && names.every((name) => name.includes('Martinez'));
    });
    // The roster sync journey may have added a second Ava Martinez: either will do.
    await page
      .getByRole('row', { name: /Ava Martinez/ })
      .first()
      .waitFor();
    const namesAfterSearch = await page.locator('tbody th').allInnerTexts();

    await page.getByRole('button', { name: 'Log out' }).click();
    const allNames = [...new Set([...shownNames, ...namesAfterSearch, 'Ava Martinez'])];
    await expectNoStudentData(page, allNames);

    await page.goBack();
    await expectNoStudentData(page, allNames);

    await page.goto(`${baseUrl}/students`);
    await expectNoStudentData(page, allNames);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
