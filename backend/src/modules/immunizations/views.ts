/**
 * What the API answers for immunization records and exemptions, and the minimum necessary
 * cut of each for a role without detail access (VIEWER): no free-text notes, and for an
 * exemption not its type (a religious or personal belief is nobody else's business).
 */
import type { Actor } from '../../infrastructure/http/actor.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { ExemptionInstance, ImmunizationInstance } from './models.js';
import { registryStatusOf, type RegistryStatusView } from './registryStatus.js';
import { vaccineFor, type SeriesName } from './vaccineCodes.js';

export interface ImmunizationView {
  id: string;
  studentId: string;
  cvxCode: string;
  vaccineName: string | null;
  series: readonly SeriesName[];
  administeredOn: string;
  doseNumber: number | null;
  lotNumber: string | null;
  mvxCode: string | null;
  source: string;
  doseMl: number | null;
  route: string | null;
  site: string | null;
  vfcEligibility: string | null;
  notes?: string | null;
  recordedBy: string | null;
  createdAt: Date;
  /** Its standing with the state registry; null when never sent. */
  registry: RegistryStatusView | null;
}

export interface ExemptionView {
  id: string;
  studentId: string;
  series: SeriesName;
  type?: string;
  expiresOn: string | null;
  notes?: string | null;
  recordedBy: string | null;
  createdAt: Date;
}

export function immunizationView(
  row: ImmunizationInstance,
  latestSubmission?: RegistryStatusView,
): ImmunizationView {
  const vaccine = vaccineFor(row.cvxCode);
  return {
    id: row.id,
    studentId: row.studentId,
    cvxCode: row.cvxCode,
    vaccineName: vaccine?.name ?? null,
    series: vaccine?.series ?? [],
    administeredOn: row.administeredOn,
    doseNumber: row.doseNumber,
    lotNumber: row.lotNumber,
    mvxCode: row.mvxCode,
    source: row.source,
    doseMl: row.doseMl,
    route: row.route,
    site: row.site,
    vfcEligibility: row.vfcEligibility,
    notes: row.notes,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt,
    registry: registryStatusOf(latestSubmission, row.importedFromRegistryAt),
  };
}

export function exemptionView(row: ExemptionInstance): ExemptionView {
  return {
    id: row.id,
    studentId: row.studentId,
    series: row.series,
    type: row.type,
    expiresOn: row.expiresOn,
    notes: row.notes,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt,
  };
}

export function mayReadDetail(actor: Pick<Actor, 'role'>): boolean {
  return can(actor.role, 'health-records:read-detail');
}

/** Without notes, and without the registry's error text (it may quote the record). */
export function minimalImmunization(view: ImmunizationView): ImmunizationView {
  const { notes: _notes, registry, ...rest } = view;
  if (!registry) return { ...rest, registry };
  const { errorText: _errorText, ...status } = registry;
  return { ...rest, registry: status };
}

export function minimalExemption(view: ExemptionView): ExemptionView {
  const { notes: _notes, type: _type, ...rest } = view;
  return rest;
}
