import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { paths } from '@/config/paths';
import { adminPaths } from '@/features/admin/paths';
import { EmergencyAlertModal } from '@/features/alerts/components/EmergencyAlertModal';
import { useAwaitingAlerts } from '@/features/alerts/hooks/useAwaitingAlerts';
import { appointmentsPaths } from '@/features/appointments/paths';
import type { Role, User } from '@/features/auth/types';
import { immunizationsPaths } from '@/features/immunizations/paths';
import { incidentsPaths } from '@/features/incidents/paths';
import { integrationsPaths } from '@/features/integrations/paths';
import { inventoryPaths } from '@/features/inventory/paths';
import { medicationsPaths } from '@/features/medications/paths';
import { NotificationsMenu } from '@/features/notifications/components/NotificationsMenu';
import { reportsPaths } from '@/features/reports/paths';
import { CLINICAL_STAFF } from '../auth/roles';
import { signOut } from '../auth/signOut';
import { ConnectionIndicator } from './ConnectionIndicator';

// New sections (medications, incidents, reports…) join this list. `roles` limits who sees a
// link (the server still refuses everyone else); without it, every role does.
const navigation: Array<{ to: string; label: string; roles?: readonly Role[] }> = [
  { to: paths.dashboard, label: 'Dashboard' },
  { to: paths.students, label: 'Students' },
  { to: medicationsPaths.medications, label: 'Medications', roles: CLINICAL_STAFF },
  { to: immunizationsPaths.immunizations, label: 'Immunizations' },
  { to: incidentsPaths.incidents, label: 'Incidents', roles: CLINICAL_STAFF },
  { to: appointmentsPaths.appointments, label: 'Appointments' },
  { to: inventoryPaths.inventory, label: 'Inventory' },
  { to: paths.alerts, label: 'Alerts' },
  { to: reportsPaths.reports, label: 'Reports', roles: CLINICAL_STAFF },
  // The admin links, together: Users, Audit log, Jobs, Integrations.
  { to: adminPaths.users, label: 'Users', roles: ['ADMIN'] },
  { to: adminPaths.auditLog, label: 'Audit log', roles: ['ADMIN'] },
  { to: adminPaths.jobs, label: 'Jobs', roles: ['ADMIN'] },
  { to: integrationsPaths.integrations, label: 'Integrations', roles: ['ADMIN'] },
];

const roleLabels: Record<Role, string> = {
  ADMIN: 'District admin',
  NURSE: 'Nurse',
  VIEWER: 'Viewer',
};

export function AppLayout({ user }: { user: User }) {
  const queryClient = useQueryClient();
  // Every screen: an open alert this user has not acknowledged covers the page until they do.
  const awaiting = useAwaitingAlerts(user.id);
  const [emergency] = awaiting;

  return (
    <>
      <div className="app-shell" inert={emergency !== undefined}>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {/* Two rows, in reading order: the bar (name, connection, user), then the navigation,
            which wraps on its own line however many sections a role sees. */}
        <header className="app-header">
          <div className="app-bar">
            <p className="app-name">White Cross</p>
            <ConnectionIndicator />
            <div className="user-menu">
              <NotificationsMenu />
              <p className="user-identity">
                <span className="user-name">{user.name}</span>{' '}
                <span className="role-badge">{roleLabels[user.role] ?? user.role}</span>
              </p>
              <button type="button" className="button" onClick={() => signOut(queryClient)}>
                Log out
              </button>
            </div>
          </div>
          <nav aria-label="Main" className="main-nav">
            <ul className="nav-list">
              {navigation
                .filter((item) => !item.roles || item.roles.includes(user.role))
                .map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} className="nav-link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      {emergency && <EmergencyAlertModal alert={emergency} waiting={awaiting.length - 1} />}
    </>
  );
}
