/**
 * How other modules plug sub-records into a student's profile without the students module
 * importing them: each registers a section (its records, keyed by name) and, if it has any,
 * an alert source (what could kill the child, shown on every list row and profile).
 */
import type { Role } from '../../infrastructure/http/authorization.js';

export interface StudentAlert {
  kind: 'ALLERGY' | 'CONDITION' | 'MEDICATION';
  severity: string;
  /** Short text for a badge, e.g. "Peanut (life-threatening)". */
  label: string;
}

export interface ProfileSection {
  /** The profile's property name: `allergies`, `conditions`, `medications`, ... */
  key: string;
  load(organizationId: string, studentId: string): Promise<unknown>;
  /**
   * The minimum necessary for a role that may not read details (VIEWER): return the
   * reduced data, or undefined to leave the section out entirely. Omitted: shown in full.
   * `data` is the section as read back from the cache's JSON (dates are ISO strings).
   */
  minimumNecessary?(data: unknown, role: Role): unknown;
}

export interface AlertSource {
  alertsFor(organizationId: string, studentIds: readonly string[]): Promise<Map<string, StudentAlert[]>>;
}

/** Alerts from every source for a batch of students, in a stable order (most severe first). */
export async function collectAlerts(
  sources: readonly AlertSource[],
  organizationId: string,
  studentIds: readonly string[],
): Promise<Map<string, StudentAlert[]>> {
  const merged = new Map<string, StudentAlert[]>(studentIds.map((id) => [id, []]));
  if (studentIds.length === 0) return merged;
  const results = await Promise.all(sources.map((s) => s.alertsFor(organizationId, studentIds)));
  for (const result of results) {
    for (const [id, alerts] of result) merged.get(id)?.push(...alerts);
  }
  return merged;
}
