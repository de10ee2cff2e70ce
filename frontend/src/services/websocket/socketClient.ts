import { WebSocketService } from './WebSocketService';

/**
 * The SPA's one live connection. The app layer connects it to the session (and signOut
 * closes it); hooks in useWebSocket.ts subscribe to it. Tests replace this module with a
 * service over a fake socket (see testing/setupTests.ts).
 */
export const socketClient = new WebSocketService();
