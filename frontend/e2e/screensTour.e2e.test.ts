/**
 * A tour of every screen as a nurse, an admin and a viewer: each screen in the main navigation
 * (read from the page, so screens added later are covered without touching this file), a student
 * profile, the notifications menu, the raise-alert form and the emergency alert modal. On each,
 * axe-core must find no serious or critical violation, the page must have exactly one h1 and
 * every table a name and scoped headers. A full-page screenshot of each goes to
 * e2e-artifacts/screenshots/<role>-<screen>.png, for people to look at.
 * Every screen is checked even when an earlier one fails; the test then lists all the failures.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, type TestContext } from 'vitest';
import { expectAccessible, summarizeViolations } from './support/accessibility';
import { acknowledgeAwaitingAlerts } from './support/alertChecks';
import { apiLogin } from './support/apiClient';
import { launchBrowser } from './support/browser';
import { screenshot } from './support/screenshots';
import { collectPageErrors, signIn, waitForLoginPage, waitForPath } from './support/pageChecks';

const baseUrl = inject('baseUrl');
const demoPassword = inject('demoPassword');
const NURSE_EMAIL = 'nurse.garcia@lincoln-usd.example';
const OTHER_NURSE_EMAIL = 'nurse.chen@lincoln-usd.example';
const ADMIN_EMAIL = 'admin@lincoln-usd.example';
const VIEWER_EMAIL = 'viewer@lincoln-usd.example';
// A screen that has not settled by then is a finding of its own; the tour stays short.
const SCREEN_TIMEOUT = 10_000;

/** What the tour found: failures fail the test at the end; notes (minor findings) are attached to it. */
interface Findings {
  failures: string[];
  notes: string[];
}

function newFindings(): Findings {
  return { failures: [], notes: [] };
}

/**
 * Marks the h1 of the page being left. A route change renders in a transition: until a lazily
 * loaded screen is ready, React keeps showing the previous one, h1 and all, at the new URL.
 */
async function leavingPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const heading of document.querySelectorAll('h1')) heading.setAttribute('data-tour-left', '');
  });
}

/** Waits for the new page's h1 and for every "Loading…" status and busy region to go. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1:not([data-tour-left])').first().waitFor({ timeout: SCREEN_TIMEOUT });
  await page.waitForFunction(
    () => {
      const statuses = [...document.querySelectorAll('[role="status"]')];
      const loading = statuses.some((status) => /loading/i.test(status.textContent ?? ''));
      return !loading && document.querySelector('[aria-busy="true"]') === null;
    },
    undefined,
    { timeout: SCREEN_TIMEOUT },
  );
}

/** The rule for tables, which axe-core does not check: a name, and scoped headers. */
function tableProblems(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')].flatMap((table, index) => {
      const named =
        (table.caption?.textContent ?? '').trim() !== '' ||
        table.hasAttribute('aria-label') ||
        table.hasAttribute('aria-labelledby');
      const unscoped = [...table.querySelectorAll('th')].filter((th) => !th.hasAttribute('scope'));
      const which = `table ${index + 1} (${(table.querySelector('th')?.textContent ?? '').trim()}…)`;
      return [
        ...(named ? [] : [`${which} has no <caption>, aria-label or aria-labelledby`]),
        ...(unscoped.length ? [`${which} has ${unscoped.length} <th> without scope`] : []),
      ];
    }),
  );
}

/** Settles, checks headings and axe-core, and takes the screenshot (also when a check failed). */
async function checkScreen(page: Page, name: string, findings: Findings): Promise<void> {
  try {
    await settle(page);
  } catch (error) {
    findings.failures.push(`${name}: did not settle (h1 shown, no "Loading…" left): ${String(error)}`);
  }
  const h1s = await page.locator('h1').allInnerTexts();
  if (h1s.length !== 1) {
    findings.failures.push(`${name}: expected exactly one h1, found ${h1s.length}: ${JSON.stringify(h1s)}`);
  }
  for (const problem of await tableProblems(page)) findings.failures.push(`${name}: ${problem}`);
  // Errors the screen shows (a server's refusal, say), noted for whoever reads the results.
  for (const message of await page.locator('[role="alert"]:not(.alert-banner)').allInnerTexts()) {
    findings.notes.push(`${name}: shows alert "${message.trim()}"`);
  }
  try {
    findings.notes.push(...summarizeViolations(name, await expectAccessible(page, name)));
  } catch (error) {
    findings.failures.push(error instanceof Error ? error.message : String(error));
  }
  await screenshot(page, name);
}

/** Describes the focused element the way a screen reader user would hear it, roughly. */
function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const label =
      element.getAttribute('aria-label') ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      '';
    return `${element.tagName.toLowerCase()}: ${label.trim()}`;
  });
}

async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await waitForLoginPage(page);
  await signIn(page, email, demoPassword);
  await page.locator('nav[aria-label="Main"]').waitFor();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await acknowledgeAwaitingAlerts(page, baseUrl, email, demoPassword);
}

/** Visits every link of the main navigation, as the page lists them for this user. */
async function tourNavigation(page: Page, role: string, findings: Findings): Promise<string[]> {
  const nav = page.locator('nav[aria-label="Main"]');
  const links = await nav.getByRole('link').evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      label: (anchor.textContent ?? '').trim(),
      pathname: new URL((anchor as HTMLAnchorElement).href).pathname,
    })),
  );
  for (const link of links) {
    if (new URL(page.url()).pathname !== link.pathname) await leavingPage(page);
    await nav.getByRole('link', { name: link.label, exact: true }).click();
    await waitForPath(page, link.pathname);
    await checkScreen(page, `${role}-${link.label}`, findings);
  }
  return links.map((link) => link.label);
}

async function openStudentsList(page: Page): Promise<void> {
  if (new URL(page.url()).pathname !== '/students') await leavingPage(page);
  await page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Students', exact: true }).click();
  await waitForPath(page, '/students');
  await settle(page);
}

/** A student with allergy or condition badges, so the profile shows its banner. */
async function openStudentWithAlerts(page: Page): Promise<void> {
  await openStudentsList(page);
  const row = page.locator('tbody tr').filter({ has: page.locator('.badge-list') });
  await leavingPage(page);
  await row.first().getByRole('link').click();
  await page.waitForFunction(() => /^\/students\/[^/]+$/.test(window.location.pathname));
}

/** What one role's tour saw. */
interface RoleTour {
  role: string;
  visited: string[];
  findings: Findings;
  pageErrors: Error[];
}

/** Signs in as `role` in a context of its own, runs `steps`, and closes the context whatever happens. */
async function tourAs(
  browser: Browser,
  role: string,
  email: string,
  steps: (page: Page, tour: RoleTour) => Promise<void>,
): Promise<RoleTour> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(SCREEN_TIMEOUT);
    const tour: RoleTour = {
      role,
      visited: [],
      findings: newFindings(),
      pageErrors: collectPageErrors(page),
    };
    await signInAs(page, email);
    tour.visited = await tourNavigation(page, role, tour.findings);
    await steps(page, tour);
    return tour;
  } finally {
    await context.close();
  }
}

/** Keyboard only: the skip link comes first, then the search field; Enter on a name opens it. */
async function keyboardOnStudentList(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/students`);
  await settle(page);
  await page.keyboard.press('Tab');
  expect(await focusedControl(page)).toBe('a: Skip to main content');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  await page.keyboard.press('Tab');
  expect(await focusedControl(page)).toBe('input: Search students');
  let onRowLink = false;
  for (let i = 0; i < 5 && !onRowLink; i += 1) {
    await page.keyboard.press('Tab');
    onRowLink = await page.evaluate(() => document.activeElement?.closest('tbody a') != null);
  }
  expect(onRowLink, 'Tab from the search field reaches the first student link').toBe(true);
  const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  await leavingPage(page);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The nurse's extra screens: a profile, notifications, the raise-alert form, an emergency. */
async function nurseScreens(page: Page, tour: RoleTour): Promise<void> {
  const { findings } = tour;
  await keyboardOnStudentList(page);
  await openStudentWithAlerts(page);
  await checkScreen(page, 'nurse-student-profile', findings);

  await page.getByRole('button', { name: /^Notifications/ }).click();
  await checkScreen(page, 'nurse-notifications-open', findings);
  await page.keyboard.press('Escape');

  await leavingPage(page);
  await page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Alerts', exact: true }).click();
  await waitForPath(page, '/alerts');
  await page.getByRole('button', { name: 'Raise an alert' }).click();
  const form = page.getByRole('dialog', { name: 'Raise an emergency alert' });
  await form.waitFor();
  await checkScreen(page, 'nurse-raise-alert-form', findings);
  await form.getByRole('button', { name: 'Send alert' }).click();
  await form.locator('[aria-invalid="true"]').first().waitFor();
  await checkScreen(page, 'nurse-raise-alert-form-errors', findings);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // The other nurse raises one: it covers this nurse's screen until she acknowledges it.
  const otherNurse = await apiLogin(baseUrl, OTHER_NURSE_EMAIL, demoPassword);
  const raised = await otherNurse.post<{ id: string }>('/api/v1/alerts', {
    type: 'SEIZURE',
    severity: 'HIGH',
    location: 'Room 12',
    description: `Screens tour ${randomBytes(3).toString('hex')}: seizure lasting two minutes`,
  });
  const modal = page.getByRole('alertdialog');
  await modal.waitFor();
  await checkScreen(page, 'nurse-emergency-alert', findings);
  await modal.getByRole('button', { name: 'Acknowledge' }).click();
  await modal.waitFor({ state: 'detached' });
  await otherNurse.post(`/api/v1/alerts/${raised.id}/resolve`, {});

  await page.goto(`${baseUrl}/no-such-screen`);
  await checkScreen(page, 'nurse-not-found', findings);

  // A tablet's width: the header and the tables must wrap or scroll, never overlap.
  await page.setViewportSize({ width: 768, height: 1024 });
  await openStudentsList(page);
  await checkScreen(page, 'nurse-students-tablet', findings);
}

/**
 * Attaches what each role visited and the minor findings to the test, then fails on the rest.
 * Takes the test's own `expect`: some tours run concurrently.
 */
async function report({ annotate, expect }: TestContext, tours: RoleTour[]): Promise<void> {
  for (const tour of tours) {
    if (tour.visited.length > 0) await annotate(`${tour.role}: ${tour.visited.join(', ')}`);
    for (const note of tour.findings.notes) await annotate(note, 'notice');
  }
  const failures = tours.flatMap((tour) => tour.findings.failures);
  expect(failures, failures.join('\n\n')).toEqual([]);
  expect(tours.flatMap((tour) => tour.pageErrors.map((error) => `${tour.role}: ${String(error)}`))).toEqual(
    [],
  );
}

describe('every screen, as a nurse, an admin and a viewer', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // First and alone: the alert the nurse's tour raises reaches every signed-in user of the
  // district, and its modal would cover the screens of tours running beside it.
  it('as a nurse: every screen, the keyboard on the list, a profile, notifications, raising and receiving an alert', async (context) => {
    await report(context, [await tourAs(browser, 'nurse', NURSE_EMAIL, nurseScreens)]);
  }, 120_000);

  // The others raise nothing, so they run together, each in a browser context of its own:
  // axe-core and the screenshots keep a core busy, and CI has two.
  it.concurrent(
    'the login page: accessible, and Tab reaches Email, Password, Sign in in order',
    async (context) => {
      const page = await browser.newPage();
      const findings = newFindings();
      await page.goto(`${baseUrl}/login`);
      await waitForLoginPage(page);
      await checkScreen(page, 'login', findings);

      const order: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        await page.keyboard.press('Tab');
        order.push(await focusedControl(page));
      }
      context.expect(order).toEqual(['input: Email', 'input: Password', 'button: Sign in']);
      await report(context, [{ role: 'login', visited: [], findings, pageErrors: [] }]);
      await page.close();
    },
  );

  for (const [role, email] of [
    ['admin', ADMIN_EMAIL],
    ['viewer', VIEWER_EMAIL],
  ] as const) {
    it.concurrent(
      `as ${role === 'admin' ? 'an admin' : 'a viewer'}: every screen and a student profile`,
      async (context) => {
        const tour = await tourAs(browser, role, email, async (page, { findings }) => {
          await openStudentWithAlerts(page);
          await checkScreen(page, `${role}-student-profile`, findings);
        });
        await report(context, [tour]);
      },
      120_000,
    );
  }
});
