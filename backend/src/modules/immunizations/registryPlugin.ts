/**
 * The state-registry part of the immunizations module, wired at register time: the
 * StateRegistryClient (added to the server's IntegrationRegistry when STATE_REGISTRY_URL is
 * set; without it the registry routes answer 503), the submission and history services, the
 * `data-export` job's processor and the registry routes.
 */
import type { Server } from '@hapi/hapi';
import { StateRegistryClient } from '../../integrations/clients/StateRegistryClient.js';
import { getQueueManager } from '../../infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../infrastructure/jobs/jobTypes.js';
import { createDataExportProcessor } from '../../infrastructure/jobs/processors/dataExportProcessor.js';
import type { ComplianceCache } from './complianceCache.js';
import type { ImmunizationModels } from './models.js';
import { RegistryClaims } from './registryClaims.js';
import { RegistryHistoryService } from './RegistryHistoryService.js';
import { registryRoutes } from './registryRoutes.js';
import { RegistrySubmissionService } from './RegistrySubmissionService.js';

function stateRegistryClient(server: Server): StateRegistryClient | undefined {
  const { config } = server.app;
  const settings = config.integrations.stateRegistry;
  if (!settings.url) return undefined;
  const integrations = server.plugins.integrations;
  return integrations.registry.add(
    new StateRegistryClient({
      ...integrations.clientOptions('stateRegistry'),
      username: settings.username ?? '',
      password: settings.password ?? '',
      facilityId: settings.facilityId,
      processingId: config.nodeEnv === 'production' ? 'P' : 'T',
    }),
  );
}

export interface RegistryServicesSetup {
  submissions: RegistrySubmissionService;
  history: RegistryHistoryService;
}

export function registerStateRegistry(
  server: Server,
  models: Pick<ImmunizationModels, 'Immunization'>,
  compliance: ComplianceCache,
): RegistryServicesSetup {
  const { sequelize } = server.app;
  const client = stateRegistryClient(server);
  const queues = getQueueManager(server);
  const students = () => server.plugins.students.service;
  const audit = () => server.plugins.audit.service;
  const submissions = new RegistrySubmissionService({
    sequelize,
    models,
    claims: new RegistryClaims(sequelize),
    client: () => client,
    allOrganizationIds: () => server.plugins.organizations.service.listOrganizationIds(),
    students,
    audit,
    enqueue: (data) => queues.addJob(JOB_TYPES.DATA_EXPORT, data),
  });
  const history = new RegistryHistoryService({
    sequelize,
    models,
    client: () => submissions.requireClient(),
    students,
    audit,
    compliance,
  });
  queues.registerProcessor(
    JOB_TYPES.DATA_EXPORT,
    createDataExportProcessor({
      stateRegistry: {
        exportImmunizations: (request, onProgress) => submissions.exportImmunizations(request, onProgress),
        isPermanent: (error) => submissions.isPermanent(error),
      },
      organizationIds: () => submissions.organizationIds(),
      enqueue: (jobs) => queues.addJobs(JOB_TYPES.DATA_EXPORT, jobs),
    }),
  );
  server.route(registryRoutes({ submissions, history }));
  return { submissions, history };
}
