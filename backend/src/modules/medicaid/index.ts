/**
 * Medicaid eligibility (X12 270/271) of a student: check now, the stored answers, the member id.
 * The MedicaidClient joins the integrations registry (admin status, /health, closed on stop)
 * when an endpoint is configured; without one the routes answer 503 and nothing is sent.
 */
import type { Plugin, Server } from '@hapi/hapi';
import { MedicaidClient } from '../../integrations/clients/MedicaidClient.js';
import { EligibilityService } from './EligibilityService.js';
import { MedicaidIdStore } from './MedicaidIdStore.js';
import { defineEligibilityCheckModel } from './models.js';
import { medicaidRoutes } from './routes.js';

export { EligibilityService } from './EligibilityService.js';
export type { EligibilityCheckView, EligibilityHistory } from './EligibilityService.js';
export { COVERAGES, type Coverage } from './models.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    medicaid: { eligibility: EligibilityService };
  }
}

function medicaidClient(server: Server): MedicaidClient | undefined {
  const settings = server.app.config.integrations.medicaid;
  if (!settings.url) return undefined;
  const { registry, clientOptions } = server.plugins.integrations;
  return registry.add(
    new MedicaidClient({ ...clientOptions('medicaid'), apiKey: settings.apiKey, x12: settings }),
  );
}

export const medicaidPlugin: Plugin<void> = {
  name: 'medicaid',
  dependencies: ['database', 'auth', 'audit', 'students', 'integrations'],
  register(server) {
    const { sequelize } = server.app;
    const eligibility = new EligibilityService({
      checks: defineEligibilityCheckModel(sequelize),
      sequelize,
      medicaidIds: new MedicaidIdStore(sequelize),
      students: () => server.plugins.students.service,
      audit: () => server.plugins.audit.service,
      checker: medicaidClient(server),
    });
    server.expose('eligibility', eligibility);
    server.route(medicaidRoutes(eligibility));
  },
};
