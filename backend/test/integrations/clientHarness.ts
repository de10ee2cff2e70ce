/**
 * The setup of the outbound-client tests: the three simulators on port 0, a Redis connection
 * under a key prefix of this file's own, and clients built against them with small, fast
 * settings. Faults and recorded requests are cleared after each test; afterAll closes the
 * clients, stops the simulators and deletes every key under the prefix.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  BaseApiClient,
  type ApiRequest,
  type BaseApiClientOptions,
} from '../../src/integrations/clients/BaseApiClient.js';
import { startSimulators, type RunningSimulators } from '../../src/integrations/simulators/index.js';
import { TEST_REDIS_URL, uniqueName } from '../helpers/services.js';
import { removeRedisPrefix } from '../helpers/testServer.js';

export const STUDENTS_PATH = '/ims/oneroster/v1p1/students';

/** A OneRoster client: fetches a client-credentials token once, through the same pipeline. */
export class TestRosterClient extends BaseApiClient {
  private token: Promise<string> | undefined;

  constructor(
    options: BaseApiClientOptions,
    private readonly credentials: { clientId: string; clientSecret: string },
  ) {
    super(options);
  }

  protected override async requestHeaders(request: ApiRequest): Promise<Record<string, string>> {
    if (request.url === '/oauth/token') return {};
    this.token ??= this.post<{ access_token: string }>(
      '/oauth/token',
      new URLSearchParams({ grant_type: 'client_credentials' }),
      {
        headers: {
          authorization: `Basic ${Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString('base64')}`,
        },
      },
    ).then((t) => t.access_token);
    return { authorization: `Bearer ${await this.token}` };
  }
}

export interface Harness {
  sims: RunningSimulators;
  redis: Redis;
  logs: Array<{ tags: string[]; message: string }>;
  /** Options against `baseURL` with quick retries and no practical limits; override what a test needs. */
  options(baseURL: string, overrides?: Partial<BaseApiClientOptions>): BaseApiClientOptions;
  client(baseURL: string, overrides?: Partial<BaseApiClientOptions>): BaseApiClient;
  rosterClient(overrides?: Partial<BaseApiClientOptions>): TestRosterClient;
}

export function clientHarness(): Harness {
  const prefix = `${uniqueName('wc:test:integrations')}:`;
  const clients: BaseApiClient[] = [];
  const h = { logs: [] } as unknown as Harness;

  h.options = (baseURL, overrides = {}) => ({
    name: uniqueName('api'),
    baseURL,
    timeoutMs: 2_000,
    retries: 3,
    retryDelayMs: 10,
    circuit: { failureThreshold: 5, resetTimeoutMs: 30_000 },
    rateLimit: { maxPerSecond: 1_000, maxWaitMs: 5_000 },
    redis: h.redis,
    log: (tags, message) => h.logs.push({ tags, message }),
    ...overrides,
  });
  h.client = (baseURL, overrides) => {
    const client = new BaseApiClient(h.options(baseURL, overrides));
    clients.push(client);
    return client;
  };
  h.rosterClient = (overrides) => {
    const origin = new URL(h.sims.oneRoster.baseUrl).origin;
    const client = new TestRosterClient(h.options(origin, overrides), h.sims.credentials.sis);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    h.sims = await startSimulators();
    h.redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
  });
  afterEach(() => {
    for (const sim of [h.sims.oneRoster, h.sims.registry, h.sims.medicaid]) {
      sim.server.faults.reset();
      sim.server.clearRequests();
    }
    h.logs.length = 0;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await h.sims?.stop();
    await h.redis?.quit();
    await removeRedisPrefix(prefix);
  });
  return h;
}

/** A minimal but well-formed X12 270 asking about one subscriber. */
export function inquiry270(subscriber: {
  memberId?: string;
  familyName: string;
  givenName: string;
  birthDate: string;
}) {
  const isa =
    'ISA*00*          *00*          *ZZ*WHITECROSS     *ZZ*SKMCD0001      *251001*1200*^*00501*000000101*0*P*:';
  return (
    [
      isa,
      'GS*HS*WHITECROSS*SKMCD0001*20251001*1200*101*X*005010X279A1',
      'ST*270*0001*005010X279A1',
      'BHT*0022*13*REF-4711*20251001*1200',
      'HL*1**20*1',
      'NM1*PR*2*STATE MEDICAID*****PI*SKMCD0001',
      'HL*2*1*21*1',
      'NM1*1P*2*MAPLE VALLEY USD*****XX*1234567893',
      'HL*3*2*22*0',
      'TRN*1*TRACE-0001*9WHITECROS',
      `NM1*IL*1*${subscriber.familyName}*${subscriber.givenName}****MI*${subscriber.memberId ?? ''}`,
      `DMG*D8*${subscriber.birthDate}`,
      'DTP*291*D8*20251001',
      'EQ*30',
      'SE*13*0001',
      'GE*1*101',
      'IEA*1*000000101',
    ].join('~\n') + '~\n'
  );
}
