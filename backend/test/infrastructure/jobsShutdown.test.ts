/** server.stop() lets an active job finish (within JOBS_SHUTDOWN_TIMEOUT_MS) before it resolves. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import { sleep, waitFor } from '../helpers/jobs.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';

let t: ListeningTestServer;
let stopped = false;

beforeAll(async () => {
  t = await startListeningServer({ JOBS_SHUTDOWN_TIMEOUT_MS: '10000' });
});
afterAll(async () => {
  if (!stopped) await t?.stop();
});

it('finishes the active job before stop resolves', async () => {
  const effects: string[] = [];
  const queues = getQueueManager(t.server);
  queues.registerProcessor(JOB_TYPES.IMMUNIZATION_ALERT, async (data) => {
    effects.push(`started ${data.daysAhead}`);
    await sleep(1_000);
    effects.push(`finished ${data.daysAhead}`);
  });
  await queues.addJob(JOB_TYPES.IMMUNIZATION_ALERT, { daysAhead: 14 });
  await waitFor(() => effects.includes('started 14'));

  stopped = true;
  await t.stop();
  expect(effects).toEqual(['started 14', 'finished 14']);
});
