/**
 * Drill 3 in its short form: one of two replicas behind the proxy gets SIGTERM under load;
 * no request fails, it exits 0, and its sockets move to the other replica missing no alert.
 */
import { expect, it } from 'vitest';
import { rollingRestartDrill } from '../../drills/rollingRestart.js';

it('restarts a replica under load with no failed request and no missed alert', async () => {
  const { passed, figures } = await rollingRestartDrill({ short: true });
  expect(figures).toMatchObject({ failedRequests: 0, alertsMissed: 0, exitCodeA: '0' });
  expect(figures.socketsConnected).toBe(figures.sockets);
  // Round robin put some sockets on the stopped replica: they had to move.
  expect(figures.socketsReconnected).toBeGreaterThan(0);
  expect(figures.alertsAccepted).toBeGreaterThan(0);
  expect(passed).toBe(true);
}, 180_000);
