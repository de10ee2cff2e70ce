import { formatCalendarDate } from '@/lib/formatDate';
import type { Student } from '../types';

interface StudentTableProps {
  students: Student[];
  busy: boolean;
}

export function StudentTable({ students, busy }: StudentTableProps) {
  return (
    <div className="table-wrapper">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Students</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Student number</th>
            <th scope="col">Grade</th>
            <th scope="col">Date of birth</th>
          </tr>
        </thead>
        <tbody>
          {students.map((student) => (
            <tr key={student.id}>
              <th scope="row">
                {student.firstName} {student.lastName}
              </th>
              <td>{student.studentNumber ?? '—'}</td>
              <td>{student.grade}</td>
              <td>
                <time dateTime={student.dateOfBirth}>{formatCalendarDate(student.dateOfBirth)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
