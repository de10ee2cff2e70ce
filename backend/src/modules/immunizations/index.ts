import type { Plugin } from '@hapi/hapi';
import { getQueueManager } from '../../infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../infrastructure/jobs/jobTypes.js';
import { createImmunizationAlertProcessor } from '../../infrastructure/jobs/processors/immunizationAlertProcessor.js';
import { ComplianceCache } from './complianceCache.js';
import { ComplianceReportService } from './ComplianceReportService.js';
import { ImmunizationAlertService } from './ImmunizationAlertService.js';
import { ImmunizationService } from './ImmunizationService.js';
import { defineImmunizationModels } from './models.js';
import { immunizationProfileSection } from './profileSection.js';
import { registerStateRegistry } from './registryPlugin.js';
import type { RegistryHistoryService } from './RegistryHistoryService.js';
import type { RegistrySubmissionService } from './RegistrySubmissionService.js';
import { immunizationRoutes } from './routes.js';
import { RuleSetService } from './RuleSetService.js';

export { ImmunizationService } from './ImmunizationService.js';
export type {
  ImmunizationSection,
  RecordExemptionInput,
  RecordImmunizationInput,
  StudentComplianceStatus,
} from './ImmunizationService.js';
export type {
  ComplianceQuery,
  ComplianceReport,
  ComplianceReportService,
  NonCompliantStudent,
} from './ComplianceReportService.js';
export type { ImmunizationAlertService } from './ImmunizationAlertService.js';
export type { RegistryHistoryService } from './RegistryHistoryService.js';
export type { RegistrySubmissionService } from './RegistrySubmissionService.js';
export type { RegistryStatus, RegistryStatusView } from './registryStatus.js';
export { evaluateCompliance, COMPLIANCE_STATUSES } from './engine/evaluateCompliance.js';
export type { ComplianceResult, ComplianceStatus, EngineInput } from './engine/evaluateCompliance.js';
export type { RuleSet } from './engine/ruleSet.js';
export { SERIES, VACCINE_CODES, type SeriesName } from './vaccineCodes.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    immunizations: {
      service: ImmunizationService;
      reports: ComplianceReportService;
      ruleSets: RuleSetService;
      alerts: ImmunizationAlertService;
      /** The state registry: submissions (the data-export job's work) and history/import. */
      registry: { submissions: RegistrySubmissionService; history: RegistryHistoryService };
    };
  }
}

export const immunizationsPlugin: Plugin<void> = {
  name: 'immunizations',
  dependencies: [
    'database',
    'jobs',
    'integrations',
    'auth',
    'audit',
    'organizations',
    'students',
    'users',
    'notifications',
  ],
  register(server) {
    const { sequelize, cache } = server.app;
    const models = defineImmunizationModels(sequelize);
    const audit = () => server.plugins.audit.service;
    const compliance = new ComplianceCache(cache);
    const ruleSets = new RuleSetService(models.RuleSetRow, sequelize, audit, cache, compliance);
    const service = new ImmunizationService(
      models,
      sequelize,
      () => server.plugins.students.service,
      audit,
      ruleSets,
      compliance,
    );
    const reports = new ComplianceReportService(sequelize, audit, ruleSets, compliance);
    const alerts = new ImmunizationAlertService({
      sequelize,
      ruleSets,
      audit,
      // Both plugins are looked up per call: notifications registers after this module.
      notifier: () => ({
        async nurseIds(organizationId) {
          const users = await server.plugins.users.service.list(organizationId);
          return users.filter((u) => u.isActive && u.role === 'NURSE').map((u) => u.id);
        },
        createOnce: (...args) => server.plugins.notifications.service.createOnce(...args),
      }),
    });
    server.expose('service', service);
    server.expose('reports', reports);
    server.expose('ruleSets', ruleSets);
    server.expose('alerts', alerts);
    const queues = getQueueManager(server);
    queues.registerProcessor(
      JOB_TYPES.IMMUNIZATION_ALERT,
      createImmunizationAlertProcessor({
        organizationIds: () => server.plugins.organizations.service.listOrganizationIds(),
        alertOrganization: (organizationId, daysAhead) => alerts.alertOrganization(organizationId, daysAhead),
        enqueue: (jobs) => queues.addJobs(JOB_TYPES.IMMUNIZATION_ALERT, jobs),
      }),
    );
    server.expose('registry', registerStateRegistry(server, models, compliance));
    const students = server.plugins.students.service;
    students.registerProfileSection(immunizationProfileSection(service));
    students.onRosterChange((organizationId) => compliance.invalidate(organizationId));
    server.route(immunizationRoutes({ immunizations: service, reports, ruleSets }));
  },
};
