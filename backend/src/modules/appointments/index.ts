import type { Plugin } from '@hapi/hapi';
import { AppError } from '../../infrastructure/http/AppError.js';
import { AppointmentService, type StaffLookup } from './AppointmentService.js';
import { defineAppointmentModel } from './models.js';
import { appointmentRoutes } from './routes.js';

export { AppointmentService } from './AppointmentService.js';
export type { AppointmentView, CreateAppointmentInput } from './AppointmentService.js';
export {
  APPOINTMENT_STATUSES,
  APPOINTMENT_TYPES,
  type AppointmentStatus,
  type AppointmentType,
} from './models.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    appointments: { service: AppointmentService };
  }
}

export const appointmentsPlugin: Plugin<void> = {
  name: 'appointments',
  dependencies: ['database', 'auth', 'audit', 'students', 'users'],
  register(server) {
    const { sequelize } = server.app;
    // Looked up at run time through the users plugin, so this module imports nothing of it.
    const staff: StaffLookup = async (organizationId, userId) => {
      try {
        return await server.plugins.users.service.get(organizationId, userId);
      } catch (error) {
        if (error instanceof AppError && error.statusCode === 404) return null;
        throw error;
      }
    };
    const service = new AppointmentService(
      defineAppointmentModel(sequelize),
      sequelize,
      () => server.plugins.audit.service,
      () => server.plugins.students.service,
      staff,
    );
    server.expose('service', service);
    server.route(appointmentRoutes(service));
  },
};
