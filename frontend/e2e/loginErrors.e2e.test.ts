import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { signIn, waitForLoginPage } from './support/pageChecks';
import { screenshot } from './support/screenshots';

const baseUrl = inject('baseUrl');

describe('login errors', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the server's message for a wrong password and stays on /login", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    await page.goto(`${baseUrl}/login`);
    await waitForLoginPage(page);
    // Another account than the journey's, so its failure counter is untouched.
    await signIn(page, 'viewer@lincoln-usd.example', 'definitely-not-the-password');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Invalid email or password');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectAccessible(page, 'login with an error');
    await screenshot(page, 'login-error');
    await context.close();
  });
});
