/**
 * OneRoster records (1.1 and 1.2) turned into the neutral shapes the rest of the server
 * reads: a RosterStudent, a RosterSchool, an AttendanceRecord. The mapping is forgiving: a
 * field the SIS left out or sent in an unknown form becomes null (the caller keeps what it
 * had), and only a record without a sourcedId is dropped.
 */

/** Our grades (`PK`, `K`, `1`..`12`); the students table accepts exactly these. */
export type RosterGrade =
  'PK' | 'K' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12';

export type RosterStatus = 'active' | 'tobedeleted';

export interface RosterStudent {
  sourcedId: string;
  status: RosterStatus;
  givenName: string;
  familyName: string;
  middleName?: string;
  /** YYYY-MM-DD from the student's demographics; null when the SIS sent none with this record. */
  birthDate: string | null;
  /** `F`, `M` or `U` (unspecified/other), as our records and X12 write it; null when unknown. */
  sex: 'F' | 'M' | 'U' | null;
  /** Null when the SIS grade has no counterpart here (e.g. `UG`, `13`). */
  grade: RosterGrade | null;
  schoolSourcedId?: string;
  /** The district's student number. */
  identifier?: string;
  dateLastModified: string;
}

export interface RosterSchool {
  sourcedId: string;
  status: RosterStatus;
  name: string;
  identifier?: string;
}

export type AttendanceStatus = 'present' | 'absent' | 'tardy' | 'excused' | 'unknown';

export interface AttendanceRecord {
  sourcedId: string;
  studentSourcedId: string;
  schoolSourcedId?: string;
  /** YYYY-MM-DD */
  date: string;
  status: AttendanceStatus;
}

export interface Demographics {
  birthDate: string | null;
  sex: RosterStudent['sex'];
}

type Json = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['present', 'absent', 'tardy', 'excused'];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const refId = (value: unknown): string | undefined => (isObject(value) ? text(value.sourcedId) : undefined);

const statusOf = (value: unknown): RosterStatus => (value === 'tobedeleted' ? 'tobedeleted' : 'active');

/** OneRoster grade codes (CEDS): `PK`, `KG`, `01`..`12`; `TK` (transitional) counts as K. */
export function toGrade(code: unknown): RosterGrade | null {
  const value = text(code)?.toUpperCase();
  if (value === undefined) return null;
  if (value === 'PK') return 'PK';
  if (value === 'KG' || value === 'TK') return 'K';
  if (!/^\d{1,2}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= 12 ? (String(n) as RosterGrade) : null;
}

function toSex(value: unknown): RosterStudent['sex'] {
  if (value === 'female') return 'F';
  if (value === 'male') return 'M';
  if (value === 'other' || value === 'unspecified') return 'U';
  return null;
}

export function toDemographics(record: unknown): [string, Demographics] | null {
  if (!isObject(record)) return null;
  const sourcedId = text(record.sourcedId);
  if (!sourcedId || statusOf(record.status) === 'tobedeleted') return null;
  const birthDate = text(record.birthDate);
  return [
    sourcedId,
    { birthDate: birthDate && DATE.test(birthDate) ? birthDate : null, sex: toSex(record.sex) },
  ];
}

/** The student's school: 1.2's `primaryOrg`, else the org of a student role, else the first org. */
function schoolOf(user: Json): string | undefined {
  const primary = refId(user.primaryOrg);
  if (primary) return primary;
  if (Array.isArray(user.roles)) {
    const role = user.roles.find((r) => isObject(r) && r.role === 'student' && r.roleType === 'primary');
    const org = isObject(role) ? refId(role.org) : undefined;
    if (org) return org;
  }
  return Array.isArray(user.orgs) ? user.orgs.map(refId).find(Boolean) : undefined;
}

/** A OneRoster user (1.1 or 1.2) as a RosterStudent; null for a record without a sourcedId. */
export function toRosterStudent(user: unknown, demographics: Demographics | undefined): RosterStudent | null {
  if (!isObject(user)) return null;
  const sourcedId = text(user.sourcedId);
  if (!sourcedId) return null;
  const grades = Array.isArray(user.grades) ? user.grades : [];
  return {
    sourcedId,
    status: statusOf(user.status),
    givenName: text(user.givenName) ?? '',
    familyName: text(user.familyName) ?? '',
    middleName: text(user.middleName),
    birthDate: demographics?.birthDate ?? null,
    sex: demographics?.sex ?? null,
    grade: toGrade(grades[0]),
    schoolSourcedId: schoolOf(user),
    identifier: text(user.identifier),
    dateLastModified: text(user.dateLastModified) ?? '',
  };
}

export function toRosterSchool(org: unknown): RosterSchool | null {
  if (!isObject(org)) return null;
  const sourcedId = text(org.sourcedId);
  const name = text(org.name);
  if (!sourcedId || !name) return null;
  return { sourcedId, status: statusOf(org.status), name, identifier: text(org.identifier) };
}

/** A record of the attendance extension (see SisApiClient.getAttendanceRecords). */
export function toAttendanceRecord(record: unknown): AttendanceRecord | null {
  if (!isObject(record) || statusOf(record.status) === 'tobedeleted') return null;
  const sourcedId = text(record.sourcedId);
  const studentSourcedId = refId(record.student);
  const date = text(record.date);
  if (!sourcedId || !studentSourcedId || !date || !DATE.test(date)) return null;
  const status = ATTENDANCE_STATUSES.find((s) => s === record.attendanceStatus) ?? 'unknown';
  return { sourcedId, studentSourcedId, schoolSourcedId: refId(record.school), date, status };
}
