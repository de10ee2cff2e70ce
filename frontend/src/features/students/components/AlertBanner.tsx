import { useId } from 'react';
import { humanize } from '@/lib/humanize';
import type { Allergy, StudentAlert } from '../types';
import { alertKindLabel, severityClass } from './AlertBadge';

/** "Peanut (life-threatening)" already says the severity, which the banner puts first. */
function labelWithoutSeverity(alert: StudentAlert): string {
  const suffix = `(${humanize(alert.severity).toLowerCase()})`;
  const label = alert.label.trim();
  return label.toLowerCase().endsWith(suffix) ? label.slice(0, -suffix.length).trim() : label;
}

function epiPenNote(alert: StudentAlert, allergies: readonly Allergy[]): string {
  if (alert.kind !== 'ALLERGY') return '';
  const label = alert.label.toLowerCase();
  const allergy = allergies.find((a) => a.epiPenRequired && label.startsWith(a.allergen.toLowerCase()));
  if (!allergy) return '';
  return allergy.epiPenLocation ? ` — EpiPen in ${allergy.epiPenLocation}` : ' — EpiPen required';
}

export function alertText(alert: StudentAlert, allergies: readonly Allergy[] = []): string {
  const heading = `${humanize(alert.severity)} ${alertKindLabel(alert.kind)}`.toUpperCase();
  return `${heading}: ${labelWithoutSeverity(alert)}${epiPenNote(alert, allergies)}`;
}

interface AlertBannerProps {
  alerts: readonly StudentAlert[];
  allergies?: readonly Allergy[];
}

/** What could harm the child, first thing on the page and announced to screen readers. */
export function AlertBanner({ alerts, allergies = [] }: AlertBannerProps) {
  const headingId = useId();
  if (alerts.length === 0) {
    return <p className="muted">No health alerts on file.</p>;
  }
  return (
    <section className="alert-banner" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId}>Health alerts</h2>
      <ul>
        {alerts.map((alert, index) => (
          <li key={`${alert.kind}-${index}`} className={severityClass(alert.severity)}>
            {alertText(alert, allergies)}
          </li>
        ))}
      </ul>
    </section>
  );
}
