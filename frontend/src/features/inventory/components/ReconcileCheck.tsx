import { useState } from 'react';
import { useReconciliation } from '../api/checkReconciliation';
import type { InventoryItem } from '../types';
import { quantityText } from './stockLabels';

/** Asks the server whether the count equals the sum of the ledger, and says the answer in words. */
export function ReconcileCheck({ item }: { item: InventoryItem }) {
  const [asked, setAsked] = useState(false);
  const check = useReconciliation(item.id, asked);
  const result = check.data;

  let message = '';
  if (check.isFetching) message = 'Checking the count against the ledger…';
  else if (result?.consistent)
    message = `The count matches the ledger: ${quantityText(result.quantity, item.unit)}.`;
  else if (result)
    message = `The count does not match the ledger: the count says ${quantityText(result.quantity, item.unit)}, the stock movements add up to ${quantityText(result.sumOfTransactions, item.unit)}. Tell an administrator.`;

  return (
    <div className="stack">
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={() => (asked ? void check.refetch() : setAsked(true))}
          disabled={check.isFetching}
        >
          Check the count against the ledger
        </button>
      </div>
      <p className={result && !result.consistent ? 'alert alert-error' : 'muted'} role="status">
        {message}
      </p>
      {check.isError && (
        <p className="alert alert-error" role="alert">
          The count could not be checked: {check.error.message}
        </p>
      )}
    </div>
  );
}
