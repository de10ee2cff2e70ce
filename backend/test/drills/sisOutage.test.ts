/**
 * The sis-outage drill in its short form: the SIS goes down after three pages of a sync; the
 * circuit opens, the job retries once the SIS is back and completes with the right counts.
 */
import { expect, it } from 'vitest';
import { sisOutageDrill } from '../../drills/sisOutage.js';

it('completes a roster sync that met a SIS outage, with every student once', async () => {
  const { passed, figures } = await sisOutageDrill({ short: true });

  expect(figures).toMatchObject({
    pagesBeforeOutage: 3,
    writtenBeforeOutage: 30,
    circuitOpened: 1,
    runStatus: 'succeeded',
    studentsSynced: figures.studentsExpected,
    duplicates: 0,
  });
  // The first attempt met the outage; a later one completed.
  expect(figures.attempts).toBeGreaterThan(1);
  expect(passed).toBe(true);
}, 120_000);
