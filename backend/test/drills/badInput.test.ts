/**
 * The bad-input drill in its short form: a sample of hostile requests on every route of the
 * real process, covering each family (path, query, body fields, whole bodies). No answer may
 * be a 5xx or hang, the process stays up and ready, and no table loses rows.
 */
import { expect, it } from 'vitest';
import { badInputDrill } from '../../drills/badInput.js';

it('answers hostile input on every route without a 5xx, a hang or a changed table', async () => {
  const { passed, figures } = await badInputDrill({ short: true });

  expect(figures).toMatchObject({
    responses5xx: 0,
    hung: 0,
    connectionErrors: 0,
    alive: 1,
    ready: 1,
    tablesAltered: 0,
  });
  expect(figures.routes).toBeGreaterThan(50);
  expect(figures.requests).toBeGreaterThanOrEqual(Number(figures.routes) * 4);
  expect(figures.responses4xx).toBeGreaterThan(0);
  expect(passed).toBe(true);
}, 120_000);
