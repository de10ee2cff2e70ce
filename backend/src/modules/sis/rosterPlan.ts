/**
 * What one page of the SIS roster means for our students, decided without touching the
 * database: which roster students to create, which rows to update (and which fields
 * changed), which to deactivate, and which need nothing. The SIS is the source of truth for
 * the fields it sends; a field it leaves out (or sends in a form we cannot store) keeps our value.
 */
import type { RosterStudent } from '../../integrations/clients/SisApiClient.js';

/** A SIS-linked student as stored. */
export interface StoredStudent {
  id: string;
  sourcedId: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  grade: string;
  gender: string | null;
  studentNumber: string | null;
  schoolId: string | null;
  isActive: boolean;
}

export type StudentFields = Omit<StoredStudent, 'id' | 'isActive'>;

export interface RosterPlan {
  create: StudentFields[];
  update: Array<{ id: string; fields: StudentFields; changed: string[]; reactivated: boolean }>;
  deactivate: string[];
  unchanged: number;
  /** Roster students we cannot store (no usable name, birth date or grade for a new student). */
  skipped: number;
}

export interface PlanContext {
  existing: ReadonlyMap<string, StoredStudent>;
  /** Our school id per SIS school sourcedId. */
  schools: ReadonlyMap<string, string>;
  /** Student numbers in use in the organization, and the sourcedId of the student holding each (null: entered by hand). */
  numbersInUse: ReadonlyMap<string, string | null>;
}

const NAME_MAX = 100;
const STUDENT_NUMBER = /^[A-Za-z0-9-]{1,50}$/;
const COMPARED: ReadonlyArray<keyof StudentFields> = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'grade',
  'gender',
  'studentNumber',
  'schoolId',
];

const usableName = (name: string): string | undefined =>
  name.length >= 1 && name.length <= NAME_MAX ? name : undefined;

export function planRosterPage(students: readonly RosterStudent[], context: PlanContext): RosterPlan {
  const plan: RosterPlan = { create: [], update: [], deactivate: [], unchanged: 0, skipped: 0 };
  const claimedNumbers = new Set<string>();

  /** The roster's student number, unless another student holds it (here or earlier on this page). */
  const numberFor = (student: RosterStudent): string | null | undefined => {
    const number = student.identifier;
    if (number === undefined || !STUDENT_NUMBER.test(number) || claimedNumbers.has(number)) return undefined;
    const holder = context.numbersInUse.get(number);
    if (holder !== undefined && holder !== student.sourcedId) return undefined;
    claimedNumbers.add(number);
    return number;
  };

  for (const student of students) {
    const stored = context.existing.get(student.sourcedId);
    if (student.status === 'tobedeleted') {
      if (stored?.isActive) plan.deactivate.push(stored.id);
      else plan.unchanged += 1;
      continue;
    }
    const schoolId = student.schoolSourcedId ? context.schools.get(student.schoolSourcedId) : undefined;
    const number = numberFor(student);
    if (!stored) {
      const firstName = usableName(student.givenName);
      const lastName = usableName(student.familyName);
      if (!firstName || !lastName || !student.birthDate || !student.grade) {
        plan.skipped += 1;
        continue;
      }
      plan.create.push({
        sourcedId: student.sourcedId,
        firstName,
        lastName,
        dateOfBirth: student.birthDate,
        grade: student.grade,
        gender: student.sex,
        studentNumber: number ?? null,
        schoolId: schoolId ?? null,
      });
      continue;
    }
    const fields: StudentFields = {
      sourcedId: stored.sourcedId,
      firstName: usableName(student.givenName) ?? stored.firstName,
      lastName: usableName(student.familyName) ?? stored.lastName,
      dateOfBirth: student.birthDate ?? stored.dateOfBirth,
      grade: student.grade ?? stored.grade,
      gender: student.sex ?? stored.gender,
      studentNumber: number ?? stored.studentNumber,
      schoolId: schoolId ?? stored.schoolId,
    };
    const changed = COMPARED.filter((key) => fields[key] !== stored[key]);
    if (changed.length === 0 && stored.isActive) plan.unchanged += 1;
    else plan.update.push({ id: stored.id, fields, changed, reactivated: !stored.isActive });
  }
  return plan;
}
