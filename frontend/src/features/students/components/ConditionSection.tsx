import { humanize } from '@/lib/humanize';
import type { Condition } from '../types';
import { emptyState, ProfileSection } from './ProfileSection';

export function ConditionSection({ conditions }: { conditions: Condition[] | undefined }) {
  const empty = emptyState(conditions, {
    missing: 'Condition information is not available.',
    empty: 'No chronic conditions recorded.',
  });
  return (
    <ProfileSection title="Conditions" emptyText={empty}>
      {conditions && conditions.length > 0 && (
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">Chronic conditions</caption>
            <thead>
              <tr>
                <th scope="col">Condition</th>
                <th scope="col">Status</th>
                <th scope="col">Action plan</th>
                <th scope="col">Accommodations</th>
                <th scope="col">Triggers</th>
              </tr>
            </thead>
            <tbody>
              {conditions.map((condition) => (
                <tr key={condition.id}>
                  <th scope="row">
                    {condition.condition}
                    {condition.icd10Code && <span className="muted"> ({condition.icd10Code})</span>}
                  </th>
                  <td>{condition.status ? humanize(condition.status) : '—'}</td>
                  <td>{condition.actionPlan || '—'}</td>
                  <td>{condition.accommodations || '—'}</td>
                  <td>{condition.triggers?.length ? condition.triggers.join(', ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ProfileSection>
  );
}
