/**
 * The app's route table, read in-process: the app does not list its routes over HTTP, so the
 * server is assembled here from the same environment (never initialized: no connection is
 * opened) and each route's method, path, auth and joi schemas are described. The drill then
 * calls the real process over HTTP.
 */
import type { Schema } from 'joi';
import { loadConfig } from '../../src/config/env.js';
import { createServer } from '../../src/server.js';
import type { Description } from '../hostile/sample.js';

export interface RouteSpec {
  method: string;
  path: string;
  /** False for the public routes (login, health, metrics). */
  authenticated: boolean;
  params?: Description;
  query?: Description;
  payload?: Description;
}

function describe(schema: unknown): Description | undefined {
  const candidate = schema as Partial<Schema> | null | undefined;
  return typeof candidate?.describe === 'function' ? (candidate.describe() as Description) : undefined;
}

export async function routeTable(env: Record<string, string>): Promise<RouteSpec[]> {
  const server = await createServer({ ...loadConfig(env), logLevel: 'silent' });
  try {
    return server.table().map((route) => {
      const validate = route.settings.validate as Record<string, unknown> | undefined;
      return {
        method: route.method.toUpperCase(),
        path: route.path,
        // hapi types a public route's `auth: false` away; at runtime it is there.
        authenticated: Boolean(route.settings.auth as unknown),
        params: describe(validate?.params),
        query: describe(validate?.query),
        payload: describe(validate?.payload),
      };
    });
  } finally {
    await server.stop();
  }
}
