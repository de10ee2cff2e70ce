import { defineConfig } from 'vitest/config';

// Browser journeys against the real server: globalSetup builds the SPA when stale, creates a
// throwaway database, starts the backend on a free port and tears all of it down afterwards.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['./e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server and one browser at a time keep the journeys independent of machine load.
    fileParallelism: false,
  },
});
