import type { QueueSummary } from '../types';

const COUNTS = [
  { key: 'waiting', label: 'Waiting' },
  { key: 'active', label: 'Active' },
  { key: 'completed', label: 'Completed' },
  { key: 'failed', label: 'Failed' },
  { key: 'delayed', label: 'Delayed' },
] as const;

interface QueueTableProps {
  queues: QueueSummary[];
  busy: boolean;
}

export function QueueTable({ queues, busy }: QueueTableProps) {
  return (
    <div className="table-wrapper">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Job queues</caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            {COUNTS.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">Paused</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((queue) => (
            <tr key={queue.name}>
              {/* As bull-board names it, so the same queue is easy to find in the dashboard. */}
              <th scope="row">{queue.name}</th>
              {COUNTS.map((column) => (
                <td key={column.key}>
                  {column.key === 'failed' && queue.failed > 0 ? (
                    <strong>{queue.failed.toLocaleString()}</strong>
                  ) : (
                    queue[column.key].toLocaleString()
                  )}
                </td>
              ))}
              <td>{queue.paused ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
