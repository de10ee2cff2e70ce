import type { Page } from 'playwright-core';
import { apiLogin, type ApiSession } from './apiClient';

interface OpenAlert {
  raisedBy: { userId: string };
  acknowledgements: Array<{ userId: string }>;
}

/** How many open alerts will cover this user's screen (the SPA skips their own and acknowledged ones). */
export async function countAlertsAwaiting(api: ApiSession): Promise<number> {
  const { data } = await api.get<{ data: OpenAlert[] }>('/api/v1/alerts?status=open');
  return data.filter(
    (alert) =>
      alert.raisedBy.userId !== api.user.id &&
      !alert.acknowledgements.some((acknowledgement) => acknowledgement.userId === api.user.id),
  ).length;
}

/** Acknowledges `count` emergency modals one after the other, then expects none. */
export async function acknowledgeAlerts(page: Page, count: number): Promise<void> {
  const dialog = page.getByRole('alertdialog');
  for (let i = 0; i < count; i += 1) {
    await dialog.waitFor();
    const shown = await dialog.evaluate((element) => element.textContent);
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    // The next waiting alert replaces this one in the same dialog, or the dialog goes.
    await page.waitForFunction(
      (previous) => document.querySelector('[role="alertdialog"]')?.textContent !== previous,
      shown,
    );
  }
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Signed in, a nurse first sees every open alert she has not acknowledged (the demo seed
 * leaves one, and other journeys raise more): journeys about something else clear them first,
 * so the order the files run in never matters.
 */
export async function acknowledgeAwaitingAlerts(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
) {
  const awaiting = await countAlertsAwaiting(await apiLogin(baseUrl, email, password));
  await acknowledgeAlerts(page, awaiting);
}
