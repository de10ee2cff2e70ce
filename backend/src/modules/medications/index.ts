import type { Plugin } from '@hapi/hapi';

export const medicationsPlugin: Plugin<void> = {
  name: 'medications',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register() {
    // Placeholder: routes, service and profile section are registered here.
  },
};
