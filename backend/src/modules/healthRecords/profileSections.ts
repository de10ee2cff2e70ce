/**
 * The health record's part of the student profile. The profile is cached whole; a role
 * without detail access (VIEWER) gets allergies, conditions and screenings without notes
 * and no emergency contacts at all.
 */
import type { ProfileSection } from '../students/index.js';
import type { HealthRecordServices } from './services.js';
import { withoutNotes } from './views.js';

const stripNotes = (data: unknown) => (data as Array<{ notes: unknown }>).map(withoutNotes);

export function healthRecordSections(services: HealthRecordServices): ProfileSection[] {
  return [
    {
      key: 'allergies',
      load: (organizationId, studentId) => services.allergies.activeFor(organizationId, studentId),
      minimumNecessary: stripNotes,
    },
    {
      key: 'conditions',
      load: (organizationId, studentId) => services.conditions.currentFor(organizationId, studentId),
      minimumNecessary: stripNotes,
    },
    {
      key: 'emergencyContacts',
      load: (organizationId, studentId) =>
        services.emergencyContacts.inCallingOrder(organizationId, studentId),
      minimumNecessary: () => undefined,
    },
    {
      key: 'screenings',
      load: (organizationId, studentId) => services.screenings.recentFor(organizationId, studentId),
      minimumNecessary: stripNotes,
    },
  ];
}
