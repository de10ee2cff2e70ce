import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

// node_modules may be hoisted to the workspace root, so ask Node where axe-core lives.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the issue asks for: WCAG 2.1 A and AA, plus axe's best practices. */
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

function describeViolation(violation: Result): string {
  const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 5);
  const more =
    violation.nodes.length > targets.length ? ` (+${violation.nodes.length - targets.length} more)` : '';
  return (
    `  [${violation.impact}] ${violation.id}: ${violation.help} — ${violation.nodes.length} element(s)\n` +
    targets.map((target) => `      ${target}`).join('\n') +
    more
  );
}

/** Runs axe-core in the page as it is now and returns the violations of every impact. */
export async function axeViolations(page: Page): Promise<Result[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    RULE_TAGS,
  );
  return results.violations;
}

/**
 * Fails when axe-core finds a serious or critical violation on `screenName` as it is shown now,
 * listing each one (rule, help text, the elements' selectors and how many). Minor and moderate
 * findings are returned, for a summary, without failing.
 */
export async function expectAccessible(page: Page, screenName: string): Promise<Result[]> {
  const violations = await axeViolations(page);
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(
      `axe-core: ${blocking.length} serious or critical violation(s) on "${screenName}" (${page.url()}):\n` +
        blocking.map(describeViolation).join('\n'),
    );
  }
  return violations;
}

/** One line per finding, for a summary of what did not fail the check. */
export function summarizeViolations(screenName: string, violations: Result[]): string[] {
  return violations.map(
    (violation) => `${screenName}: [${violation.impact}] ${violation.id} (${violation.nodes.length})`,
  );
}
