import { Link } from 'react-router';
import { studentProfilePath } from '@/config/paths';
import { formatDateTime } from '@/lib/formatDate';
import type { AdminUser, AuditRecord } from '../types';
import { auditOutcome, auditStudentId, auditUserText, entityTypeText, shortId } from './auditLabels';

interface AuditTableProps {
  records: AuditRecord[];
  usersById: ReadonlyMap<string, AdminUser>;
  busy: boolean;
}

/** Newest first. The entry number is the one the chain check names when the chain is broken. */
export function AuditTable({ records, usersById, busy }: AuditTableProps) {
  return (
    <div className="table-wrapper">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Student</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => {
            const studentId = auditStudentId(record);
            const outcome = auditOutcome(record);
            return (
              <tr key={record.id}>
                <th scope="row">#{record.seq}</th>
                <td>
                  <time dateTime={record.createdAt}>{formatDateTime(record.createdAt)}</time>
                </td>
                <td>{auditUserText(record, usersById)}</td>
                <td>
                  <code>{record.action}</code>
                </td>
                <td>
                  {entityTypeText(record.entityType)}
                  {record.entityId && record.entityId !== studentId && (
                    <span className="muted" title={record.entityId}>
                      {' '}
                      {shortId(record.entityId)}
                    </span>
                  )}
                </td>
                <td>
                  {studentId ? (
                    <Link to={studentProfilePath(studentId)} title={studentId}>
                      <span className="visually-hidden">Student </span>
                      {shortId(studentId)}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{outcome.failed ? <strong>{outcome.text}</strong> : outcome.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
