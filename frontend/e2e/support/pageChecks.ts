import type { Page } from 'playwright-core';

/**
 * Waits until the page shows path `pathname`, asking the page itself: SPA redirects are
 * same-document history changes, which are easier to observe there than as navigations.
 */
export async function waitForPath(page: Page, pathname: string): Promise<void> {
  try {
    await page.waitForFunction((expected) => window.location.pathname === expected, pathname);
  } catch (error) {
    const body = await page
      .locator('body')
      .innerText()
      .catch(() => '(unreadable)');
    throw new Error(`Expected ${pathname}, still at ${page.url()}. The page shows:\n${body}`, {
      cause: error,
    });
  }
}

/** Waits for the SPA's login page: the path and the form's heading. */
export async function waitForLoginPage(page: Page): Promise<void> {
  await waitForPath(page, '/login');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Collects uncaught page errors, so a journey also fails on a crash it did not look for. */
export function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}
