/**
 * The local stand-ins for the outside systems: a OneRoster SIS, an immunization registry (CDC
 * SOAP + HL7) and a Medicaid eligibility endpoint (X12 270/271), each a real HTTP server with
 * fault injection. Tests start them on port 0 (`startSimulators()`); `npm start` starts the
 * ones whose URL is unset (`startSimulatorsIfNeeded`), so a bare machine needs no network.
 */
import { withResolvedIntegrations, type AppConfig, type IntegrationEndpoints } from '../../config/env.js';
import { MedicaidSimulator } from './MedicaidSimulator.js';
import { OneRosterSimulator } from './OneRosterSimulator.js';
import { RegistrySimulator } from './RegistrySimulator.js';

export { MedicaidSimulator } from './MedicaidSimulator.js';
export { OneRosterSimulator } from './OneRosterSimulator.js';
export { RegistrySimulator } from './RegistrySimulator.js';
export type { FaultSettings } from './faults.js';
export type { RecordedRequest } from './SimulatorServer.js';

/** What the simulators accept when config names no credentials (development only). */
export const SIMULATOR_CREDENTIALS = Object.freeze({
  sis: { clientId: 'white-cross-dev', clientSecret: 'simulator-client-secret' },
  stateRegistry: { username: 'white-cross-dev', password: 'simulator-password' },
  medicaid: { apiKey: 'simulator-api-key' },
});

export interface SimulatorCredentials {
  sis: { clientId: string; clientSecret: string };
  stateRegistry: { username: string; password: string };
  medicaid: { apiKey: string };
}

export interface StartSimulatorsOptions {
  /** 0 = any free ports; otherwise OneRoster on it, the registry on +1, Medicaid on +2. */
  port?: number;
  host?: string;
  credentials?: Partial<SimulatorCredentials>;
}

export interface RunningSimulators {
  oneRoster: OneRosterSimulator;
  registry: RegistrySimulator;
  medicaid: MedicaidSimulator;
  /** What SIS_API_URL, STATE_REGISTRY_URL and MEDICAID_API_URL would name. */
  urls: { sis: string; stateRegistry: string; medicaid: string };
  credentials: SimulatorCredentials;
  stop(): Promise<void>;
}

const portFor = (base: number, offset: number) => (base === 0 ? 0 : base + offset);

export async function startSimulators(options: StartSimulatorsOptions = {}): Promise<RunningSimulators> {
  const { port = 0, host = '127.0.0.1' } = options;
  const credentials: SimulatorCredentials = { ...SIMULATOR_CREDENTIALS, ...options.credentials };
  const oneRoster = new OneRosterSimulator(credentials.sis);
  const registry = new RegistrySimulator(credentials.stateRegistry);
  const medicaid = new MedicaidSimulator(credentials.medicaid);
  const stop = async () => {
    await Promise.all([oneRoster.close(), registry.close(), medicaid.close()]);
  };
  try {
    const urls = {
      sis: await oneRoster.listen(portFor(port, 0), host),
      stateRegistry: await registry.listen(portFor(port, 1), host),
      medicaid: await medicaid.listen(portFor(port, 2), host),
    };
    return { oneRoster, registry, medicaid, urls, credentials, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface ResolvedIntegrations {
  /** config with the simulators' URLs (and credentials, where unset) filled in. */
  config: AppConfig;
  /** Which APIs are simulated here. */
  simulated: Array<keyof IntegrationEndpoints>;
  stop(): Promise<void>;
}

type StartupLog = { info(message: string): void };

/**
 * With SIMULATORS=auto (the default outside production) and some API's URL unset, starts the
 * simulators (all three: they are light) and points each unset URL at its simulator; real URLs
 * are left alone. Call it after the services are resolved and before createServer; `stop()`
 * after the server has stopped.
 */
export async function startSimulatorsIfNeeded(
  config: AppConfig,
  log: StartupLog,
): Promise<ResolvedIntegrations> {
  const { simulators, sis, stateRegistry, medicaid } = config.integrations;
  const missing = (['sis', 'stateRegistry', 'medicaid'] as const).filter(
    (api) => !config.integrations[api].url,
  );
  if (simulators.mode === 'off' || missing.length === 0) {
    return { config, simulated: [], stop: () => Promise.resolve() };
  }
  const running = await startSimulators({
    port: simulators.port,
    credentials: {
      sis: {
        clientId: sis.clientId ?? SIMULATOR_CREDENTIALS.sis.clientId,
        clientSecret: sis.clientSecret ?? SIMULATOR_CREDENTIALS.sis.clientSecret,
      },
      stateRegistry: {
        username: stateRegistry.username ?? SIMULATOR_CREDENTIALS.stateRegistry.username,
        password: stateRegistry.password ?? SIMULATOR_CREDENTIALS.stateRegistry.password,
      },
      medicaid: { apiKey: medicaid.apiKey ?? SIMULATOR_CREDENTIALS.medicaid.apiKey },
    },
  });
  const { urls, credentials } = running;
  const endpoints: IntegrationEndpoints = {
    sis: sis.url ? sis : { ...sis, url: urls.sis, ...credentials.sis },
    stateRegistry: stateRegistry.url
      ? stateRegistry
      : { ...stateRegistry, url: urls.stateRegistry, ...credentials.stateRegistry },
    medicaid: medicaid.url ? medicaid : { ...medicaid, url: urls.medicaid, ...credentials.medicaid },
  };
  for (const api of missing) log.info(`Simulated ${api}: ${urls[api]} (set its URL to use a real one)`);
  return { config: withResolvedIntegrations(config, endpoints), simulated: missing, stop: running.stop };
}
