export const GRADES = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export type Grade = (typeof GRADES)[number];

export interface Student {
  id: string;
  organizationId: string;
  schoolId: string | null;
  firstName: string;
  lastName: string;
  /** Calendar date, 'YYYY-MM-DD'. */
  dateOfBirth: string;
  grade: Grade;
  gender: string | null;
  studentNumber: string | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What could harm the child, from any health module; shown on list rows and the profile. */
export interface StudentAlert {
  kind: 'ALLERGY' | 'CONDITION' | 'MEDICATION';
  severity: string;
  /** Short text for a badge, e.g. "Peanut (life-threatening)". */
  label: string;
}

/** A list row; `alerts` is absent until a health module provides alert sources. */
export interface StudentListItem extends Student {
  alerts?: StudentAlert[];
}

export interface StudentPage {
  data: StudentListItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface StudentListQuery {
  search: string;
  grade: Grade | '';
  page: number;
  pageSize: number;
}

export function gradeLabel(grade: Grade): string {
  if (grade === 'PK') return 'Pre-K';
  if (grade === 'K') return 'Kindergarten';
  return `Grade ${grade}`;
}

// Profile sections. Each comes from another backend module and may be missing (module not
// installed, or a role that only gets the minimum necessary), so optional fields are optional.

export interface Allergy {
  id: string;
  allergen: string;
  allergyType?: string;
  severity: string;
  reactions?: string[];
  emergencyProtocol?: string | null;
  epiPenRequired?: boolean;
  epiPenLocation?: string | null;
  epiPenExpiresOn?: string | null;
}

export interface Condition {
  id: string;
  condition: string;
  icd10Code?: string | null;
  status?: string;
  actionPlan?: string | null;
  accommodations?: string | null;
  triggers?: string[];
}

export interface LastAdministration {
  id: string;
  status: string;
  dose: string | null;
  administeredAt: string;
}

export interface Prescription {
  id: string;
  medication: {
    name: string;
    form?: string | null;
    strength?: string | null;
    controlledSchedule?: string | null;
  };
  dose: string;
  route: string;
  scheduleTimes?: string[];
  prn?: boolean;
  minIntervalMinutes?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  dosesOnHand?: number | null;
  instructions?: string | null;
  lastAdministration?: LastAdministration | null;
}

export interface ImmunizationRecord {
  id: string;
  cvxCode: string;
  vaccineName?: string | null;
  series?: string[];
  administeredOn: string;
  doseNumber?: number | null;
}

export interface ImmunizationSection {
  records?: ImmunizationRecord[];
  exemptions?: Array<{ id: string; series: string; type?: string; expiresOn: string | null }>;
}

export interface EmergencyContact {
  id: string;
  name: string;
  relationship?: string | null;
  priority?: number | null;
  phones?: Array<{ type: string; number: string }>;
  email?: string | null;
  canPickUp?: boolean;
}

export interface Screening {
  id: string;
  type: string;
  screenedOn: string;
  result: string;
  referral?: boolean;
}

export interface IncidentSummary {
  id: string;
  type: string;
  severity: string;
  occurredAt: string;
  location?: string | null;
  followUpRequired?: boolean;
  parentNotified?: boolean;
}

export interface StudentProfile extends Student {
  alerts?: StudentAlert[];
  allergies?: Allergy[];
  conditions?: Condition[];
  medications?: Prescription[];
  immunizations?: ImmunizationSection;
  emergencyContacts?: EmergencyContact[];
  screenings?: Screening[];
  incidents?: IncidentSummary[];
}

export function studentName(student: Pick<Student, 'firstName' | 'lastName'>): string {
  return `${student.firstName} ${student.lastName}`;
}
