import { formatCalendarDate, formatDateTime } from '@/lib/formatDate';
import { isApiError } from '@/services/api/ApiError';
import {
  useCheckMedicaidEligibility,
  useMedicaidEligibility,
  type MedicaidCoverage,
  type MedicaidEligibilityCheck,
} from '../api/medicaidEligibility';
import { ProfileSection } from './ProfileSection';

const coverageLabels: Record<MedicaidCoverage, string> = {
  active: 'Active',
  inactive: 'Not active',
  unknown: 'Unknown',
};

function period(check: MedicaidEligibilityCheck): string | null {
  const { coverageStart: start, coverageEnd: end } = check;
  if (start && end) return `${formatCalendarDate(start)} to ${formatCalendarDate(end)}`;
  if (start) return `from ${formatCalendarDate(start)}`;
  if (end) return `until ${formatCalendarDate(end)}`;
  return null;
}

function LatestCheck({ check }: { check: MedicaidEligibilityCheck }) {
  const coverPeriod = period(check);
  return (
    <dl className="facts" aria-label="Latest Medicaid check">
      <div>
        <dt>Coverage</dt>
        <dd>
          <strong>{coverageLabels[check.coverage] ?? check.coverage}</strong>
        </dd>
      </div>
      {check.planName && (
        <div>
          <dt>Plan</dt>
          <dd>{check.planName}</dd>
        </div>
      )}
      {coverPeriod && (
        <div>
          <dt>Period</dt>
          <dd>{coverPeriod}</dd>
        </div>
      )}
      {check.rejection && (
        <div>
          <dt>Payer could not answer</dt>
          <dd>{check.rejection}</dd>
        </div>
      )}
      <div>
        <dt>Checked</dt>
        <dd>
          <time dateTime={check.checkedAt}>{formatDateTime(check.checkedAt)}</time>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The student's Medicaid coverage as last checked, and "Check now" (the server asks the payer
 * with an X12 270 and stores its answer). Hidden from a role the server refuses (403).
 */
export function MedicaidEligibilitySection({ studentId }: { studentId: string }) {
  const eligibility = useMedicaidEligibility(studentId);
  const check = useCheckMedicaidEligibility(studentId);

  if (isApiError(eligibility.error) && eligibility.error.status === 403) return null;
  const data = eligibility.data;
  let emptyText: string | null = null;
  if (eligibility.isPending) emptyText = 'Loading…';
  else if (data && !data.latest) emptyText = 'Never checked.';

  return (
    <ProfileSection title="Medicaid eligibility" emptyText={emptyText}>
      {eligibility.isError && (
        <p className="alert alert-error" role="alert">
          Medicaid eligibility could not be loaded: {eligibility.error.message}
        </p>
      )}
      {data?.latest && <LatestCheck check={data.latest} />}
      {data && (
        <p className="muted">
          {data.medicaidId
            ? `Medicaid id on file: ${data.medicaidId}.`
            : 'No Medicaid id on file: the check searches by name and date of birth.'}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={() => check.mutate()}
          disabled={check.isPending || eligibility.isPending}
          aria-busy={check.isPending}
        >
          Check now
        </button>
        {/* Always present, so the change of text is announced. */}
        <span className="muted" role="status">
          {check.isPending ? 'Asking Medicaid…' : ''}
        </span>
      </div>
      {check.isError && (
        <p className="alert alert-error" role="alert">
          The eligibility check failed: {check.error.message}
        </p>
      )}
    </ProfileSection>
  );
}
