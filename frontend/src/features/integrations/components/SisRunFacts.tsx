import { formatDateTime } from '@/lib/formatDate';
import type { SisRun } from '../types';
import { runStatusLabels, syncModeLabels } from './integrationLabels';

const COUNTS = [
  { key: 'created', label: 'Created' },
  { key: 'updated', label: 'Updated' },
  { key: 'deactivated', label: 'Deactivated' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'skipped', label: 'Skipped' },
] as const;

/** The last roster sync: when, how it ended, and what it changed. */
export function SisRunFacts({ run }: { run: SisRun }) {
  return (
    <dl className="facts" aria-label="Last sync">
      <div>
        <dt>Status</dt>
        <dd>{runStatusLabels[run.status] ?? run.status}</dd>
      </div>
      <div>
        <dt>Mode</dt>
        <dd>{syncModeLabels[run.mode] ?? run.mode}</dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>{formatDateTime(run.startedAt)}</dd>
      </div>
      {run.finishedAt && (
        <div>
          <dt>Finished</dt>
          <dd>{formatDateTime(run.finishedAt)}</dd>
        </div>
      )}
      {COUNTS.map(({ key, label }) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd>{(run[key] ?? 0).toLocaleString()}</dd>
        </div>
      ))}
      {run.error && (
        <div>
          <dt>Error</dt>
          <dd>{run.error}</dd>
        </div>
      )}
    </dl>
  );
}
