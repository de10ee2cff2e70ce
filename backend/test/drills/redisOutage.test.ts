/** Drill 1 in its short form: Redis stops under load and comes back; nothing accepted is lost. */
import { expect, it } from 'vitest';
import { redisOutageDrill } from '../../drills/redisOutage.js';

it('loses no accepted job and no accepted alert while Redis is stopped and restarted', async () => {
  const { passed, figures } = await redisOutageDrill({ short: true });
  expect(figures).toMatchObject({ lostJobs: 0, lostAlerts: 0, appCrashed: 0 });
  // The load really ran: there were jobs and alerts to lose.
  expect(figures.jobsAccepted).toBeGreaterThan(0);
  expect(figures.alertsAccepted).toBeGreaterThan(0);
  expect(passed).toBe(true);
}, 180_000);
