export const APPOINTMENT_TYPES = [
  'MEDICATION',
  'SCREENING',
  'FOLLOW_UP',
  'ILLNESS',
  'INJURY',
  'COUNSELING',
  'OTHER',
] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

export const APPOINTMENT_STATUSES = ['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The server's limits on a visit's length, in minutes. */
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 240;

/** The student a visit is for, as the server joins them on. */
export interface AppointmentStudent {
  id: string;
  firstName: string;
  lastName: string;
  schoolId: string | null;
}

/** GET /api/v1/appointments rows. */
export interface Appointment {
  id: string;
  studentId: string;
  nurseId: string;
  /** ISO 8601 instant. */
  startsAt: string;
  durationMinutes: number;
  type: AppointmentType;
  status: AppointmentStatus;
  reason: string | null;
  /** Left out for a VIEWER (detail beyond the minimum necessary). */
  notes?: string | null;
  /** "First Last": who the visit is for. */
  studentName: string;
  student: AppointmentStudent;
}

/** Body of POST /api/v1/appointments (the nurse is the caller unless nurseId says otherwise). */
export interface AppointmentInput {
  studentId: string;
  startsAt: string;
  durationMinutes: number;
  type: AppointmentType;
  reason: string | null;
  notes: string | null;
}

/** Body of PATCH /api/v1/appointments/{id}: a status change, notes, or a new slot. */
export interface AppointmentUpdate {
  status?: Exclude<AppointmentStatus, 'SCHEDULED'>;
  notes?: string | null;
  startsAt?: string;
  durationMinutes?: number;
}

export interface AppointmentPage {
  data: Appointment[];
  page: number;
  pageSize: number;
  total: number;
}

export type CalendarView = 'day' | 'week';

/** The instants a calendar view covers, both ends included. */
export interface AppointmentRange {
  from: string;
  to: string;
}

/** What the calendar lists: a range, and the students' school ('' for every school). */
export interface AppointmentFilter extends AppointmentRange {
  schoolId: string;
}
