import type { Plugin, Server } from '@hapi/hapi';
import { getQueueManager } from '../../infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../infrastructure/jobs/jobTypes.js';
import { createMedicationReminderProcessor } from '../../infrastructure/jobs/processors/medicationReminderProcessor.js';
import { AdministrationLogService } from './AdministrationLogService.js';
import { AdministrationRecordService } from './AdministrationRecordService.js';
import { AdministrationService } from './AdministrationService.js';
import { DoseClock } from './DoseClock.js';
import { DueDoseService } from './DueDoseService.js';
import { FiveRightsCheck } from './fiveRights.js';
import { FormularyService } from './FormularyService.js';
import { defineMedicationModels } from './models.js';
import { PrescriptionService } from './PrescriptionService.js';
import { medicationsProfileSection } from './profileSection.js';
import { ReminderDoseService } from './ReminderDoseService.js';
import { medicationRoutes, type MedicationServices } from './routes.js';

export type { AdministrationView, MedicationView, PrescriptionView } from './views.js';
export type { DueDose } from './DueDoseService.js';
export type { AdministrationRecord, ScheduledDose } from './AdministrationRecordService.js';
export type { CreatePrescriptionInput } from './PrescriptionService.js';
export type { RecordAdministrationInput } from './AdministrationService.js';
export type {
  AdministrationLog,
  AdministrationLogEntry,
  AdministrationLogFilter,
  AdministrationLogService,
} from './AdministrationLogService.js';
export type { MedicationInput } from './FormularyService.js';
export {
  ADMINISTRATION_STATUSES,
  CONTROLLED_SCHEDULES,
  DEFAULT_DOSE_WINDOW_MINUTES,
  DEFAULT_TIME_ZONE,
  MEDICATION_FORMS,
  MEDICATION_ROUTES,
  SCHEDULED_DOSE_STATUSES,
} from './constants.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    /** `log`: the administration log for reports (no actor, no audit: the caller audits). */
    medications: MedicationServices & { log: AdministrationLogService };
  }
}

export const medicationsPlugin: Plugin<void> = {
  name: 'medications',
  dependencies: ['database', 'auth', 'audit', 'users', 'students', 'healthRecords', 'jobs', 'notifications'],
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
      record: new AdministrationRecordService(sequelize, clock, audit),
    };
    for (const [key, value] of Object.entries(services)) server.expose(key, value);
    server.expose('log', new AdministrationLogService(sequelize, clock));
    students().registerProfileSection(medicationsProfileSection(prescriptions));
    server.route(medicationRoutes(services));
    registerReminders(server, new ReminderDoseService(sequelize, clock));
  },
};

/** The notifications and socket plugins register after this one: both are looked up per call. */
function registerReminders(server: Server, doses: ReminderDoseService): void {
  const queues = getQueueManager(server);
  queues.registerProcessor(
    JOB_TYPES.MEDICATION_REMINDER,
    createMedicationReminderProcessor({
      organizationIds: () => doses.organizationIds(),
      outstandingDoses: (organizationId, windowMinutes) => doses.outstanding(organizationId, windowMinutes),
      outstandingDose: (organizationId, prescriptionId, scheduledFor) =>
        doses.outstandingSlot(organizationId, prescriptionId, scheduledFor),
      notifyNurses: (organizationId, dedupeKey, notice) =>
        server.plugins.notifications.service.notifyStaffOnce(organizationId, ['NURSE'], dedupeKey, notice),
      broadcastReminder: (organizationId, reminder) =>
        server.plugins.websocket?.broadcastMedicationReminder(organizationId, reminder),
      enqueue: (jobs) => queues.addJobs(JOB_TYPES.MEDICATION_REMINDER, jobs),
    }),
  );
}
