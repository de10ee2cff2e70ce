import { describe, expect, it } from 'vitest';
import { HealthRegistry } from '../../src/infrastructure/monitoring/healthCheck.js';

describe('HealthRegistry', () => {
  it('shares one check between probes that arrive while it runs, and checks afresh after', async () => {
    const registry = new HealthRegistry();
    let runs = 0;
    registry.register({
      name: 'database',
      critical: true,
      async check() {
        runs += 1;
        await new Promise((r) => setTimeout(r, 20));
        return { status: 'healthy', message: 'ok' };
      },
    });
    const burst = await Promise.all([registry.report(true), registry.report(true), registry.report(true)]);
    expect(runs).toBe(1);
    expect(burst.map((r) => r.status)).toEqual(['healthy', 'healthy', 'healthy']);
    await registry.report(true);
    expect(runs).toBe(2);
  });
});
