import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { endSession } from '@/services/session/sessionStore';
import { fakeSockets, testSocketClient } from './socketClientMock';

// No component test talks to a real server: the app's live connection is a fake socket.
vi.mock('@/services/websocket/socketClient', async () => {
  const mock = await import('./socketClientMock');
  return { socketClient: mock.testSocketClient };
});

// Lazy routes load their chunk on first render: under a loaded machine that alone can take
// more than findBy's default second, so every wait gets five.
configure({ asyncUtilTimeout: 5_000 });

// Globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  endSession();
  testSocketClient.disconnect();
  fakeSockets.sockets.length = 0;
});
