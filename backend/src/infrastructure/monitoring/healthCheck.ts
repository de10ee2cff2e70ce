/**
 * The component registry behind /health and /health/ready. Each plugin registers the check
 * for what it owns; `critical` checks decide readiness, the others only degrade /health.
 */
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface ComponentHealth {
  status: HealthStatus;
  message: string;
  details?: Record<string, unknown>;
}

export interface HealthCheck {
  name: string;
  /** A critical component that is unhealthy makes the replica not ready. */
  critical: boolean;
  check(): Promise<ComponentHealth>;
}

export interface HealthReport {
  status: HealthStatus;
  components: Record<string, ComponentHealth>;
}

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: HealthCheck): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ComponentHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'unhealthy', message: `No answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([check.check(), timeout]);
  } catch (error) {
    return { status: 'unhealthy', message: error instanceof Error ? error.name : 'Check failed' };
  } finally {
    clearTimeout(timer);
  }
}

export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  /** The report being computed, per kind (critical only, or all). */
  private readonly inFlight = new Map<boolean, Promise<HealthReport>>();
  private draining = false;

  register(check: HealthCheck): void {
    if (this.checks.has(check.name)) throw new Error(`Health check "${check.name}" registered twice`);
    this.checks.set(check.name, check);
  }

  /** Called on onPreStop: from then on the replica answers not-ready. */
  startDraining(): void {
    this.draining = true;
  }

  isDraining(): boolean {
    return this.draining;
  }

  /**
   * Probes that arrive while a check is running share its answer instead of starting their
   * own: the answer is never older than one check, and a burst of probes (several kubelets,
   * a load balancer, a dashboard) costs Postgres and Redis one round trip each, not one per probe.
   */
  report(onlyCritical = false): Promise<HealthReport> {
    let pending = this.inFlight.get(onlyCritical);
    if (!pending) {
      pending = this.runChecks(onlyCritical).finally(() => this.inFlight.delete(onlyCritical));
      this.inFlight.set(onlyCritical, pending);
    }
    return pending;
  }

  private async runChecks(onlyCritical: boolean): Promise<HealthReport> {
    const checks = [...this.checks.values()].filter((c) => !onlyCritical || c.critical);
    const results = await Promise.all(checks.map(async (c) => [c, await runCheck(c)] as const));
    const components: Record<string, ComponentHealth> = {};
    let status: HealthStatus = 'healthy';
    for (const [check, result] of results) {
      components[check.name] = result;
      if (result.status === 'healthy') continue;
      if (check.critical && result.status === 'unhealthy') status = 'unhealthy';
      else if (status === 'healthy') status = 'degraded';
    }
    return { status, components };
  }
}
