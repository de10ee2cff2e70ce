import { formatCalendarDate } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { Allergy } from '../types';
import { severityClass } from './AlertBadge';
import { emptyState, ProfileSection } from './ProfileSection';

function epiPen(allergy: Allergy): string {
  if (!allergy.epiPenRequired) return 'Not required';
  const where = allergy.epiPenLocation ? `In ${allergy.epiPenLocation}` : 'Required';
  return allergy.epiPenExpiresOn
    ? `${where} (expires ${formatCalendarDate(allergy.epiPenExpiresOn)})`
    : where;
}

export function AllergySection({ allergies }: { allergies: Allergy[] | undefined }) {
  const empty = emptyState(allergies, {
    missing: 'Allergy information is not available.',
    empty: 'No known allergies.',
  });
  return (
    <ProfileSection title="Allergies" emptyText={empty}>
      {allergies && allergies.length > 0 && (
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">Allergies</caption>
            <thead>
              <tr>
                <th scope="col">Allergen</th>
                <th scope="col">Severity</th>
                <th scope="col">Type</th>
                <th scope="col">Reactions</th>
                <th scope="col">EpiPen</th>
                <th scope="col">Emergency protocol</th>
              </tr>
            </thead>
            <tbody>
              {allergies.map((allergy) => (
                <tr key={allergy.id}>
                  <th scope="row">{allergy.allergen}</th>
                  <td>
                    <span className={`badge ${severityClass(allergy.severity)}`}>
                      {humanize(allergy.severity)}
                    </span>
                  </td>
                  <td>{allergy.allergyType ? humanize(allergy.allergyType) : '—'}</td>
                  <td>{allergy.reactions?.length ? allergy.reactions.join(', ') : '—'}</td>
                  <td>{epiPen(allergy)}</td>
                  <td>{allergy.emergencyProtocol || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ProfileSection>
  );
}
