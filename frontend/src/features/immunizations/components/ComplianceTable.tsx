import { COMPLIANCE_STATUSES, type ComplianceReport } from '../types';
import { countText, gradeText } from './complianceText';

const STATUS_LABELS = { COMPLIANT: 'Compliant', DUE: 'Due', OVERDUE: 'Overdue', EXEMPT: 'Exempt' } as const;

interface ComplianceTableProps {
  report: ComplianceReport;
  busy: boolean;
}

/** One row per school and grade: students, then each status as a count and a share (text). */
export function ComplianceTable({ report, busy }: ComplianceTableProps) {
  return (
    <div className="table-wrapper">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Immunization compliance by school and grade</caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Grade</th>
            <th scope="col">Students</th>
            {COMPLIANCE_STATUSES.map((status) => (
              <th key={status} scope="col">
                {STATUS_LABELS[status]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.groups.map((group) => (
            <tr key={`${group.schoolId ?? ''}|${group.grade}`}>
              <th scope="row">{group.schoolName ?? 'No school'}</th>
              <td>{gradeText(group.grade)}</td>
              <td>{group.total.toLocaleString()}</td>
              {COMPLIANCE_STATUSES.map((status) => (
                <td key={status}>{countText(group.counts[status], group.rates[status])}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {report.groups.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                All shown
              </th>
              <td>{report.total.toLocaleString()}</td>
              {COMPLIANCE_STATUSES.map((status) => (
                <td key={status}>{countText(report.counts[status], report.rates[status])}</td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
