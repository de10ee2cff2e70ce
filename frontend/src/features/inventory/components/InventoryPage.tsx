import { ActionPanel } from '@/components/ActionPanel';
import { PagedResults } from '@/components/PagedResults';
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
      <PagedResults
        query={inventory}
        noun="items"
        loadingText="Loading inventory…"
        onPageChange={filters.setPage}
      >
        {(rows, busy) => <InventoryTable items={rows} busy={busy} />}
      </PagedResults>
    </section>
  );
}
