/**
 * What each PDF template takes: plain data, no models. The shapes follow what the modules
 * already produce (allergy/condition/contact views, PrescriptionView, ImmunizationSection,
 * ComplianceReport, IncidentView) so a route maps its data on with little glue. Where a
 * module holds an id but a reader needs a person, the field is a display name and is
 * named so (`givenBy`, `reporterName`): passing a UUID by accident then fails to compile.
 * Times may be Date or ISO strings (job payloads arrive as JSON); calendar dates are YYYY-MM-DD.
 */

export type Instant = Date | string;

/** Who and what every page's header names. */
export interface ReportContext {
  organization: { name: string };
  school?: { name: string } | null;
  generatedBy: { name: string; role?: string | null };
  generatedAt: Instant;
  /** IANA zone for every time printed (default UTC); the zone's abbreviation is printed too. */
  timeZone?: string;
}

export interface StudentIdentity {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  grade: string;
  gender?: string | null;
  studentNumber?: string | null;
}

// ---- 1. Student health summary -------------------------------------------------------------

export interface EmergencyContactEntry {
  name: string;
  relationship: string;
  priority: number;
  phones: Array<{ type: string; number: string }>;
  email?: string | null;
  canPickUp: boolean;
}

export type AllergySeverityLevel = 'MILD' | 'MODERATE' | 'SEVERE' | 'LIFE_THREATENING';

export interface AllergyEntry {
  allergen: string;
  allergyType: string;
  /** LIFE_THREATENING allergies are printed first, in a highlighted box, and again in the list. */
  severity: AllergySeverityLevel;
  reactions: string[];
  emergencyProtocol?: string | null;
  epiPenRequired?: boolean;
  epiPenLocation?: string | null;
  /** YYYY-MM-DD */
  epiPenExpiresOn?: string | null;
}

export interface ConditionEntry {
  condition: string;
  icd10Code?: string | null;
  status: string;
  actionPlan?: string | null;
  accommodations?: string | null;
  triggers?: string[];
}

/** An active prescription (PrescriptionView / the profile's `medications` section). */
export interface MedicationEntry {
  medication: { name: string; strength: string; form: string };
  dose: string;
  route: string;
  /** Wall-clock times of day, "08:00". */
  scheduleTimes: string[];
  prn: boolean;
  minIntervalMinutes?: number | null;
  instructions?: string | null;
  prescriber?: string | null;
}

export type ComplianceStatusCode = 'COMPLIANT' | 'DUE' | 'OVERDUE' | 'EXEMPT';

export interface SeriesStatus {
  series: string;
  status: ComplianceStatusCode;
  validDoses: number;
  requiredDoses: number;
  /** Fewest further doses that would complete the series; 0 when complete. */
  missing: number;
  /** YYYY-MM-DD, for DUE and OVERDUE series. */
  dueOn: string | null;
}

/** The profile's `immunizations` section (ImmunizationSection); notes and exemption types are not printed. */
export interface ImmunizationSummary {
  compliance: { status: ComplianceStatusCode; asOf: string; series: SeriesStatus[] };
  records: Array<{
    vaccineName: string | null;
    cvxCode: string;
    /** YYYY-MM-DD */
    administeredOn: string;
    doseNumber?: number | null;
  }>;
  exemptions?: Array<{ series: string; expiresOn: string | null }>;
}

export interface StudentHealthSummaryInput extends ReportContext {
  student: StudentIdentity;
  emergencyContacts: EmergencyContactEntry[];
  allergies: AllergyEntry[];
  conditions: ConditionEntry[];
  medications: MedicationEntry[];
  immunizations: ImmunizationSummary;
}

// ---- 2. Medication administration log ------------------------------------------------------

export interface DoseLogEntry {
  administeredAt: Instant;
  studentName: string;
  /** "Albuterol 90 mcg inhaler": name and strength as the nurse knows it. */
  medication: string;
  dose: string | null;
  route: string | null;
  status: 'GIVEN' | 'REFUSED' | 'MISSED' | 'HELD';
  /** Why a dose was refused, missed or held (null for a plain GIVEN). */
  reason: string | null;
  /** Display name of the user who recorded the dose. */
  givenBy: string;
  /** Display name of the witness, if any. */
  witnessName: string | null;
}

export interface MedicationLogInput extends ReportContext {
  /** Inclusive range the log covers. */
  range: { from: Instant; to: Instant };
  /** One student's log, or (absent) the whole school or organization. */
  student?: StudentIdentity | null;
  /** In the order to print (normally by time). */
  entries: DoseLogEntry[];
}

// ---- 3. Immunization compliance report -----------------------------------------------------

export type StatusCounts = Record<ComplianceStatusCode, number>;

/** ComplianceReport of the immunizations module: counts, and rates as 0..1 shares. */
export interface ComplianceSummary {
  asOf: string;
  ruleSet: { name: string };
  total: number;
  counts: StatusCounts;
  rates: StatusCounts;
  groups: Array<{
    schoolName: string | null;
    grade: string;
    total: number;
    counts: StatusCounts;
    rates: StatusCounts;
  }>;
}

export interface NonCompliantStudent {
  studentName: string;
  grade: string;
  schoolName?: string | null;
  status: ComplianceStatusCode;
  /** The series that are not complete (the template prints only those with missing > 0). */
  series: SeriesStatus[];
}

export interface ImmunizationReportInput extends ReportContext {
  compliance: ComplianceSummary;
  nonCompliant: NonCompliantStudent[];
}

// ---- 4. Incident report --------------------------------------------------------------------

export interface IncidentReportInput extends ReportContext {
  student: StudentIdentity;
  incident: {
    type: string;
    severity: string;
    location: string;
    occurredAt: Instant;
    description: string;
    actionsTaken: string | null;
    witnesses: string[];
    parentNotified: { notified: boolean; by: string | null; at: Instant | null; method: string | null };
    followUpRequired: boolean;
    followUpNotes: string | null;
    createdAt?: Instant | null;
  };
  /** Display name of the user who reported the incident (IncidentView.reportedBy is an id). */
  reporterName: string;
}

// ---- 5. Custom report ----------------------------------------------------------------------

export type CustomCell = string | number | boolean | null;

export interface CustomTable {
  title?: string | null;
  columns: string[];
  /** Each row has exactly one cell per column. */
  rows: CustomCell[][];
}

export interface CustomReportInput extends ReportContext {
  title: string;
  subtitle?: string | null;
  /** Label/value pairs printed under the subtitle, in order. */
  metadata?: Record<string, CustomCell> | null;
  tables: CustomTable[];
}
