import type { Plugin } from '@hapi/hapi';
import type { Transaction } from 'sequelize';

export const ALLERGY_TYPES = ['FOOD', 'DRUG', 'INSECT', 'ENVIRONMENTAL', 'LATEX'] as const;
export type AllergyType = (typeof ALLERGY_TYPES)[number];
export const ALLERGY_SEVERITIES = ['MILD', 'MODERATE', 'SEVERE', 'LIFE_THREATENING'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];

/** What the medications module asks before a dose: is this child allergic to it? */
export interface AllergyLookup {
  allergiesOf(
    organizationId: string,
    studentId: string,
    transaction?: Transaction,
  ): Promise<Array<{ allergen: string; allergyType: AllergyType; severity: AllergySeverity }>>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    healthRecords: { allergies: AllergyLookup };
  }
}

export const healthRecordsPlugin: Plugin<void> = {
  name: 'healthRecords',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register() {
    // Placeholder: routes, service, profile sections, alert source and `allergies` exposure.
  },
};
