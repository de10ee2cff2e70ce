import { useEffect, useRef, useState } from 'react';
import type { InventoryItem, StockTransactionType } from '../types';
import { StockChangeForm } from './StockChangeForm';

const stockActions: Array<{ type: StockTransactionType; label: string; done: string }> = [
  { type: 'RECEIVE', label: 'Receive', done: 'Delivery recorded.' },
  { type: 'DISPENSE', label: 'Dispense', done: 'Dispensing recorded.' },
  { type: 'ADJUST', label: 'Adjust count', done: 'Adjustment recorded.' },
  { type: 'WASTE', label: 'Dispose of', done: 'Disposal recorded.' },
];

/**
 * The four stock movements as a row of buttons sharing one form panel below them (like
 * ActionPanel, for several buttons): focus returns to the button whose form closed.
 */
export function StockActions({ item }: { item: InventoryItem }) {
  const [panel, setPanel] = useState<{
    open: StockTransactionType | null;
    closed: StockTransactionType | null;
  }>({
    open: null,
    closed: null,
  });
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const buttonsRef = useRef<Partial<Record<StockTransactionType, HTMLButtonElement | null>>>({});
  const open = stockActions.find((action) => action.type === panel.open);

  useEffect(() => {
    if (panel.closed) buttonsRef.current[panel.closed]?.focus();
  }, [panel]);

  const close = () => setPanel((current) => ({ open: null, closed: current.open }));

  return (
    <section className="stack" aria-labelledby="stock-actions-heading">
      <h2 id="stock-actions-heading">Record a stock movement</h2>
      <div className="row">
        {stockActions.map((action) => (
          <button
            key={action.type}
            ref={(button) => {
              buttonsRef.current[action.type] = button;
            }}
            type="button"
            className="button"
            aria-expanded={panel.open === action.type}
            onClick={() => {
              setConfirmation(null);
              setPanel({ open: action.type, closed: null });
            }}
          >
            {action.label}
          </button>
        ))}
      </div>
      {confirmation && (
        <p className="alert alert-success" role="status">
          {confirmation}
        </p>
      )}
      {open && (
        <StockChangeForm
          key={open.type}
          item={item}
          type={open.type}
          onCancel={close}
          onRecorded={() => {
            setConfirmation(open.done);
            close();
          }}
        />
      )}
    </section>
  );
}
