/**
 * The SIS module: the roster sync from the district's student information system (OneRoster).
 * Builds the SisApiClient from config (when a SIS is configured) and adds it to the
 * integrations registry, so the admin route and /health show its circuit; registers the
 * sis-sync job and the admin routes to start a sync and list its runs.
 */
import type { Plugin } from '@hapi/hapi';
import { getQueueManager } from '../../infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../infrastructure/jobs/jobTypes.js';
import { createSisSyncProcessor } from '../../infrastructure/jobs/processors/sisSyncProcessor.js';
import { SisApiClient } from '../../integrations/clients/SisApiClient.js';
import { RosterWriter } from './RosterWriter.js';
import { sisRoutes } from './routes.js';
import { permanentFailure, SisSyncService } from './SisSyncService.js';
import { SyncRuns } from './SyncRuns.js';
import { sisSyncRetry } from './syncRetry.js';

export { SisSyncService } from './SisSyncService.js';
export type { RosterSource, SyncOptions, SyncProgress } from './SisSyncService.js';
export type { SyncRunView } from './SyncRuns.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    sis: { service: SisSyncService; client: SisApiClient | null };
  }
}

export const sisPlugin: Plugin<void> = {
  name: 'sis',
  dependencies: ['database', 'jobs', 'integrations', 'auth', 'audit', 'organizations', 'students'],
  register(server) {
    const { config, sequelize } = server.app;
    const sis = config.integrations.sis;
    let client: SisApiClient | null = null;
    if (sis.url) {
      if (!sis.clientId || !sis.clientSecret)
        throw new Error('SIS_API_URL is set: SIS_CLIENT_ID and SIS_CLIENT_SECRET are required too');
      const { registry, clientOptions } = server.plugins.integrations;
      client = registry.add(
        new SisApiClient({
          ...clientOptions('sis'),
          clientId: sis.clientId,
          clientSecret: sis.clientSecret,
          version: sis.version,
          tokenUrl: sis.tokenUrl,
          pageSize: sis.pageSize,
        }),
      );
    }
    const audit = () => server.plugins.audit.service;
    const service = new SisSyncService({
      sequelize,
      source: client,
      runs: new SyncRuns(sequelize),
      writer: new RosterWriter(sequelize, audit),
      audit,
      invalidate: (organizationId, studentId) =>
        server.plugins.students.service.invalidate(organizationId, studentId),
      rosterChanged: (organizationId) => server.plugins.students.service.rosterChanged(organizationId),
    });
    server.expose('service', service);
    server.expose('client', client);

    const queues = getQueueManager(server);
    const retry = sisSyncRetry(config);
    queues.registerProcessor(
      JOB_TYPES.SIS_SYNC,
      createSisSyncProcessor({
        configured: () => service.configured,
        // The SIS connection is deployment-wide: for now every organization is synced from it.
        organizationIds: () => server.plugins.organizations.service.listOrganizationIds(),
        syncOrganization: (organizationId, options) => service.syncStudents(organizationId, options),
        permanentFailure,
        enqueue: (jobs) =>
          queues.addJobs(
            JOB_TYPES.SIS_SYNC,
            jobs.map((job) => ({ ...job, options: { ...job.options, ...retry } })),
          ),
      }),
    );
    server.route(sisRoutes({ service, enqueue: (data) => queues.addJob(JOB_TYPES.SIS_SYNC, data, retry) }));
  },
};
