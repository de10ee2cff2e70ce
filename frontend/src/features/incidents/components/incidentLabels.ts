import { formatDateTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { Incident } from '../types';

/** Severity class for emphasis (index.css `.badge.severity-*`); the text always says it too. */
export function severityClass(severity: string): string {
  return `severity-${severity.toLowerCase().replace(/_/g, '-')}`;
}

/** "Injury on Mar 2, 2026, 10:05 AM": names one incident for links and headings. */
export function incidentTitle(incident: Pick<Incident, 'type' | 'occurredAt'>): string {
  return `${humanize(incident.type)} on ${formatDateTime(incident.occurredAt)}`;
}

export function parentNotifiedText(incident: Pick<Incident, 'parentNotified'>): string {
  const { notified, method, at } = incident.parentNotified;
  if (!notified) return 'No';
  const how = [method ? humanize(method) : null, at ? formatDateTime(at) : null].filter(Boolean);
  return how.length > 0 ? `Yes (${how.join(', ')})` : 'Yes';
}
