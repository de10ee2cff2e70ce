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

export const GRADES = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export type Grade = (typeof GRADES)[number];

export const COMPLIANCE_STATUSES = ['COMPLIANT', 'DUE', 'OVERDUE', 'EXEMPT'] as const;
export type StatusCounts = Record<ComplianceStatus, number>;

/** GET /api/v1/immunizations/compliance: filters (all optional; asOf defaults to today). */
export interface ComplianceQuery {
  schoolId?: string;
  grade?: Grade;
  /** YYYY-MM-DD */
  asOf?: string;
}

/** One school and grade: how many students, and how many (and what share, 0..1) per status. */
export interface ComplianceGroup {
  schoolId: string | null;
  schoolName: string | null;
  grade: Grade | string;
  total: number;
  counts: StatusCounts;
  rates: StatusCounts;
}

export interface ComplianceReport {
  asOf: string;
  ruleSet: { name: string; source: string };
  total: number;
  counts: StatusCounts;
  rates: StatusCounts;
  groups: ComplianceGroup[];
}

/** A DUE or OVERDUE student and the series not yet complete. */
export interface NonCompliantStudent {
  studentId: string;
  firstName: string;
  lastName: string;
  grade: Grade | string;
  schoolId: string | null;
  schoolName: string | null;
  status: 'DUE' | 'OVERDUE' | string;
  series: SeriesStatus[];
}

export interface NonCompliantStudents {
  asOf: string;
  data: NonCompliantStudent[];
}
