import { Link } from 'react-router';
import { inventoryItemPath } from '../paths';
import type { InventoryItem } from '../types';
import { ExpiryText } from './ExpiryText';
import { categoryText, quantityText, stockStatus } from './stockLabels';

interface InventoryTableProps {
  items: InventoryItem[];
  busy: boolean;
}

export function InventoryTable({ items, busy }: InventoryTableProps) {
  return (
    <div className="table-wrapper">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Inventory items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Category</th>
            <th scope="col">In stock</th>
            <th scope="col">Reorder at</th>
            <th scope="col">Stock</th>
            <th scope="col">Expires</th>
            <th scope="col">Location</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const status = stockStatus(item);
            return (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={inventoryItemPath(item.id)}>{item.name}</Link>
                </th>
                <td>{categoryText(item.category)}</td>
                <td>{quantityText(item.quantity, item.unit)}</td>
                <td>{quantityText(item.reorderLevel, item.unit)}</td>
                <td>
                  <span className={status.className}>{status.text}</span>
                </td>
                <td>
                  <ExpiryText item={item} />
                </td>
                <td>{item.location ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
