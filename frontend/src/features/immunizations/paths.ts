import { studentProfilePath } from '@/config/paths';

export const immunizationsPaths = {
  immunizations: '/immunizations',
} as const;

/** The id of the profile's immunization block (status, registry answers, registry import). */
export const PROFILE_IMMUNIZATIONS_ID = 'immunizations';

/** A student's profile, scrolled to their immunizations. */
export function studentImmunizationsPath(studentId: string): string {
  return `${studentProfilePath(studentId)}#${PROFILE_IMMUNIZATIONS_ID}`;
}
