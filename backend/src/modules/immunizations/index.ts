import type { Plugin } from '@hapi/hapi';
import { ComplianceReportService } from './ComplianceReportService.js';
import { ImmunizationService } from './ImmunizationService.js';
import { defineImmunizationModels } from './models.js';
import { immunizationProfileSection } from './profileSection.js';
import { immunizationRoutes } from './routes.js';
import { RuleSetService } from './RuleSetService.js';

export { ImmunizationService } from './ImmunizationService.js';
export type {
  ImmunizationSection,
  RecordExemptionInput,
  RecordImmunizationInput,
  StudentComplianceStatus,
} from './ImmunizationService.js';
export type { ComplianceReport, ComplianceReportService } from './ComplianceReportService.js';
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
    };
  }
}

export const immunizationsPlugin: Plugin<void> = {
  name: 'immunizations',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register(server) {
    const { sequelize, cache } = server.app;
    const models = defineImmunizationModels(sequelize);
    const audit = () => server.plugins.audit.service;
    const ruleSets = new RuleSetService(models.RuleSetRow, sequelize, audit, cache);
    const service = new ImmunizationService(
      models,
      sequelize,
      () => server.plugins.students.service,
      audit,
      ruleSets,
    );
    const reports = new ComplianceReportService(sequelize, audit, ruleSets);
    server.expose('service', service);
    server.expose('reports', reports);
    server.expose('ruleSets', ruleSets);
    server.plugins.students.service.registerProfileSection(immunizationProfileSection(service));
    server.route(immunizationRoutes({ immunizations: service, reports, ruleSets }));
  },
};
