import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { studentProfilePath } from '@/config/paths';
import { formatCalendarDate } from '@/lib/formatDate';
import type { StudentListItem } from '../types';
import { AlertBadge } from './AlertBadge';

interface StudentTableProps {
  students: StudentListItem[];
  busy: boolean;
}

export function StudentTable({ students, busy }: StudentTableProps) {
  const navigate = useNavigate();

  // The name is the real link (keyboard, screen readers, open in a new tab); a click anywhere
  // else on the row is a mouse shortcut to the same place.
  const openRow = (event: MouseEvent<HTMLTableRowElement>, studentId: string) => {
    if ((event.target as Element).closest('a, button')) return;
    void navigate(studentProfilePath(studentId));
  };

  return (
    <div className="table-wrapper">
      <table aria-busy={busy} className="clickable-rows">
        <caption className="visually-hidden">Students</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Student number</th>
            <th scope="col">Grade</th>
            <th scope="col">Date of birth</th>
            <th scope="col">Alerts</th>
          </tr>
        </thead>
        <tbody>
          {students.map((student) => (
            <tr key={student.id} onClick={(event) => openRow(event, student.id)}>
              <th scope="row">
                <Link to={studentProfilePath(student.id)}>
                  {student.firstName} {student.lastName}
                </Link>
              </th>
              <td>{student.studentNumber ?? '—'}</td>
              <td>{student.grade}</td>
              <td>
                <time dateTime={student.dateOfBirth}>{formatCalendarDate(student.dateOfBirth)}</time>
              </td>
              <td>
                {student.alerts && student.alerts.length > 0 ? (
                  <ul className="badge-list">
                    {student.alerts.map((alert, index) => (
                      <li key={`${alert.kind}-${index}`}>
                        <AlertBadge alert={alert} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
