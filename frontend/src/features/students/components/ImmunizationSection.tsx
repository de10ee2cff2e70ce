import type { ReactNode } from 'react';
import { formatCalendarDate } from '@/lib/formatDate';
import type { ImmunizationRecord, ImmunizationSection as Section } from '../types';
import { ProfileSection } from './ProfileSection';

function vaccineText(record: ImmunizationRecord): string {
  const series = record.series?.length ? ` (${record.series.join(', ')})` : '';
  return `${record.vaccineName ?? `CVX ${record.cvxCode}`}${series}`;
}

interface ImmunizationSectionProps {
  immunizations: Section | undefined;
  /** The compliance status per series, from the immunizations feature. */
  status?: ReactNode;
}

export function ImmunizationSection({ immunizations, status }: ImmunizationSectionProps) {
  const records = immunizations === undefined ? undefined : (immunizations.records ?? []);
  const empty =
    records === undefined
      ? 'Immunization records are not available.'
      : records.length === 0
        ? 'No immunizations recorded.'
        : null;
  return (
    <ProfileSection title="Immunizations" emptyText={empty}>
      {status}
      {records && records.length > 0 && (
        // Titled: under the registry panel, an untitled table read as part of the registry.
        <div className="stack">
          <h3>Doses on record</h3>
          <div className="table-wrapper">
            <table>
              <caption className="visually-hidden">Immunization records</caption>
              <thead>
                <tr>
                  <th scope="col">Given on</th>
                  <th scope="col">Vaccine</th>
                  <th scope="col">Dose</th>
                </tr>
              </thead>
              <tbody>
                {records.map((record) => (
                  <tr key={record.id}>
                    <td>
                      <time dateTime={record.administeredOn}>
                        {formatCalendarDate(record.administeredOn)}
                      </time>
                    </td>
                    <td>{vaccineText(record)}</td>
                    <td>{record.doseNumber ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </ProfileSection>
  );
}
