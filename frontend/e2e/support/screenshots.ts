import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Test artifacts, gitignored: frontend/e2e-artifacts/screenshots/<name>.png. */
export const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'e2e-artifacts',
  'screenshots',
);

/** A file name anyone can type: lower case, letters, digits and dashes. */
function fileName(name: string): string {
  const safe = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${safe || 'screen'}.png`;
}

/** Saves a full-page PNG of what the page shows now and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, fileName(name));
  // No blinking caret or half-finished transition in the picture.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}
