import { ActionPanel } from '@/components/ActionPanel';
import { Pagination } from '@/components/Pagination';
import { useInventory } from '../api/getInventory';
import { useInventoryFilters } from '../hooks/useInventoryFilters';
import { useLiveInventory } from '../hooks/useLiveInventory';
import { CreateItemForm } from './CreateItemForm';
import { InventoryFilters } from './InventoryFilters';
import { InventoryTable } from './InventoryTable';
import './inventory.css';

interface InventoryPageProps {
  /** Nurses and admins add items and move stock; a viewer sees the counts only. */
  canManage: boolean;
}

/** Stock on hand across the organization, with what is low and what is about to expire. */
export function InventoryPage({ canManage }: InventoryPageProps) {
  const filters = useInventoryFilters();
  const inventory = useInventory(filters.query);
  useLiveInventory();
  const result = inventory.data;

  return (
    <section className="stack" aria-labelledby="inventory-heading">
      <h1 id="inventory-heading">Inventory</h1>
      {canManage && (
        <ActionPanel
          label="Add item"
          renderForm={({ close, succeed }) => (
            <CreateItemForm onCancel={close} onCreated={(item) => succeed(`${item.name} added.`)} />
          )}
        />
      )}
      <InventoryFilters filters={filters.filters} onChange={filters.setFilter} />
      {inventory.isError && (
        <p className="alert alert-error" role="alert">
          {inventory.error.message}
        </p>
      )}
      {inventory.isPending && (
        <p className="muted" role="status">
          Loading inventory…
        </p>
      )}
      {result && result.data.length === 0 && (
        <p className="muted" role="status">
          No items match these filters.
        </p>
      )}
      {result && result.data.length > 0 && (
        <>
          <InventoryTable items={result.data} busy={inventory.isPlaceholderData} />
          <Pagination
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            noun="items"
            onPageChange={filters.setPage}
            disabled={inventory.isPlaceholderData}
          />
        </>
      )}
    </section>
  );
}
