import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Component and unit tests: happy-dom, no server. Browser journeys live in e2e/ and run
// through vitest.e2e.config.ts against the real backend.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      // The default (one worker per spare core) is a single worker on 2 cores; two overlap
      // one file's DOM set-up with another's tests (82 s -> 64 s here).
      maxWorkers: 2,
      include: ['src/**/*.test.{ts,tsx}'],
      exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
      setupFiles: ['./src/testing/setupTests.ts'],
      unstubGlobals: true,
      restoreMocks: true,
    },
  }),
);
