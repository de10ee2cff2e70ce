/**
 * Health records: allergies, conditions, emergency contacts and screenings of a student.
 * Plugs into the student profile (sections + alerts) and lends the medications module its
 * allergy lookup; other modules reach it only through what this file exports and exposes.
 */
import type { Plugin } from '@hapi/hapi';
import type { Transaction } from 'sequelize';
import type { AllergySeverity, AllergyType } from './enums.js';
import { HealthAlertSource } from './HealthAlertSource.js';
import { defineHealthRecordModels } from './models.js';
import { healthRecordSections } from './profileSections.js';
import { healthRecordRoutes } from './routes.js';
import { createHealthRecordServices, type HealthRecordServices } from './services.js';

export { ALLERGY_SEVERITIES, ALLERGY_TYPES, type AllergySeverity, type AllergyType } from './enums.js';
export type { HealthRecordServices } from './services.js';
export type { CreateAllergyInput } from './AllergyService.js';
export type { CreateConditionInput } from './ConditionService.js';
export type { CreateEmergencyContactInput } from './EmergencyContactService.js';
export type { CreateScreeningInput } from './ScreeningService.js';

/** What the medications module asks before a dose: is this child allergic to it? */
export interface AllergyLookup {
  allergiesOf(
    organizationId: string,
    studentId: string,
    transaction?: Transaction,
  ): Promise<Array<{ allergen: string; allergyType: AllergyType; severity: AllergySeverity }>>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    healthRecords: { allergies: AllergyLookup; services: HealthRecordServices };
  }
}

export const healthRecordsPlugin: Plugin<void> = {
  name: 'healthRecords',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register(server) {
    const { sequelize } = server.app;
    const services = createHealthRecordServices({
      sequelize,
      models: defineHealthRecordModels(sequelize),
      students: () => server.plugins.students.service,
      audit: () => server.plugins.audit.service,
    });
    const allergies: AllergyLookup = {
      allergiesOf: (organizationId, studentId, transaction) =>
        services.allergies.allergiesOf(organizationId, studentId, transaction),
    };
    server.expose('allergies', allergies);
    server.expose('services', services);

    const students = server.plugins.students.service;
    for (const section of healthRecordSections(services)) students.registerProfileSection(section);
    students.registerAlertSource(new HealthAlertSource(sequelize));
    server.route(healthRecordRoutes(services));
  },
};
