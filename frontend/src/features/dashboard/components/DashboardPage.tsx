import type { ReactNode } from 'react';
import { useLiveDashboard } from '../hooks/useLiveDashboard';
import { AlertsPanel } from './AlertsPanel';
import { AppointmentsPanel } from './AppointmentsPanel';
import { CompliancePanel } from './CompliancePanel';
import { IncidentsPanel } from './IncidentsPanel';
import { InventoryPanel } from './InventoryPanel';
import '../dashboard.css';

/** Full pages behind the panels, supplied by the app as those routes exist. */
export interface DashboardLinks {
  appointments?: string;
  incidents?: string;
  /** One incident's page. */
  incident?: (incidentId: string) => string;
  inventory?: string;
  immunizations?: string;
}

interface DashboardPageProps {
  /** The due-doses panel (the medications feature draws it, with its Record flow). */
  dueDoses: ReactNode;
  /** Incidents are refused to viewers: the panel is for nurses and admins only. */
  showIncidents: boolean;
  links?: DashboardLinks;
}

/** The nurse's day at a glance: every panel loads, fails and refreshes on its own. */
export function DashboardPage({ dueDoses, showIncidents, links = {} }: DashboardPageProps) {
  useLiveDashboard();

  return (
    <section className="stack" aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">Dashboard</h1>
      <div className="dashboard-grid">
        <div className="dashboard-panel dashboard-wide">{dueDoses}</div>
        <AlertsPanel />
        <AppointmentsPanel link={links.appointments} />
        {showIncidents && <IncidentsPanel link={links.incidents} incidentLink={links.incident} />}
        <InventoryPanel link={links.inventory} />
        <CompliancePanel link={links.immunizations} />
      </div>
    </section>
  );
}
