import type { Plugin } from '@hapi/hapi';
import { defineUserModel } from './models.js';
import { userRoutes } from './routes.js';
import { UserService } from './UserService.js';

export { UserService } from './UserService.js';
export type { CreateUserInput, UpdateUserInput, UserView } from './UserService.js';
export { hashPassword } from './passwords.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    users: { service: UserService };
  }
}

export const usersPlugin: Plugin<void> = {
  name: 'users',
  dependencies: ['database', 'auth', 'audit'],
  register(server) {
    const service = new UserService(defineUserModel(server.app.sequelize));
    server.expose('service', service);
    server.route(userRoutes(service));
  },
};
