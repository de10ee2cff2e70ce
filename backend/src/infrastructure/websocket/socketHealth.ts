/** The `websocket` health component: sockets on this replica and the adapter's Redis link. */
import type { HealthCheck } from '../monitoring/healthCheck.js';
import type { AdapterRedis } from './adapterRedis.js';

export function websocketHealthCheck(
  connectedSockets: () => number,
  adapter: () => AdapterRedis | null,
): HealthCheck {
  return {
    name: 'websocket',
    // Sockets degrade to this replica only when the adapter is down; REST still serves.
    critical: false,
    async check() {
      const redis = adapter();
      const adapterState = redis ? (redis.isReady() ? 'connected' : 'reconnecting') : 'not started';
      const details = { connectedSockets: connectedSockets(), adapter: adapterState };
      if (adapterState === 'connected') {
        return { status: 'healthy', message: 'Socket.io is serving', details };
      }
      return { status: 'degraded', message: 'Socket.io adapter is not connected to Redis', details };
    },
  };
}
