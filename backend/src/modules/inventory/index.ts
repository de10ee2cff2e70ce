import type { Plugin } from '@hapi/hapi';

export const inventoryPlugin: Plugin<void> = {
  name: 'inventory',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register() {
    // Placeholder: routes, service and profile section are registered here.
  },
};
