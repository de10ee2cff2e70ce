import type { CircuitState, SisRunStatus, SisSyncMode } from '../types';

/** What each circuit state means to an admin; the state is always a word, never a colour alone. */
export const circuitLabels: Record<CircuitState, string> = {
  closed: 'Closed',
  open: 'Open',
  'half-open': 'Half-open',
};

export const circuitHints: Record<CircuitState, string> = {
  closed: 'requests go through',
  open: 'failing fast after repeated failures',
  'half-open': 'trying one request',
};

const integrationNames: Record<string, string> = {
  sis: 'Student information system (OneRoster)',
  'state-registry': 'State immunization registry',
  medicaid: 'Medicaid eligibility (X12 270/271)',
};

/** A client's readable name; one this page does not know is shown as the server names it. */
export function integrationName(name: string): string {
  return integrationNames[name] ?? name;
}

export const runStatusLabels: Record<SisRunStatus, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export const syncModeLabels: Record<SisSyncMode, string> = {
  delta: 'Changes since the last sync',
  full: 'Full roster',
};
