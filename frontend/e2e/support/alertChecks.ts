import type { Page } from 'playwright-core';
import type { ApiSession } from './apiClient';

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
