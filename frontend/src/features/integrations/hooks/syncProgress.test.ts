import { describe, expect, it } from 'vitest';
import type { SisRun } from '../types';
import { describeSync, readCounts, readProgress, type TrackedSync } from './syncProgress';

const tracked = (overrides: Partial<TrackedSync> = {}): TrackedSync => ({
  jobId: 'job-1',
  runIdsBefore: ['old'],
  progress: null,
  outcome: null,
  ...overrides,
});

const run = (id: string, overrides: Partial<SisRun> = {}): SisRun => ({
  id,
  status: 'running',
  mode: 'delta',
  startedAt: '2026-03-02T02:00:00.000Z',
  finishedAt: null,
  created: 1,
  updated: 2,
  deactivated: 0,
  unchanged: 7,
  skipped: 0,
  error: null,
  ...overrides,
});

describe('describeSync', () => {
  it('is queued until an event or a new run says more; an earlier run is not this sync', () => {
    expect(describeSync(tracked(), [run('old', { status: 'succeeded' })])).toEqual({
      phase: 'queued',
      text: 'Sync queued, waiting for a worker…',
    });
  });

  it('reads progress from events first, then from the new run', () => {
    const progress = { page: 3, processed: 300 };
    expect(describeSync(tracked({ progress }), [run('new')]).text).toBe(
      'Syncing: page 3, 300 records processed…',
    );
    expect(describeSync(tracked(), [run('new'), run('old')]).text).toBe('Syncing: 10 records processed…');
  });

  it('ends with the counts or the reason, from an event or from the finished run', () => {
    const counts = { created: 1, updated: 0, deactivated: 0, unchanged: 9, skipped: 2 };
    expect(describeSync(tracked({ outcome: { phase: 'succeeded', counts } }), []).text).toBe(
      'Sync finished: 1 created, 0 updated, 0 deactivated, 9 unchanged, 2 skipped.',
    );
    expect(describeSync(tracked(), [run('new', { status: 'failed', error: 'sis is unavailable' })])).toEqual({
      phase: 'failed',
      text: 'Sync failed: sis is unavailable',
    });
  });
});

describe('reading job payloads', () => {
  it('ignores progress that is not the sync’s { page, processed }', () => {
    expect(readProgress(40)).toBeNull();
    expect(readProgress({ page: 'x', processed: 5 })).toEqual({ page: null, processed: 5 });
  });

  it('reads missing or odd counts as 0', () => {
    expect(readCounts({ created: 2, updated: -1 })).toEqual({
      created: 2,
      updated: 0,
      deactivated: 0,
      unchanged: 0,
      skipped: 0,
    });
    expect(readCounts(null).created).toBe(0);
  });
});
