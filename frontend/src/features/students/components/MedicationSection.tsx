import { useId, type ReactNode } from 'react';
import { formatCalendarDate, formatDateTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { Prescription } from '../types';
import { emptyState, ProfileSection } from './ProfileSection';

export function medicationTitle(prescription: Prescription): string {
  const { name, strength, form } = prescription.medication;
  return [name, strength, form ? humanize(form).toLowerCase() : null].filter(Boolean).join(' ');
}

function schedule(prescription: Prescription): string {
  const times = prescription.scheduleTimes ?? [];
  const parts: string[] = [];
  if (times.length > 0) parts.push(`Daily at ${times.join(', ')}`);
  if (prescription.prn) {
    parts.push(
      prescription.minIntervalMinutes
        ? `As needed, at least ${prescription.minIntervalMinutes} minutes apart`
        : 'As needed',
    );
  }
  return parts.length > 0 ? parts.join('; ') : 'No schedule';
}

function MedicationItem({ prescription, action }: { prescription: Prescription; action?: ReactNode }) {
  const headingId = useId();
  const controlled = prescription.medication.controlledSchedule;
  return (
    <li>
      <article className="medication stack" aria-labelledby={headingId}>
        <h3 id={headingId}>{medicationTitle(prescription)}</h3>
        <dl className="facts">
          <div>
            <dt>Dose</dt>
            <dd>{prescription.dose}</dd>
          </div>
          <div>
            <dt>Route</dt>
            <dd>{humanize(prescription.route)}</dd>
          </div>
          <div>
            <dt>Schedule</dt>
            <dd>{schedule(prescription)}</dd>
          </div>
          {prescription.dosesOnHand !== undefined && prescription.dosesOnHand !== null && (
            <div>
              <dt>Doses on hand</dt>
              <dd>{prescription.dosesOnHand}</dd>
            </div>
          )}
          {controlled && (
            <div>
              <dt>Controlled substance</dt>
              <dd>Schedule {controlled}</dd>
            </div>
          )}
          {prescription.lastAdministration && (
            <div>
              <dt>Last recorded</dt>
              <dd>
                {humanize(prescription.lastAdministration.status)}
                {prescription.lastAdministration.dose ? ` ${prescription.lastAdministration.dose}` : ''},{' '}
                <time dateTime={prescription.lastAdministration.administeredAt}>
                  {formatDateTime(prescription.lastAdministration.administeredAt)}
                </time>
              </dd>
            </div>
          )}
          {prescription.startDate && (
            <div>
              <dt>Dates</dt>
              <dd>
                From {formatCalendarDate(prescription.startDate)}
                {prescription.endDate ? ` to ${formatCalendarDate(prescription.endDate)}` : ''}
              </dd>
            </div>
          )}
        </dl>
        {prescription.instructions && <p>Instructions: {prescription.instructions}</p>}
        {action}
      </article>
    </li>
  );
}

interface MedicationSectionProps {
  medications: Prescription[] | undefined;
  renderAction?: (prescription: Prescription) => ReactNode;
}

export function MedicationSection({ medications, renderAction }: MedicationSectionProps) {
  const empty = emptyState(medications, {
    missing: 'Medication information is not available.',
    empty: 'No active prescriptions.',
  });
  return (
    <ProfileSection title="Medications" emptyText={empty}>
      {medications && medications.length > 0 && (
        <ul className="plain-list stack">
          {medications.map((prescription) => (
            <MedicationItem
              key={prescription.id}
              prescription={prescription}
              action={renderAction?.(prescription)}
            />
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}
