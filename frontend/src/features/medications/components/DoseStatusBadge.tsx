import type { DoseStatus } from '../types';

const LABELS: Record<DoseStatus, { icon: string; text: string; className: string }> = {
  OVERDUE: { icon: '▲', text: 'Overdue', className: 'status-overdue' },
  DUE: { icon: '●', text: 'Due now', className: 'status-due' },
  UPCOMING: { icon: '○', text: 'Not due yet', className: 'status-upcoming' },
  GIVEN: { icon: '✓', text: 'Given', className: 'status-given' },
  REFUSED: { icon: '✕', text: 'Refused', className: 'status-not-given' },
  MISSED: { icon: '–', text: 'Missed', className: 'status-not-given' },
  HELD: { icon: '‖', text: 'Held', className: 'status-not-given' },
};

export function doseStatusText(status: DoseStatus): string {
  return LABELS[status].text;
}

/** The status in words with a shape beside it; the colour only adds emphasis. */
export function DoseStatusBadge({ status }: { status: DoseStatus }) {
  const { icon, text, className } = LABELS[status];
  return (
    <span className={`badge ${className}`}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}
