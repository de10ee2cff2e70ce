/** The usual setup of a test file: its own server and two tenants, started once per file. */
import type { Server } from '@hapi/hapi';
import { afterAll, beforeAll } from 'vitest';
import { createOrganization, type TestOrganization } from './fixtures.js';
import { startTestServer, type TestServer } from './testServer.js';

export interface TwoOrganizationSuite {
  t: TestServer;
  server: Server;
  orgA: TestOrganization;
  /** Another tenant, for the tests that must not see across organizations. */
  orgB: TestOrganization;
}

/** The file's server and organizations, filled in by beforeAll (so read them inside tests only). */
export function twoOrganizationSuite(env: Record<string, string> = {}): TwoOrganizationSuite {
  const suite = {} as TwoOrganizationSuite;
  beforeAll(async () => {
    suite.t = await startTestServer(env);
    suite.server = suite.t.server;
    suite.orgA = await createOrganization(suite.server);
    suite.orgB = await createOrganization(suite.server);
  });
  afterAll(() => suite.t?.stop());
  return suite;
}
