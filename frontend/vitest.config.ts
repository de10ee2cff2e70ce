import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Component and unit tests: happy-dom, no server. Browser journeys live in e2e/ and run
// through vitest.e2e.config.ts against the real backend.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}'],
      exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
      setupFiles: ['./src/testing/setupTests.ts'],
      unstubGlobals: true,
      restoreMocks: true,
    },
  }),
);
