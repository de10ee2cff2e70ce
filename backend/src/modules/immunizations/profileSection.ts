/**
 * The student profile's `immunizations` section: records, exemptions and the compliance
 * summary. A VIEWER keeps the summary and the dates but loses notes and exemption types.
 */
import type { ProfileSection } from '../students/index.js';
import type { ImmunizationSection, ImmunizationService } from './ImmunizationService.js';
import { minimalExemption, minimalImmunization } from './views.js';

export function immunizationProfileSection(service: ImmunizationService): ProfileSection {
  return {
    key: 'immunizations',
    load: (organizationId, studentId) => service.section(organizationId, studentId),
    minimumNecessary(data) {
      const section = data as ImmunizationSection;
      return {
        ...section,
        records: section.records.map(minimalImmunization),
        exemptions: section.exemptions.map(minimalExemption),
      };
    },
  };
}
