/**
 * A realistic OneRoster 1.1 district, the same on every start (seeded generator): one district,
 * an elementary, a middle and a high school, one academic session, a homeroom per school and
 * grade, 6 students per grade (78 in all) with their enrollments and demographics.
 */

export type Status = 'active' | 'tobedeleted';

export interface Ref {
  href: string;
  sourcedId: string;
  type: 'org' | 'user' | 'class' | 'academicSession';
}

interface Base {
  sourcedId: string;
  status: Status;
  dateLastModified: string;
  metadata?: Record<string, string>;
}

export interface Org extends Base {
  name: string;
  type: 'district' | 'school';
  identifier: string;
  parent?: Ref;
  children?: Ref[];
}

export interface AcademicSession extends Base {
  title: string;
  type: 'schoolYear';
  startDate: string;
  endDate: string;
  schoolYear: string;
}

export interface RosterClass extends Base {
  title: string;
  classCode: string;
  classType: 'homeroom';
  location: string;
  grades: string[];
  school: Ref;
  terms: Ref[];
}

export interface User extends Base {
  username: string;
  userIds: Array<{ type: string; identifier: string }>;
  enabledUser: 'true' | 'false';
  givenName: string;
  familyName: string;
  middleName: string;
  role: 'student';
  identifier: string;
  email: string;
  sms: string;
  phone: string;
  agents: Ref[];
  orgs: Ref[];
  grades: string[];
}

export interface Enrollment extends Base {
  user: Ref;
  class: Ref;
  school: Ref;
  role: 'student';
  primary: 'true' | 'false';
  beginDate: string;
  endDate: string;
}

export interface Demographics extends Base {
  birthDate: string;
  sex: 'male' | 'female';
  americanIndianOrAlaskaNative: 'true' | 'false';
  asian: 'true' | 'false';
  blackOrAfricanAmerican: 'true' | 'false';
  nativeHawaiianOrOtherPacificIslander: 'true' | 'false';
  white: 'true' | 'false';
  demographicRaceTwoOrMoreRaces: 'true' | 'false';
  hispanicOrLatinoEthnicity: 'true' | 'false';
  countryOfBirthCode: string;
  stateOfBirthAbbreviation: string;
  cityOfBirth: string;
  publicSchoolResidenceStatus: string;
}

export interface RosterData {
  orgs: Org[];
  academicSessions: AcademicSession[];
  classes: RosterClass[];
  users: User[];
  enrollments: Enrollment[];
  demographics: Demographics[];
}

export const API_PATH = '/ims/oneroster/v1p1';
/** When the seeded records were last modified; a delta query after it sees only test changes. */
export const SEEDED_AT = '2025-08-01T12:00:00.000Z';
export const SCHOOL_YEAR = {
  title: '2025-2026',
  startDate: '2025-08-18',
  endDate: '2026-06-05',
  year: '2026',
};
const STUDENTS_PER_GRADE = 6;

const GIVEN = {
  female: [
    'Ava',
    'Sofia',
    'Maya',
    'Chloe',
    'Amara',
    'Leah',
    'Priya',
    'Isabella',
    'Nora',
    'Zoe',
    'Aaliyah',
    'Mei',
  ],
  male: [
    'Liam',
    'Mateo',
    'Noah',
    'Elijah',
    'Jamal',
    'Lucas',
    'Arjun',
    'Ethan',
    'Diego',
    'Owen',
    'Malik',
    'Kenji',
  ],
};
const MIDDLE = ['Grace', 'James', 'Rose', 'Alexander', 'Marie', 'Lee', 'Elena', 'Thomas', 'Jade', 'Ray'];
const FAMILY = [
  'Martinez',
  'Johnson',
  'Nguyen',
  'Williams',
  'Patel',
  'Garcia',
  'Brown',
  'Okafor',
  'Kim',
  'Davis',
  'Rodriguez',
  'Wilson',
  'Hernandez',
  'Thompson',
  'Chen',
  'Lopez',
  'Anderson',
  'Singh',
  'Jackson',
  'Rivera',
];
const CITIES = ['Springfield', 'Riverton', 'Maple Valley', 'Fairview', 'Lakeside', 'Oakdale'];

const SCHOOLS = [
  { name: 'Lincoln Elementary School', code: 'LES', grades: ['KG', '01', '02', '03', '04', '05'] },
  { name: 'Roosevelt Middle School', code: 'RMS', grades: ['06', '07', '08'] },
  { name: 'Jefferson High School', code: 'JHS', grades: ['09', '10', '11', '12'] },
];

/** mulberry32: a tiny seeded generator, so the district is the same on every start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A UUID-shaped sourcedId (version 4 layout) from the generator. */
export function sourcedIdFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(random() * 4) + 8) as number).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export const refTo = (type: Ref['type'], collection: string, sourcedId: string): Ref => ({
  href: `${API_PATH}/${collection}/${sourcedId}`,
  sourcedId,
  type,
});

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;
const flag = (value: boolean): 'true' | 'false' => (value ? 'true' : 'false');

/** Age on the first school day: 5 in kindergarten, 6 in first grade, ... */
export function birthDateFor(grade: string, random: () => number): string {
  const gradeNumber = grade === 'KG' ? 0 : Number(grade);
  const year = 2020 - gradeNumber;
  const dayOfYear = Math.floor(random() * 365);
  const date = new Date(Date.UTC(year - 1, 8, 1 + dayOfYear)); // Sept 1 of year-1 .. Aug 31 of year
  return date.toISOString().slice(0, 10);
}

export interface NewStudent {
  givenName: string;
  familyName: string;
  middleName?: string;
  grade: string;
  birthDate: string;
  sex: 'male' | 'female';
  school: Org;
  homeroom: RosterClass;
  identifier: string;
  sourcedId: string;
  modifiedAt: string;
}

export function studentRecords(s: NewStudent, random: () => number) {
  const username = `${s.givenName}.${s.familyName}${s.identifier.slice(-3)}`.toLowerCase();
  const user: User = {
    sourcedId: s.sourcedId,
    status: 'active',
    dateLastModified: s.modifiedAt,
    username,
    userIds: [{ type: 'SIS', identifier: s.identifier }],
    enabledUser: 'true',
    givenName: s.givenName,
    familyName: s.familyName,
    middleName: s.middleName ?? '',
    role: 'student',
    identifier: s.identifier,
    email: `${username}@students.maplevalley.k12.example`,
    sms: '',
    phone: '',
    agents: [],
    orgs: [refTo('org', 'schools', s.school.sourcedId)],
    grades: [s.grade],
  };
  const hispanic = random() < 0.25;
  const race = pick(random, [
    'white',
    'blackOrAfricanAmerican',
    'asian',
    'twoOrMore',
    'americanIndian',
  ] as const);
  const demographics: Demographics = {
    sourcedId: s.sourcedId,
    status: 'active',
    dateLastModified: s.modifiedAt,
    birthDate: s.birthDate,
    sex: s.sex,
    americanIndianOrAlaskaNative: flag(race === 'americanIndian'),
    asian: flag(race === 'asian'),
    blackOrAfricanAmerican: flag(race === 'blackOrAfricanAmerican'),
    nativeHawaiianOrOtherPacificIslander: 'false',
    white: flag(race === 'white'),
    demographicRaceTwoOrMoreRaces: flag(race === 'twoOrMore'),
    hispanicOrLatinoEthnicity: flag(hispanic),
    countryOfBirthCode: 'US',
    stateOfBirthAbbreviation: 'OR',
    cityOfBirth: pick(random, CITIES),
    publicSchoolResidenceStatus: '01652',
  };
  const enrollment: Enrollment = {
    sourcedId: sourcedIdFrom(random),
    status: 'active',
    dateLastModified: s.modifiedAt,
    user: refTo('user', 'students', s.sourcedId),
    class: refTo('class', 'classes', s.homeroom.sourcedId),
    school: refTo('org', 'schools', s.school.sourcedId),
    role: 'student',
    primary: 'true',
    beginDate: SCHOOL_YEAR.startDate,
    endDate: SCHOOL_YEAR.endDate,
  };
  return { user, demographics, enrollment };
}

export function seedDistrict(seed = 20250801): RosterData {
  const random = seededRandom(seed);
  const base = { status: 'active' as const, dateLastModified: SEEDED_AT };
  const district: Org = {
    ...base,
    sourcedId: sourcedIdFrom(random),
    name: 'Maple Valley Unified School District',
    type: 'district',
    identifier: '4100012',
    children: [],
  };
  const session: AcademicSession = {
    ...base,
    sourcedId: sourcedIdFrom(random),
    title: SCHOOL_YEAR.title,
    type: 'schoolYear',
    startDate: SCHOOL_YEAR.startDate,
    endDate: SCHOOL_YEAR.endDate,
    schoolYear: SCHOOL_YEAR.year,
  };
  const data: RosterData = {
    orgs: [district],
    academicSessions: [session],
    classes: [],
    users: [],
    enrollments: [],
    demographics: [],
  };
  let studentNumber = 100_200;
  SCHOOLS.forEach((s, index) => {
    const school: Org = {
      ...base,
      sourcedId: sourcedIdFrom(random),
      name: s.name,
      type: 'school',
      identifier: `41000120${index + 1}`,
      parent: refTo('org', 'orgs', district.sourcedId),
    };
    district.children?.push(refTo('org', 'schools', school.sourcedId));
    data.orgs.push(school);
    for (const grade of s.grades) {
      const homeroom: RosterClass = {
        ...base,
        sourcedId: sourcedIdFrom(random),
        title: `Homeroom ${grade === 'KG' ? 'Kindergarten' : `Grade ${Number(grade)}`}`,
        classCode: `${s.code}-HR-${grade}`,
        classType: 'homeroom',
        location: `Room ${100 + data.classes.length}`,
        grades: [grade],
        school: refTo('org', 'schools', school.sourcedId),
        terms: [refTo('academicSession', 'academicSessions', session.sourcedId)],
      };
      data.classes.push(homeroom);
      for (let i = 0; i < STUDENTS_PER_GRADE; i += 1) {
        const sex = random() < 0.5 ? 'female' : 'male';
        const records = studentRecords(
          {
            givenName: pick(random, GIVEN[sex]),
            familyName: pick(random, FAMILY),
            middleName: pick(random, MIDDLE),
            grade,
            birthDate: birthDateFor(grade, random),
            sex,
            school,
            homeroom,
            identifier: String((studentNumber += 7)),
            sourcedId: sourcedIdFrom(random),
            modifiedAt: SEEDED_AT,
          },
          random,
        );
        data.users.push(records.user);
        data.demographics.push(records.demographics);
        data.enrollments.push(records.enrollment);
      }
    }
  });
  return data;
}
