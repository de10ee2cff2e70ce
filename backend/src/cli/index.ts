/**
 * Operator commands: npm run cli -- <command> [options]. Uses the same config, services and
 * modules as the server (built and initialized, never listening), so every rule applies.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Server } from '@hapi/hapi';
import Joi from 'joi';
import { ConfigError, loadConfig } from '../config/env.js';
import { ROLES, type Role } from '../infrastructure/http/authorization.js';
import { StartupError } from '../startup/StartupError.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   apply pending database migrations
  seed-demo [--password P]                  create the demo district (development only)
  create-org --name NAME                    create an organization; prints its id
  create-user --org ID --email E --role ROLE [--name N] [--password P]
                                            create a user (ROLE: ${ROLES.join(', ')}); prints a password if none given
  verify-audit                              check every audit-log hash chain; exit 1 if one is broken
`;

class UsageError extends Error {}

type Options = Record<string, string | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

const silent = { info: () => undefined, warn: (m: string) => process.stderr.write(`${m}\n`) };

async function withServer<T>(work: (server: Server) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Loaded only once the command and its options are known good: a usage error answers at once.
  const [{ createServer }, { resolveServices }] = await Promise.all([
    import('../server.js'),
    import('../startup/resolveServices.js'),
  ]);
  const services = await resolveServices({ ...config, logLevel: 'error' }, silent);
  const server = await createServer({ ...services.config, logLevel: 'error' });
  try {
    await server.initialize();
    return await work(server);
  } finally {
    await server.stop();
    await services.stop();
  }
}

const commands: Record<string, (options: Options) => Promise<number>> = {
  async migrate() {
    // initialize() runs the migrations (onPreStart); nothing else to do.
    await withServer(async () => undefined);
    process.stdout.write('Database is up to date.\n');
    return 0;
  },

  async 'seed-demo'(options) {
    return withServer(async (server) => {
      if (server.app.config.isProduction)
        throw new UsageError('seed-demo refuses to run with NODE_ENV=production');
      const password = options.password ?? randomBytes(12).toString('base64url');
      const { formatLogins, seedDemoDistrict } = await import('../seed/demoDistrict.js');
      const seeded = await seedDemoDistrict(server, password);
      process.stdout.write(formatLogins(seeded, password, 'the app'));
      return 0;
    });
  },

  async 'create-org'(options) {
    const name = required(options, 'name');
    return withServer(async (server) => {
      const org = await server.plugins.organizations.service.createOrganization(name);
      process.stdout.write(`${org.id}\n`);
      return 0;
    });
  },

  async 'create-user'(options) {
    const org = required(options, 'org');
    const email = required(options, 'email');
    const role = required(options, 'role').toUpperCase();
    if (Joi.string().guid().validate(org).error)
      throw new UsageError('--org must be an organization id (UUID)');
    if (Joi.string().email({ tlds: false }).validate(email).error)
      throw new UsageError('--email is not an email address');
    if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    if (options.password !== undefined && options.password.length < 12) {
      throw new UsageError('--password must be at least 12 characters');
    }
    const password = options.password ?? randomBytes(12).toString('base64url');
    return withServer(async (server) => {
      await server.plugins.organizations.service.getOrganization(org);
      const user = await server.plugins.users.service.create(org, {
        email,
        role: role as Role,
        name: options.name ?? email,
        password,
      });
      process.stdout.write(`Created ${user.role} ${user.email} (${user.id})\n`);
      if (options.password === undefined) process.stdout.write(`Password: ${password}\n`);
      return 0;
    });
  },

  async 'verify-audit'() {
    return withServer(async (server) => {
      const results = await server.plugins.audit.service.verifyAll();
      let broken = 0;
      for (const r of results) {
        if (r.valid) {
          process.stdout.write(`ok      ${r.chain}: ${r.rowsChecked} rows\n`);
        } else {
          broken += 1;
          const b = r.firstBroken!;
          process.stdout.write(
            `BROKEN  ${r.chain}: first broken row id ${b.id} (seq ${b.seq}): ${b.reason}\n`,
          );
        }
      }
      if (results.length === 0) process.stdout.write('The audit log is empty.\n');
      return broken > 0 ? 1 : 0;
    });
  },
};

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const handler = command ? commands[command] : undefined;
  if (!handler) throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        name: { type: 'string' },
        org: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return handler(parsed.values);
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
