/**
 * Entry point: load config, find or start Postgres and Redis, build the server, start it,
 * seed a fresh development database, and make SIGTERM/SIGINT the one graceful way out.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { ConfigError, loadConfig, type AppConfig } from './config/env.js';
import { startSimulatorsIfNeeded } from './integrations/simulators/index.js';
import { formatLogins, seedIfFresh } from './seed/demoDistrict.js';
import { createServer } from './server.js';
import { resolveServices } from './startup/resolveServices.js';
import { StartupError } from './startup/StartupError.js';

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`White Cross cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = pino({ level: config.logLevel, base: { service: 'white-cross' } });
  const startupLog = { info: (m: string) => log.info(m), warn: (m: string) => log.warn(m) };

  let services: Awaited<ReturnType<typeof resolveServices>>;
  try {
    services = await resolveServices(config, startupLog);
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`White Cross cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  // Outside systems left unconfigured outside production talk to local simulators.
  const simulators = await startSimulatorsIfNeeded(services.config, startupLog).catch(
    async (error: Error) => {
      process.stderr.write(`White Cross cannot start the integration simulators.\n${error.message}\n`);
      await services.stop();
      process.exit(1);
    },
  );
  const server = await createServer(simulators.config);
  // Connect, migrate and seed before listening, so the first ready answer means ready.
  const startup = (async () => {
    await server.initialize();
    if (config.appRole !== 'worker') {
      const password = config.demoPassword ?? randomBytes(12).toString('base64url');
      const seeded = await seedIfFresh(server, password);
      if (seeded) process.stdout.write(formatLogins(seeded, password, publicUrl(config)));
    }
    await server.start();
  })();

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string, exitCode: number) => {
    stopping ??= (async () => {
      log.info({ reason }, 'shutting down');
      // A hung dependency must not keep a terminating pod alive past its grace period. Stopping
      // keeps serving for the drain delay, waits for active jobs (onPreStop), then drains
      // connections: the bound covers all three.
      const { shutdownDrainDelayMs, shutdownTimeoutMs } = config;
      const hardStopMs = shutdownDrainDelayMs + config.jobs.shutdownTimeoutMs + shutdownTimeoutMs + 5_000;
      setTimeout(() => process.exit(exitCode || 1), hardStopMs).unref();
      // Readiness answers 503 from now on, while the listener still serves: a load balancer (or
      // the endpoints controller) that has not noticed yet still gets answers, not refusals.
      server.app.health.startDraining();
      // A signal during start-up waits for it: stopping half-way would leave a half-seeded database.
      await startup.catch(() => undefined);
      if (shutdownDrainDelayMs > 0) await sleep(shutdownDrainDelayMs);
      await server
        .stop({ timeout: shutdownTimeoutMs })
        .catch((e: Error) => log.error({ err: e.name }, 'stop failed'));
      await simulators.stop();
      await services.stop();
      log.info('stopped');
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('unhandledRejection', (error) => {
    log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'unhandled rejection');
    void shutdown('unhandledRejection', 1);
  });

  try {
    await startup;
  } catch (error) {
    log.error({ err: error instanceof Error ? error.message : String(error) }, 'start-up failed');
    await server.stop().catch(() => undefined);
    await simulators.stop();
    await services.stop();
    process.exit(1);
  }
  log.info(`White Cross ${config.version} (${config.appRole}) listening on ${publicUrl(config)}`);
}

function publicUrl(config: AppConfig): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}

await main();
