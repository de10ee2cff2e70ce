/**
 * The simulated SIS's data and the changes a test makes to it: add, modify or remove a
 * student. Every change stamps `dateLastModified` with now, so a delta sync
 * (`filter=dateLastModified>'...'`) sees exactly what changed; a removal keeps the records
 * with status `tobedeleted`, as OneRoster 1.1 reports deletions.
 */
import {
  birthDateFor,
  seedDistrict,
  seededRandom,
  sourcedIdFrom,
  studentRecords,
  type Org,
  type RosterData,
  type User,
} from './oneRosterData.js';

export interface StudentInput {
  givenName: string;
  familyName: string;
  middleName?: string;
  /** OneRoster grade: `PK`, `KG`, `01`..`12`. */
  grade: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  /** Defaults to the school that teaches the grade. */
  schoolSourcedId?: string;
  identifier?: string;
}

export type StudentChange = Partial<
  Pick<StudentInput, 'givenName' | 'familyName' | 'middleName' | 'grade'>
> & {
  birthDate?: string;
  sex?: 'male' | 'female';
};

export class RosterError extends Error {}

const GRADE = /^(PK|KG|0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OneRosterRoster {
  readonly data: RosterData = seedDistrict();
  private readonly random = seededRandom(Date.now());
  private nextIdentifier = 900_000;

  student(sourcedId: string): User | undefined {
    return this.data.users.find((u) => u.sourcedId === sourcedId);
  }

  addStudent(input: StudentInput): User {
    if (!input.givenName?.trim() || !input.familyName?.trim())
      throw new RosterError('givenName and familyName are required');
    if (!GRADE.test(input.grade ?? '')) throw new RosterError('grade must be PK, KG or 01..12');
    if (input.birthDate !== undefined && !DATE.test(input.birthDate))
      throw new RosterError('birthDate is YYYY-MM-DD');
    const homeroom = this.data.classes.find(
      (c) =>
        c.grades.includes(input.grade) &&
        (!input.schoolSourcedId || c.school.sourcedId === input.schoolSourcedId),
    );
    const school = this.data.orgs.find(
      (o) => o.sourcedId === (input.schoolSourcedId ?? homeroom?.school.sourcedId),
    );
    if (!homeroom || !school) throw new RosterError('no school teaches that grade');
    const records = studentRecords(
      {
        givenName: input.givenName.trim(),
        familyName: input.familyName.trim(),
        middleName: input.middleName,
        grade: input.grade,
        birthDate: input.birthDate ?? birthDateFor(input.grade === 'PK' ? 'KG' : input.grade, this.random),
        sex: input.sex ?? 'female',
        school: school as Org,
        homeroom,
        identifier: input.identifier ?? String((this.nextIdentifier += 1)),
        sourcedId: sourcedIdFrom(this.random),
        modifiedAt: new Date().toISOString(),
      },
      this.random,
    );
    this.data.users.push(records.user);
    this.data.demographics.push(records.demographics);
    this.data.enrollments.push(records.enrollment);
    return records.user;
  }

  modifyStudent(sourcedId: string, change: StudentChange): User {
    const user = this.student(sourcedId);
    if (!user || user.status !== 'active') throw new RosterError('no such active student');
    if (change.grade !== undefined && !GRADE.test(change.grade))
      throw new RosterError('grade must be PK, KG or 01..12');
    if (change.birthDate !== undefined && !DATE.test(change.birthDate))
      throw new RosterError('birthDate is YYYY-MM-DD');
    const now = new Date().toISOString();
    if (change.givenName !== undefined) user.givenName = change.givenName;
    if (change.familyName !== undefined) user.familyName = change.familyName;
    if (change.middleName !== undefined) user.middleName = change.middleName;
    if (change.grade !== undefined) user.grades = [change.grade];
    user.dateLastModified = now;
    const demographics = this.data.demographics.find((d) => d.sourcedId === sourcedId);
    if (demographics && (change.birthDate !== undefined || change.sex !== undefined)) {
      if (change.birthDate !== undefined) demographics.birthDate = change.birthDate;
      if (change.sex !== undefined) demographics.sex = change.sex;
      demographics.dateLastModified = now;
    }
    return user;
  }

  /** The student, their demographics and enrollments become `tobedeleted`. */
  removeStudent(sourcedId: string): void {
    const user = this.student(sourcedId);
    if (!user || user.status !== 'active') throw new RosterError('no such active student');
    const now = new Date().toISOString();
    const records = [
      user,
      ...this.data.demographics.filter((d) => d.sourcedId === sourcedId),
      ...this.data.enrollments.filter((e) => e.user.sourcedId === sourcedId),
    ];
    for (const record of records) {
      record.status = 'tobedeleted';
      record.dateLastModified = now;
    }
  }
}
