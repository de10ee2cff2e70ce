import { useState } from 'react';
import { Pagination } from '@/components/Pagination';
import { formatCalendarDate, formatDateTime } from '@/lib/formatDate';
import { useStockTransactions } from '../api/getStockTransactions';
import type { InventoryItem } from '../types';
import { ReconcileCheck } from './ReconcileCheck';
import { transactionLabels } from './stockLabels';

function signed(change: number): string {
  return change > 0 ? `+${change.toLocaleString()}` : `−${Math.abs(change).toLocaleString()}`;
}

/** The item's ledger, newest first: every delivery, dose, correction and disposal. */
export function TransactionTable({ item }: { item: InventoryItem }) {
  const [page, setPage] = useState(1);
  const transactions = useStockTransactions(item.id, page);
  const result = transactions.data;

  return (
    <section className="stack profile-section" aria-labelledby="transactions-heading">
      <h2 id="transactions-heading">Stock movements</h2>
      <ReconcileCheck item={item} />
      {transactions.isError && (
        <p className="alert alert-error" role="alert">
          {transactions.error.message}
        </p>
      )}
      {transactions.isPending && (
        <p className="muted" role="status">
          Loading stock movements…
        </p>
      )}
      {result && result.data.length === 0 && <p className="muted">No stock movements recorded yet.</p>}
      {result && result.data.length > 0 && (
        <>
          <div className="table-wrapper">
            <table aria-busy={transactions.isPlaceholderData}>
              <caption className="visually-hidden">Stock movements of {item.name}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Change ({item.unit})</th>
                  <th scope="col">Lot</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Reason or note</th>
                </tr>
              </thead>
              <tbody>
                {result.data.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time>
                    </th>
                    <td>{transactionLabels[row.type] ?? row.type}</td>
                    <td className="quantity-change">{signed(row.quantityChange)}</td>
                    <td>{row.lotNumber ?? '—'}</td>
                    <td>{row.expiresOn ? formatCalendarDate(row.expiresOn) : '—'}</td>
                    <td>{row.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            noun="movements"
            onPageChange={setPage}
            disabled={transactions.isPlaceholderData}
          />
        </>
      )}
    </section>
  );
}
