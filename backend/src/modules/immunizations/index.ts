import type { Plugin } from '@hapi/hapi';

export const immunizationsPlugin: Plugin<void> = {
  name: 'immunizations',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register() {
    // Placeholder: routes, service and profile section are registered here.
  },
};
