import { appointmentsPaths } from '@/features/appointments/paths';
import { useMe } from '@/features/auth/api/getMe';
import { DashboardPage, type DashboardLinks } from '@/features/dashboard/components/DashboardPage';
import { immunizationsPaths } from '@/features/immunizations/paths';
import { incidentPath, incidentsPaths } from '@/features/incidents/paths';
import { inventoryPaths } from '@/features/inventory/paths';
import { DueDosesPanel } from '@/features/medications/components/DueDosesPanel';
import { CLINICAL_STAFF } from '../auth/roles';

/**
 * The home page: the dashboard feature draws the panels and this route plugs in the due
 * doses from the medications feature (features never import each other). Viewers see the
 * doses without "Record" and no incidents, which the server refuses them.
 */
const links: DashboardLinks = {
  appointments: appointmentsPaths.appointments,
  incidents: incidentsPaths.incidents,
  incident: incidentPath,
  inventory: inventoryPaths.inventory,
  immunizations: immunizationsPaths.immunizations,
};

export function DashboardRoute() {
  const me = useMe();
  const clinical = me.data !== undefined && CLINICAL_STAFF.includes(me.data.role);

  return (
    <DashboardPage showIncidents={clinical} dueDoses={<DueDosesPanel canRecord={clinical} />} links={links} />
  );
}
