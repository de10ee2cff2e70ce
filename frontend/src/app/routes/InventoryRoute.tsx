import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/getMe';
import { InventoryItemPage } from '@/features/inventory/components/InventoryItemPage';
import { InventoryPage } from '@/features/inventory/components/InventoryPage';
import { CLINICAL_STAFF } from '../auth/roles';

function useCanManageStock(): boolean {
  const me = useMe();
  return me.data !== undefined && CLINICAL_STAFF.includes(me.data.role);
}

/** Stock on hand: everyone reads it, nurses and admins add items and move stock. */
export function InventoryRoute() {
  return <InventoryPage canManage={useCanManageStock()} />;
}

/** One item, its stock movements and (nurses and admins) the stock actions. */
export function InventoryItemRoute() {
  const { itemId = '' } = useParams();
  return <InventoryItemPage key={itemId} itemId={itemId} canManage={useCanManageStock()} />;
}
