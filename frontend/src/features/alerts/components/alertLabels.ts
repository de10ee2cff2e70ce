import { humanize } from '@/lib/humanize';
import type { EmergencyAlert } from '../types';

export function alertTitle(alert: Pick<EmergencyAlert, 'type'>): string {
  return `EMERGENCY: ${humanize(alert.type)}`;
}

/** Severity in words (the badge's colour only adds emphasis). */
export function severityText(alert: Pick<EmergencyAlert, 'severity'>): string {
  return `Severity: ${humanize(alert.severity)}`;
}

export function severityClass(severity: string): string {
  return `severity-${severity.toLowerCase()}`;
}
