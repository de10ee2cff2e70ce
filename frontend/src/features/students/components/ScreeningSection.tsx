import { formatCalendarDate } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { Screening } from '../types';
import { emptyState, ProfileSection } from './ProfileSection';

export function ScreeningSection({ screenings }: { screenings: Screening[] | undefined }) {
  const empty = emptyState(screenings, {
    missing: 'Screening results are not available.',
    empty: 'No screenings recorded.',
  });
  return (
    <ProfileSection title="Screenings" emptyText={empty}>
      {screenings && screenings.length > 0 && (
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">Screenings</caption>
            <thead>
              <tr>
                <th scope="col">Screening</th>
                <th scope="col">Date</th>
                <th scope="col">Result</th>
                <th scope="col">Referral</th>
              </tr>
            </thead>
            <tbody>
              {screenings.map((screening) => (
                <tr key={screening.id}>
                  <th scope="row">{humanize(screening.type)}</th>
                  <td>
                    <time dateTime={screening.screenedOn}>{formatCalendarDate(screening.screenedOn)}</time>
                  </td>
                  <td>{humanize(screening.result)}</td>
                  <td>{screening.referral ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ProfileSection>
  );
}
