import type { Plugin } from '@hapi/hapi';
import { AdministrationService } from './AdministrationService.js';
import { DoseClock } from './DoseClock.js';
import { DueDoseService } from './DueDoseService.js';
import { FiveRightsCheck } from './fiveRights.js';
import { FormularyService } from './FormularyService.js';
import { defineMedicationModels } from './models.js';
import { PrescriptionService } from './PrescriptionService.js';
import { medicationsProfileSection } from './profileSection.js';
import { medicationRoutes, type MedicationServices } from './routes.js';

export type { AdministrationView, MedicationView, PrescriptionView } from './views.js';
export type { DueDose } from './DueDoseService.js';
export type { CreatePrescriptionInput } from './PrescriptionService.js';
export type { RecordAdministrationInput } from './AdministrationService.js';
export type { MedicationInput } from './FormularyService.js';
export {
  ADMINISTRATION_STATUSES,
  CONTROLLED_SCHEDULES,
  DEFAULT_DOSE_WINDOW_MINUTES,
  DEFAULT_TIME_ZONE,
  MEDICATION_FORMS,
  MEDICATION_ROUTES,
} from './constants.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    medications: MedicationServices;
  }
}

export const medicationsPlugin: Plugin<void> = {
  name: 'medications',
  dependencies: ['database', 'auth', 'audit', 'users', 'students', 'healthRecords'],
  register(server) {
    const { sequelize } = server.app;
    const models = defineMedicationModels(sequelize);
    const audit = () => server.plugins.audit.service;
    const students = () => server.plugins.students.service;
    const clock = new DoseClock(sequelize);
    // Looked up per request, so the allergy check always asks the healthRecords module of now.
    const allergies = () => server.plugins.healthRecords.allergies;
    const formulary = new FormularyService(models, sequelize, audit);
    const prescriptions = new PrescriptionService(models, sequelize, formulary, clock, students, audit);
    const services: MedicationServices = {
      formulary,
      prescriptions,
      administrations: new AdministrationService({
        models,
        sequelize,
        formulary,
        clock,
        fiveRights: new FiveRightsCheck(sequelize, clock, allergies),
        students,
        users: () => server.plugins.users.service,
        audit,
      }),
      due: new DueDoseService(sequelize, clock, audit),
    };
    for (const [key, value] of Object.entries(services)) server.expose(key, value);
    students().registerProfileSection(medicationsProfileSection(prescriptions));
    server.route(medicationRoutes(services));
  },
};
