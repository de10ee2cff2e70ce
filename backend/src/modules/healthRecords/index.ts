import type { Plugin } from '@hapi/hapi';

export const healthRecordsPlugin: Plugin<void> = {
  name: 'healthRecords',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register() {
    // Placeholder: routes, service and profile section are registered here.
  },
};
