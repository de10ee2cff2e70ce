import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { endSession } from '@/services/session/sessionStore';

// Globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  endSession();
});
