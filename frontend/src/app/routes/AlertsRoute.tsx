import { useMe } from '@/features/auth/api/getMe';
import { OpenAlertsPanel } from '@/features/alerts/components/OpenAlertsPanel';
import { RaiseAlertAction } from '@/features/alerts/components/RaiseAlertAction';
import { CLINICAL_STAFF } from '../auth/roles';

/** Emergency alerts: raise one (nurses and admins) and see who has acknowledged each open one. */
export function AlertsRoute() {
  const me = useMe();
  const canRaise = me.data !== undefined && CLINICAL_STAFF.includes(me.data.role);

  return (
    <section className="stack" aria-labelledby="alerts-heading">
      <h1 id="alerts-heading">Emergency alerts</h1>
      {canRaise && <RaiseAlertAction />}
      <OpenAlertsPanel />
    </section>
  );
}
