import { useMe } from '@/features/auth/api/getMe';
import { AppointmentsPage } from '@/features/appointments/components/AppointmentsPage';
import { CLINICAL_STAFF } from '../auth/roles';

/** The appointments calendar: everyone reads it, nurses and admins book and change visits. */
export function AppointmentsRoute() {
  const me = useMe();
  const canManage = me.data !== undefined && CLINICAL_STAFF.includes(me.data.role);
  return <AppointmentsPage canManage={canManage} />;
}
