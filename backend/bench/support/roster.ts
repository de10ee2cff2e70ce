/**
 * The bench district's schools and students as plain arrays, ready for one multi-row INSERT:
 * fictional, deterministic (student n always has the same name, grade and school), about 500
 * students a school, grades K-12 spread evenly over elementary, middle and high schools.
 */
import { randomUUID } from 'node:crypto';

const FIRST_NAMES = [
  'Ava', 'Liam', 'Sofia', 'Noah', 'Isabella', 'Mateo', 'Mia', 'Elijah', 'Amara', 'Lucas',
  'Harper', 'Ethan', 'Zoe', 'Jayden', 'Chloe', 'Aiden', 'Layla', 'Caleb', 'Nora', 'Diego',
  'Priya', 'Omar', 'Hana', 'Kofi', 'Lena', 'Ravi', 'Grace', 'Yusuf', 'Elena', 'Malik',
  'Aria', 'Samuel', 'Leila', 'Tomas', 'Ines', 'Kai', 'Maya', 'Felix', 'Rosa', 'Jonah',
]; // prettier-ignore
const LAST_NAMES = [
  'Martinez', 'Johnson', 'Nguyen', 'Patel', 'Williams', 'Okafor', 'Kim', 'Brown', 'Lopez', 'Davis',
  'Chen', 'Robinson', 'Hernandez', 'Walker', 'Singh', 'Thompson', 'Murphy', 'Ali', 'Rivera', 'Young',
  'Garcia', 'Khan', 'Schmidt', 'Rossi', 'Haddad', 'Mensah', 'Novak', 'Ito', 'Silva', 'Cohen',
  'Ibrahim', 'Larsen', 'Dubois', 'Park', 'Kowalski', 'Osei', 'Reyes', 'Fischer', 'Tanaka', 'Moreau',
  'Hughes', 'Bauer', 'Costa', 'Yilmaz', 'Adeyemi', 'Sato', 'Olsen', 'Varga', 'Mendez', 'Quinn',
]; // prettier-ignore
const SCHOOL_NAMES = ['Lincoln', 'Roosevelt', 'Jefferson', 'Washington', 'Franklin', 'Madison', 'Adams'];

type Level = 'Elementary' | 'Middle' | 'High';
const LEVEL_GRADES: Record<Level, string[]> = {
  Elementary: ['K', '1', '2', '3', '4', '5'],
  Middle: ['6', '7', '8'],
  High: ['9', '10', '11', '12'],
};
const GRADES = Object.values(LEVEL_GRADES).flat();

export interface SchoolRows {
  ids: string[];
  names: string[];
  codes: string[];
}

/** Column arrays, in the order of `students`' columns they fill. */
export interface StudentRows {
  ids: string[];
  schoolIds: string[];
  firstNames: string[];
  lastNames: string[];
  datesOfBirth: string[];
  grades: string[];
  genders: string[];
  studentNumbers: string[];
}

export interface Roster {
  schools: SchoolRows;
  students: StudentRows;
  /** What finds students through `?search=`: last names, first names, a full name, numbers. */
  searchTerms: string[];
}

function ageFor(grade: string): number {
  return grade === 'K' ? 5 : Number(grade) + 5;
}

function schoolsFor(studentCount: number): Array<{ id: string; name: string; code: string; level: Level }> {
  const count = Math.max(3, Math.round(studentCount / 500));
  const levels: Level[] = ['Elementary', 'Middle', 'High'];
  return Array.from({ length: count }, (_, i) => {
    const level = levels[i % levels.length]!;
    const base = SCHOOL_NAMES[Math.floor(i / levels.length) % SCHOOL_NAMES.length]!;
    const round = Math.floor(i / (levels.length * SCHOOL_NAMES.length));
    const suffix = round > 0 ? ` ${round + 1}` : '';
    return {
      id: randomUUID(),
      name: `${base} ${level} School${suffix}`,
      code: `${base.slice(0, 3).toUpperCase()}${level[0]}${round > 0 ? round + 1 : ''}`,
      level,
    };
  });
}

export function buildRoster(studentCount: number, today = new Date()): Roster {
  const schools = schoolsFor(studentCount);
  const students: StudentRows = {
    ids: [],
    schoolIds: [],
    firstNames: [],
    lastNames: [],
    datesOfBirth: [],
    grades: [],
    genders: [],
    studentNumbers: [],
  };
  for (let n = 0; n < studentCount; n += 1) {
    const grade = GRADES[n % GRADES.length]!;
    const level = (Object.keys(LEVEL_GRADES) as Level[]).find((l) => LEVEL_GRADES[l].includes(grade))!;
    const ofLevel = schools.filter((s) => s.level === level);
    const school = ofLevel[Math.floor(n / GRADES.length) % ofLevel.length]!;
    const year = today.getUTCFullYear() - ageFor(grade) - 1;
    students.ids.push(randomUUID());
    students.schoolIds.push(school.id);
    students.firstNames.push(FIRST_NAMES[n % FIRST_NAMES.length]!);
    // Shifting the last name with each round of first names spreads the full names.
    const lastIndex = (n * 7 + Math.floor(n / FIRST_NAMES.length) * 3) % LAST_NAMES.length;
    students.lastNames.push(LAST_NAMES[lastIndex]!);
    students.datesOfBirth.push(
      new Date(Date.UTC(year, (n * 5) % 12, 1 + ((n * 7) % 28))).toISOString().slice(0, 10),
    );
    students.grades.push(grade);
    students.genders.push(n % 2 === 0 ? 'F' : 'M');
    students.studentNumbers.push(`${school.code}-${100001 + n}`);
  }
  const middle = Math.floor(studentCount / 2);
  const last = studentCount - 1;
  const searchTerms = [
    'Okafor',
    'Nguyen',
    'Sofia',
    'mart',
    `${students.firstNames[middle]} ${students.lastNames[middle]}`,
    students.studentNumbers[middle]!,
    // A number prefix: the ten students numbered ...1000 to ...1009 of that school.
    students.studentNumbers[Math.min(studentCount - 1, 1000)]!.slice(0, -1),
    `${students.firstNames[last]} ${students.lastNames[last]}`,
  ];
  return {
    schools: {
      ids: schools.map((s) => s.id),
      names: schools.map((s) => s.name),
      codes: schools.map((s) => s.code),
    },
    students,
    searchTerms,
  };
}
