import type { Plugin } from '@hapi/hapi';
import { AppError } from '../../infrastructure/http/AppError.js';
import { getQueueManager } from '../../infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../infrastructure/jobs/jobTypes.js';
import { createAppointmentReminderProcessor } from '../../infrastructure/jobs/processors/appointmentReminderProcessor.js';
import { AppointmentReminderService } from './AppointmentReminderService.js';
import { AppointmentService, type StaffLookup } from './AppointmentService.js';
import { defineAppointmentModel } from './models.js';
import { ReminderScheduler } from './ReminderScheduler.js';
import { appointmentRoutes } from './routes.js';

export { AppointmentService } from './AppointmentService.js';
export type { AppointmentStudent, AppointmentView, CreateAppointmentInput } from './AppointmentService.js';
export { AppointmentReminderService, appointmentReminderKey } from './AppointmentReminderService.js';
export { reminderJobId } from './ReminderScheduler.js';
export {
  APPOINTMENT_STATUSES,
  APPOINTMENT_TYPES,
  type AppointmentStatus,
  type AppointmentType,
} from './models.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    appointments: { service: AppointmentService; reminders: AppointmentReminderService };
  }
}

export const appointmentsPlugin: Plugin<void> = {
  name: 'appointments',
  dependencies: ['database', 'jobs', 'auth', 'audit', 'students', 'users', 'notifications'],
  register(server) {
    const { sequelize } = server.app;
    const Appointment = defineAppointmentModel(sequelize);
    const audit = () => server.plugins.audit.service;
    const students = () => server.plugins.students.service;
    // Looked up at run time through the users plugin, so this module imports nothing of it.
    const staff: StaffLookup = async (organizationId, userId) => {
      try {
        return await server.plugins.users.service.get(organizationId, userId);
      } catch (error) {
        if (error instanceof AppError && error.statusCode === 404) return null;
        throw error;
      }
    };
    const scheduler = new ReminderScheduler(
      () => getQueueManager(server),
      (message) => server.log(['appointments', 'warn'], message),
    );
    const service = new AppointmentService(Appointment, sequelize, audit, students, staff, scheduler);
    // The notifications plugin registers after this one: looked up per call.
    const reminders = new AppointmentReminderService({
      Appointment,
      sequelize,
      audit,
      students,
      notifications: () => server.plugins.notifications.service,
    });
    server.expose('service', service);
    server.expose('reminders', reminders);
    getQueueManager(server).registerProcessor(
      JOB_TYPES.APPOINTMENT_REMINDER,
      createAppointmentReminderProcessor(reminders),
    );
    server.route(appointmentRoutes(service));
  },
};
