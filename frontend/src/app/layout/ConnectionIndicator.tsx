import type { ConnectionState } from '@/services/websocket/WebSocketService';
import { useWebSocket } from '@/services/websocket/useWebSocket';

// Text and a distinct symbol for every state: colour only adds emphasis.
const indicator: Record<ConnectionState, { text: string; icon: string; tone: string }> = {
  CONNECTED: { text: 'Live', icon: '●', tone: 'live' },
  CONNECTING: { text: 'Connecting…', icon: '◌', tone: 'pending' },
  RECONNECTING: { text: 'Reconnecting…', icon: '↻', tone: 'pending' },
  DISCONNECTED: { text: 'Offline', icon: '✕', tone: 'offline' },
  ERROR: { text: 'Offline', icon: '✕', tone: 'offline' },
};

export function connectionText(state: ConnectionState): string {
  return indicator[state].text;
}

/** Whether alerts arrive live; announced politely when it changes. */
export function ConnectionIndicator() {
  const { connectionState } = useWebSocket();
  const { text, icon, tone } = indicator[connectionState];
  return (
    <p className={`connection-indicator connection-${tone}`} role="status">
      <span aria-hidden="true">{icon}</span> {text}
    </p>
  );
}
