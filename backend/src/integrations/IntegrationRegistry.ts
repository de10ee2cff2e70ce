/**
 * The server's outbound clients by name: what the admin route lists, what /health reports,
 * and what onPostStop closes. One per server (tests run several servers in one process).
 */
import type { BaseApiClient, IntegrationStatus } from './clients/BaseApiClient.js';

export class IntegrationRegistry {
  private readonly clients = new Map<string, BaseApiClient>();

  /** Adds a client and hands it back, so `const sis = registry.add(new SisApiClient(...))` reads well. */
  add<T extends BaseApiClient>(client: T): T {
    if (this.clients.has(client.name)) throw new Error(`Integration client "${client.name}" added twice`);
    this.clients.set(client.name, client);
    return client;
  }

  get(name: string): BaseApiClient | undefined {
    return this.clients.get(name);
  }

  statuses(): IntegrationStatus[] {
    return [...this.clients.values()].map((client) => client.getCircuitStatus());
  }

  async closeAll(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
  }
}
