import { useMe } from '@/features/auth/api/getMe';
import { MedicationsPage } from '@/features/medications/components/MedicationsPage';
import { CLINICAL_STAFF } from '../auth/roles';

/** Today's MAR; only nurses and admins may record a dose (the server refuses viewers). */
export function MedicationsRoute() {
  const me = useMe();
  const canRecord = me.data !== undefined && CLINICAL_STAFF.includes(me.data.role);
  return <MedicationsPage canRecord={canRecord} />;
}
