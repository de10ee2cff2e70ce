export type ComplianceStatus = 'COMPLIANT' | 'DUE' | 'OVERDUE' | 'EXEMPT';

export interface SeriesStatus {
  /** DTaP, Polio, MMR, HepB, Varicella, Tdap, MenACWY. */
  series: string;
  status: ComplianceStatus | string;
  validDoses: number;
  requiredDoses: number;
  /** How many doses are missing, or a description of them. */
  missing?: number | string | string[] | null;
  /** Calendar date the next dose is due, when one is. */
  dueOn?: string | null;
}

export interface ImmunizationStatus {
  status: ComplianceStatus | string;
  series: SeriesStatus[];
}

/** Where an immunization stands with the state registry (null on a record: never sent). */
export type RegistryStatusName = 'PENDING' | 'ACCEPTED' | 'ERROR' | 'REJECTED' | 'IMPORTED';

export interface RegistryStatus {
  status: RegistryStatusName | string;
  /** The registry's acknowledgement code (AA, AE, AR...), null until it answered. */
  ackCode: string | null;
  /** What the registry said was wrong; absent for roles that may not see detail. */
  errorText?: string | null;
  submittedAt: string | null;
}

/** GET /students/{id}/immunizations: one dose on file. */
export interface ImmunizationRecord {
  id: string;
  cvxCode: string;
  vaccineName: string | null;
  administeredOn: string;
  doseNumber: number | null;
  source: string;
  registry: RegistryStatus | null;
}

/** One dose the registry holds for the student, offered for import. */
export interface RegistryHistoryRecord {
  cvxCode: string;
  vaccineName: string;
  administeredOn: string;
  lotNumber: string | null;
  mvxCode: string | null;
  historical: boolean;
  onFile: boolean;
  importable: boolean;
}

/** QAK-2: OK, NF (not found), TM (too many matches), PD (protected). */
export interface RegistryHistory {
  status: string;
  records: RegistryHistoryRecord[];
  unreadable: number;
}

/** What the data-export job reports when it is done (counts only). */
export interface RegistryExportSummary {
  considered: number;
  sent: number;
  accepted: number;
  errors: number;
  rejected: number;
  notSent: number;
  skipped: number;
}
