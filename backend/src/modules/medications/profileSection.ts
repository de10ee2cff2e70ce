/**
 * The `medications` section of a student's profile: active prescriptions, each with its
 * medication and latest standing administration. A VIEWER sees no instructions or notes.
 */
import type { ProfileSection } from '../students/index.js';
import type { PrescriptionWithLast } from './prescriptionQueries.js';
import type { PrescriptionService } from './PrescriptionService.js';

function minimumNecessary(data: unknown): unknown {
  return (data as PrescriptionWithLast[]).map((p) => ({
    ...p,
    instructions: null,
    lastAdministration: p.lastAdministration ? { ...p.lastAdministration, notes: null, reason: null } : null,
  }));
}

export function medicationsProfileSection(prescriptions: PrescriptionService): ProfileSection {
  return {
    key: 'medications',
    load: (organizationId, studentId) => prescriptions.activeForProfile(organizationId, studentId),
    minimumNecessary,
  };
}
