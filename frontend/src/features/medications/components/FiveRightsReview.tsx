import { formatDateTime, formatTime, fromDateTimeLocalValue } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { DosePrescription, DoseStudent } from '../types';
import { medicationLabel } from './medicationLabel';

interface FiveRightsReviewProps {
  student: DoseStudent;
  prescription: DosePrescription;
  dose: string;
  route: string;
  administeredAt: string;
  /** The scheduled time (ISO) of the dose being recorded, when it is one of today's slots. */
  scheduledFor?: string;
}

function initials(student: DoseStudent): string {
  return `${student.firstName.charAt(0)}${student.lastName.charAt(0)}`.toUpperCase();
}

/** Right student, medication, dose, route and time, side by side before the nurse confirms. */
export function FiveRightsReview({
  student,
  prescription,
  dose,
  route,
  administeredAt,
  scheduledFor,
}: FiveRightsReviewProps) {
  const when = fromDateTimeLocalValue(administeredAt);
  return (
    <div className="five-rights">
      <div className="photo-placeholder" role="img" aria-label={`No photo on file for ${student.firstName}`}>
        {initials(student)}
      </div>
      <dl className="facts">
        <div>
          <dt>Student</dt>
          <dd>
            {student.firstName} {student.lastName}
          </dd>
        </div>
        <div>
          <dt>Medication</dt>
          <dd>{medicationLabel(prescription)}</dd>
        </div>
        <div>
          <dt>Dose</dt>
          <dd>{dose.trim() || '—'}</dd>
        </div>
        <div>
          <dt>Route</dt>
          <dd>{route.trim() ? humanize(route.trim()) : '—'}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{when ? formatDateTime(when) : '—'}</dd>
        </div>
        {scheduledFor && (
          <div>
            <dt>Scheduled for</dt>
            <dd>
              <time dateTime={scheduledFor}>{formatTime(scheduledFor)}</time>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
