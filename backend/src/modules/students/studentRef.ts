/**
 * How other modules' rows name the student they are about (incidents, appointments): the
 * name parts and the school, read in the same query with a JOIN on (id, organization), and
 * answered as `studentName` plus `student`.
 */

/** Enough to name a student and to filter by school. */
export interface StudentRef {
  id: string;
  firstName: string;
  lastName: string;
  schoolId: string | null;
}

/** The SELECT column (named `student`) for a `students` row joined under `alias`. */
export const studentRefColumn = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'firstName', ${alias}.first_name, 'lastName', ${alias}.last_name,
                           'schoolId', ${alias}.school_id) AS student`;

/** The two fields an answer carries: "First Last", and the parts with the school. */
export function namedStudent(ref: StudentRef): { studentName: string; student: StudentRef } {
  const student = { id: ref.id, firstName: ref.firstName, lastName: ref.lastName, schoolId: ref.schoolId };
  return { studentName: `${student.firstName} ${student.lastName}`, student };
}
