import { useState } from 'react';
import { Link } from 'react-router';
import { Pagination } from '@/components/Pagination';
import { humanize } from '@/lib/humanize';
import { isApiError } from '@/services/api/ApiError';
import { useNonCompliantStudents } from '../api/getNonCompliantStudents';
import { studentImmunizationsPath } from '../paths';
import type { ComplianceQuery } from '../types';
import { gradeText, seriesNeedText } from './complianceText';

export const NON_COMPLIANT_PAGE_SIZE = 25;

interface NonCompliantListProps {
  query: ComplianceQuery;
}

/**
 * The DUE and OVERDUE students and what each still needs. A name opens the student's profile
 * at their immunizations: the registry's answer per record and the import from the registry.
 */
export function NonCompliantList({ query }: NonCompliantListProps) {
  const students = useNonCompliantStudents(query);
  // The page belongs to the filters it was chosen under; new filters start at page 1.
  const filterKey = JSON.stringify(query);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const list = students.data?.data ?? [];
  const shown = list.slice((page - 1) * NON_COMPLIANT_PAGE_SIZE, page * NON_COMPLIANT_PAGE_SIZE);
  const missingRoute = isApiError(students.error) && students.error.status === 404;

  return (
    <section className="stack" aria-labelledby="non-compliant-heading">
      <h2 id="non-compliant-heading">
        Students not compliant{students.data ? ` (${list.length.toLocaleString()})` : ''}
      </h2>
      {missingRoute ? (
        <p className="alert alert-info">
          This server does not list the students yet. The compliance report (PDF) above names each of them.
        </p>
      ) : (
        <>
          {students.isError && (
            <p className="alert alert-error" role="alert">
              {students.error.message}
            </p>
          )}
          {students.isPending && (
            <p className="muted" role="status">
              Loading students…
            </p>
          )}
          {students.data && list.length === 0 && (
            <p className="muted" role="status">
              Every student shown is compliant or exempt.
            </p>
          )}
          {list.length > 0 && (
            <>
              <p className="muted">
                Open a student to see their doses, the state registry’s answer for each, and to import doses
                the registry holds.
              </p>
              <div className="table-wrapper">
                <table aria-busy={students.isPlaceholderData}>
                  <caption className="visually-hidden">Students not compliant</caption>
                  <thead>
                    <tr>
                      <th scope="col">Student</th>
                      <th scope="col">School</th>
                      <th scope="col">Grade</th>
                      <th scope="col">Status</th>
                      <th scope="col">Still needed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((student) => (
                      <tr key={student.studentId}>
                        <th scope="row">
                          <Link to={studentImmunizationsPath(student.studentId)}>
                            {student.lastName}, {student.firstName}
                          </Link>
                        </th>
                        <td>{student.schoolName ?? 'No school'}</td>
                        <td>{gradeText(student.grade)}</td>
                        <td>
                          <span className={`badge status-${student.status.toLowerCase()}`}>
                            {humanize(student.status)}
                          </span>
                        </td>
                        <td>
                          <ul className="plain-list">
                            {student.series.map((series) => (
                              <li key={series.series}>{seriesNeedText(series)}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {list.length > NON_COMPLIANT_PAGE_SIZE && (
                <Pagination
                  page={page}
                  pageSize={NON_COMPLIANT_PAGE_SIZE}
                  total={list.length}
                  noun="students"
                  onPageChange={(next) => setPaging({ filterKey, page: next })}
                />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
