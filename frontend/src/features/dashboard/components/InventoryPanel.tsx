import { useId, type ReactNode } from 'react';
import { formatCalendarDate } from '@/lib/formatDate';
import { EXPIRING_WITHIN_DAYS, useExpiringItems, useLowStock } from '../api/getInventory';
import type { InventoryItem, Page } from '../types';
import { DashboardPanel, QueryStatus } from './DashboardPanel';

function stockText(item: InventoryItem): string {
  return `${item.quantity} ${item.unit} left (reorder at ${item.reorderLevel})`;
}

function expiryText(item: InventoryItem): string {
  if (!item.expiresOn) return 'No expiry date';
  const date = formatCalendarDate(item.expiresOn);
  return item.expired ? `Expired on ${date}` : `Expires on ${date}`;
}

interface ItemListProps {
  title: string;
  query: { data?: Page<InventoryItem>; isPending: boolean; error: Error | null };
  emptyText: string;
  describe: (item: InventoryItem) => ReactNode;
}

function ItemList({ title, query, emptyText, describe }: ItemListProps) {
  const headingId = useId();
  const page = query.data;
  return (
    <section className="stack dashboard-subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title}
        {page ? ` (${page.total})` : ''}
      </h3>
      <QueryStatus
        isPending={query.isPending}
        error={query.error}
        loadingText={`Loading ${title.toLowerCase()}…`}
      />
      {page && page.data.length === 0 && <p className="muted">{emptyText}</p>}
      {page && page.data.length > 0 && (
        <ul className="plain-list dashboard-list">
          {page.data.map((item) => (
            <li key={item.id} className="dashboard-item">
              <strong>{item.name}</strong>: {describe(item)}
              {item.location ? <span className="muted"> · {item.location}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {page && page.total > page.data.length && (
        <p className="muted">
          Showing {page.data.length} of {page.total}.
        </p>
      )}
    </section>
  );
}

/** Stock to reorder and stock to use or throw away soon. */
export function InventoryPanel({ link }: { link?: string }) {
  const lowStock = useLowStock();
  const expiring = useExpiringItems();

  return (
    <DashboardPanel
      title="Inventory to act on"
      link={link ? { to: link, label: 'All inventory' } : undefined}
    >
      <ItemList
        title="Low stock"
        query={lowStock}
        emptyText="Nothing is at or below its reorder level."
        describe={stockText}
      />
      <ItemList
        title={`Expired or expiring within ${EXPIRING_WITHIN_DAYS} days`}
        query={expiring}
        emptyText={`Nothing expires within ${EXPIRING_WITHIN_DAYS} days.`}
        describe={(item) => (
          <span className={item.expired ? 'expired-text' : undefined}>
            {item.expired && <span aria-hidden="true">▲ </span>}
            {expiryText(item)}
          </span>
        )}
      />
    </DashboardPanel>
  );
}
