/**
 * What the API answers for each sub-record, and the minimum necessary cut of it for a role
 * without detail access (VIEWER): no notes. The emergency protocol stays: it saves lives.
 */
import type { Actor } from '../../infrastructure/http/actor.js';
import { can } from '../../infrastructure/http/authorization.js';
import type {
  AllergyAttributes,
  AllergyInstance,
  ConditionAttributes,
  ConditionInstance,
  EmergencyContactAttributes,
  EmergencyContactInstance,
  ScreeningAttributes,
  ScreeningInstance,
} from './models.js';

export type AllergyView = Omit<AllergyAttributes, 'organizationId'>;
export type ConditionView = Omit<ConditionAttributes, 'organizationId'>;
export type EmergencyContactView = Omit<EmergencyContactAttributes, 'organizationId'>;
export type ScreeningView = Omit<ScreeningAttributes, 'organizationId' | 'bmi'> & { bmi: number | null };

/** The row without its tenant column (the caller knows their organization). */
function plain<T extends { organizationId: string }>(row: { get(options: { plain: true }): T }) {
  const { organizationId: _organizationId, ...rest } = row.get({ plain: true });
  return rest;
}

export const allergyView = (row: AllergyInstance): AllergyView => plain<AllergyAttributes>(row);
export const conditionView = (row: ConditionInstance): ConditionView => plain<ConditionAttributes>(row);
export const emergencyContactView = (row: EmergencyContactInstance): EmergencyContactView =>
  plain<EmergencyContactAttributes>(row);
export function screeningView(row: ScreeningInstance): ScreeningView {
  const view = plain<ScreeningAttributes>(row);
  return { ...view, bmi: view.bmi === null ? null : Number(view.bmi) };
}

export function withoutNotes<T extends { notes: unknown }>(record: T): Omit<T, 'notes'> {
  const { notes: _notes, ...rest } = record;
  return rest;
}

/** Each record as this actor may see it: in full, or without notes. */
export function forActor<T extends { notes: unknown }>(
  actor: Actor,
  records: T[],
): Array<T | Omit<T, 'notes'>> {
  return can(actor.role, 'health-records:read-detail') ? records : records.map(withoutNotes);
}
