import { formatCalendarDate } from '@/lib/formatDate';
import { useSchools } from '@/services/api/getSchools';
import { useCompliance } from '../api/getCompliance';
import { useComplianceFilters } from '../hooks/useComplianceFilters';
import { useLiveCompliance } from '../hooks/useLiveCompliance';
import { ComplianceFilters } from './ComplianceFilters';
import { ComplianceReportButton } from './ComplianceReportButton';
import { ComplianceTable } from './ComplianceTable';
import { complianceSummaryText } from './complianceText';
import { NonCompliantList } from './NonCompliantList';

/** School-entry compliance across the district, and the students who still need doses. */
export function ImmunizationsPage() {
  const filters = useComplianceFilters();
  const schools = useSchools();
  const compliance = useCompliance(filters.query);
  useLiveCompliance();
  const report = compliance.data;

  return (
    <section className="stack" aria-labelledby="immunizations-heading">
      <h1 id="immunizations-heading">Immunizations</h1>
      <ComplianceFilters
        values={filters.values}
        onChange={filters.setValue}
        schools={schools.data}
        schoolsError={schools.isError ? `Schools could not be listed: ${schools.error.message}` : null}
      />
      <ComplianceReportButton query={filters.query} />
      <section className="stack" aria-labelledby="compliance-heading">
        <h2 id="compliance-heading">Compliance by school and grade</h2>
        {compliance.isError && (
          <p className="alert alert-error" role="alert">
            {compliance.error.message}
          </p>
        )}
        {compliance.isPending && (
          <p className="muted" role="status">
            Loading compliance…
          </p>
        )}
        {report && (
          <>
            <p className="muted">
              As of <time dateTime={report.asOf}>{formatCalendarDate(report.asOf)}</time>, by the rules of{' '}
              {report.ruleSet.name}.
            </p>
            {report.total === 0 ? (
              <p className="muted" role="status">
                No active students match these filters.
              </p>
            ) : (
              <>
                <p>{complianceSummaryText(report)}</p>
                <ComplianceTable report={report} busy={compliance.isPlaceholderData} />
              </>
            )}
          </>
        )}
      </section>
      <NonCompliantList query={filters.query} />
    </section>
  );
}
