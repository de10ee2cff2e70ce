import type { Plugin } from '@hapi/hapi';

export const incidentsPlugin: Plugin<void> = {
  name: 'incidents',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register() {
    // Placeholder: routes, service and profile section are registered here.
  },
};
