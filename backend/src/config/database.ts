/**
 * The Sequelize instance and its plugin: connect (and migrate) on onPreStart, close on
 * onPostStop, and report the `database` health component.
 */
import type { Plugin } from '@hapi/hapi';
import { Sequelize } from 'sequelize';
import type { HealthRegistry } from '../infrastructure/monitoring/healthCheck.js';
import { runMigrations } from '../migrations/migrator.js';
import type { AppConfig } from './env.js';

declare module '@hapi/hapi' {
  interface ServerApplicationState {
    sequelize: Sequelize;
  }
}

export function createSequelize(config: AppConfig): Sequelize {
  if (!config.database.url) throw new Error('database.url must be resolved before the server is created');
  return new Sequelize(config.database.url, {
    dialect: 'postgres',
    logging: false,
    benchmark: false,
    pool: { max: config.database.poolMax, min: 0, acquire: 5_000, idle: 10_000 },
    dialectOptions: config.database.ssl ? { ssl: { rejectUnauthorized: true } } : {},
    define: { underscored: true, timestamps: true },
  });
}

export interface DatabasePluginOptions {
  sequelize: Sequelize;
  health: HealthRegistry;
  /** An empty database is migrated on start; tests start from an already migrated template. */
  migrate: boolean;
}

export const databasePlugin: Plugin<DatabasePluginOptions> = {
  name: 'database',
  register(server, { sequelize, health, migrate }) {
    server.app.sequelize = sequelize;

    server.ext('onPreStart', async () => {
      await sequelize.authenticate();
      if (migrate) {
        const applied = await runMigrations(sequelize);
        if (applied.length > 0) server.log(['database', 'info'], `applied migrations: ${applied.join(', ')}`);
      }
    });
    server.ext('onPostStop', () => sequelize.close());

    health.register({
      name: 'database',
      critical: true,
      async check() {
        await sequelize.query('SELECT 1');
        const pool = (
          sequelize.connectionManager as unknown as {
            pool?: { size: number; available: number; using: number; waiting: number };
          }
        ).pool;
        return {
          status: 'healthy',
          message: 'PostgreSQL answers',
          details: pool ? { poolSize: pool.size, inUse: pool.using, waiting: pool.waiting } : {},
        };
      },
    });
  },
};
