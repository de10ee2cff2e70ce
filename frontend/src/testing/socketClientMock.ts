import { WebSocketService } from '@/services/websocket/WebSocketService';
import { createFakeSocketFactory } from './fakeSocket';

/**
 * Replaces services/websocket/socketClient in every component test (see setupTests.ts):
 * the app connects as it does in the browser, but to a fake socket that tests drive.
 */
export const fakeSockets = createFakeSocketFactory();
export const testSocketClient = new WebSocketService(fakeSockets.factory);
