import type { Plugin } from '@hapi/hapi';

export const appointmentsPlugin: Plugin<void> = {
  name: 'appointments',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register() {
    // Placeholder: routes, service and profile section are registered here.
  },
};
