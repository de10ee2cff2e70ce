import { defineConfig } from 'vitest/config';
import LongFilesFirst from './test/helpers/longFilesFirst.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/globalSetup.ts'],
    // Each file gets its own database and Redis prefix, so files run in parallel safely.
    pool: 'forks',
    // Files spend most of their time waiting on PostgreSQL, Redis and child processes, so more
    // files than cores run at once (the default, one per spare core, is one file at a time here).
    maxWorkers: 4,
    // Each file builds its own server, database and Redis prefix and nothing is process-global,
    // so a worker may keep the modules it has loaded between files: loading the server graph
    // once per worker instead of once per file saves minutes.
    isolate: false,
    sequence: { sequencer: LongFilesFirst },
    testTimeout: 30_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
