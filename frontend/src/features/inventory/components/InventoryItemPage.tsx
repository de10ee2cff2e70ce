import { Link } from 'react-router';
import { useInventoryItem } from '../api/getInventoryItem';
import { useLiveInventory } from '../hooks/useLiveInventory';
import { inventoryPaths } from '../paths';
import type { InventoryItem } from '../types';
import { ExpiryText } from './ExpiryText';
import { StockActions } from './StockActions';
import { categoryText, quantityText, stockStatus } from './stockLabels';
import { TransactionTable } from './TransactionTable';
import './inventory.css';

interface InventoryItemPageProps {
  itemId: string;
  /** Nurses and admins move stock; a viewer sees the item and its ledger. */
  canManage: boolean;
}

/** One item: its count, lot and expiry, the stock actions, and its ledger. */
export function InventoryItemPage({ itemId, canManage }: InventoryItemPageProps) {
  const item = useInventoryItem(itemId);
  useLiveInventory();

  return (
    <div className="stack">
      <p>
        <Link to={inventoryPaths.inventory}>All inventory</Link>
      </p>
      {item.isPending && (
        <p className="muted" role="status">
          Loading the item…
        </p>
      )}
      {item.isError && (
        <>
          <h1>Inventory item</h1>
          <p className="alert alert-error" role="alert">
            {item.error.message}
          </p>
        </>
      )}
      {item.data && <ItemDetails item={item.data} canManage={canManage} />}
    </div>
  );
}

function ItemDetails({ item, canManage }: { item: InventoryItem; canManage: boolean }) {
  const status = stockStatus(item);
  return (
    <section className="stack" aria-labelledby="item-heading">
      <h1 id="item-heading">{item.name}</h1>
      <dl className="facts">
        <div>
          <dt>In stock</dt>
          <dd>
            {quantityText(item.quantity, item.unit)} <span className={status.className}>{status.text}</span>
          </dd>
        </div>
        <div>
          <dt>Reorder at or below</dt>
          <dd>{quantityText(item.reorderLevel, item.unit)}</dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{categoryText(item.category)}</dd>
        </div>
        <div>
          <dt>Current lot</dt>
          <dd>{item.lotNumber ?? '—'}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>
            <ExpiryText item={item} />
          </dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd>{item.location ?? '—'}</dd>
        </div>
      </dl>
      {canManage && <StockActions item={item} />}
      <TransactionTable item={item} />
    </section>
  );
}
