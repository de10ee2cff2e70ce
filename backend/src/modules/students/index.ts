import type { Plugin } from '@hapi/hapi';
import { defineStudentModel } from './models.js';
import { studentRoutes } from './routes.js';
import { StudentService } from './StudentService.js';

export { StudentService } from './StudentService.js';
export type { CreateStudentInput, StudentProfile, StudentView } from './StudentService.js';
export type { AlertSource, ProfileSection, StudentAlert } from './profile.js';
export { GRADES, type Grade } from './models.js';
export { namedStudent, studentRefColumn, type StudentRef } from './studentRef.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    students: { service: StudentService };
  }
}

export const studentsPlugin: Plugin<void> = {
  name: 'students',
  dependencies: ['database', 'auth', 'audit'],
  register(server) {
    const { sequelize } = server.app;
    const service = new StudentService(
      defineStudentModel(sequelize),
      sequelize,
      () => server.plugins.audit.service,
      server.app.cache,
    );
    server.expose('service', service);
    server.route(studentRoutes(service));
  },
};
