/**
 * Drill 2 in its short form: PostgreSQL restarts under load; readiness goes 503 and back, the
 * process survives, no request hangs past the app's own bound, and failed requests are 503s.
 */
import { expect, it } from 'vitest';
import { postgresRestartDrill } from '../../drills/postgresRestart.js';

it('reports not ready while PostgreSQL restarts, recovers, and never hangs a request', async () => {
  const { passed, figures } = await postgresRestartDrill({ short: true });
  expect(figures).toMatchObject({ readyAtEnd: 1, requestsOverTimeout: 0, serverErrors: 0, appCrashed: 0 });
  expect(figures.readyWentDown).toBeGreaterThanOrEqual(1);
  expect(figures.readyCameBack).toBeGreaterThanOrEqual(1);
  expect(figures.requests).toBeGreaterThan(0);
  expect(passed).toBe(true);
}, 180_000);
