import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/getMe';
import { IncidentDetailPage } from '@/features/incidents/components/IncidentDetailPage';
import { IncidentsPage } from '@/features/incidents/components/IncidentsPage';
import { CLINICAL_STAFF } from '../auth/roles';

function useIsClinicalStaff(): boolean {
  const me = useMe();
  return me.data !== undefined && CLINICAL_STAFF.includes(me.data.role);
}

/** The incident list; nurses and admins also record incidents from here. */
export function IncidentsRoute() {
  return <IncidentsPage canRecord={useIsClinicalStaff()} />;
}

/** One incident report, its PDF and its follow-up. */
export function IncidentRoute() {
  const { incidentId = '' } = useParams();
  return <IncidentDetailPage key={incidentId} incidentId={incidentId} canEdit={useIsClinicalStaff()} />;
}
