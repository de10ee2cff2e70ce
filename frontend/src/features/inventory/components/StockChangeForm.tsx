import { useId, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { useRecordStockTransaction } from '../api/recordStockTransaction';
import {
  needsReason,
  signedChange,
  toStockChangeInput,
  useStockChangeForm,
  validateStockChange,
  type StockChangeValues,
} from '../hooks/useStockChangeForm';
import type { InventoryItem, StockTransactionType } from '../types';
import { BatchFields } from './BatchFields';
import { quantityText } from './stockLabels';

interface StockChangeFormProps {
  item: InventoryItem;
  type: StockTransactionType;
  onCancel: () => void;
  onRecorded: () => void;
}

const copy: Record<StockTransactionType, { title: string; quantity: string; submit: string }> = {
  RECEIVE: { title: 'Receive stock', quantity: 'Quantity received', submit: 'Record delivery' },
  DISPENSE: { title: 'Dispense', quantity: 'Quantity dispensed', submit: 'Record dispensing' },
  ADJUST: {
    title: 'Adjust the count',
    quantity: 'Change (a minus sign removes)',
    submit: 'Record adjustment',
  },
  WASTE: { title: 'Dispose of stock', quantity: 'Quantity disposed of', submit: 'Record disposal' },
};

const FIELD_ORDER: Array<keyof StockChangeValues> = ['quantity', 'lotNumber', 'reason'];

/** One stock movement; the server writes it to the ledger together with the new count. */
export function StockChangeForm({ item, type, onCancel, onRecorded }: StockChangeFormProps) {
  const id = useId();
  const { values, setValue, errors, markSubmitted } = useStockChangeForm(type, item);
  const mutation = useRecordStockTransaction({ onSuccess: () => onRecorded() });
  const fieldId = (name: keyof StockChangeValues) => `${id}-${name}`;
  const text = copy[type];
  const change = signedChange(type, values.quantity);
  const after = change === null ? null : item.quantity + change;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateStockChange(type, values, item);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    mutation.mutate({ itemId: item.id, change: toStockChangeInput(type, values) });
  };

  return (
    <FormPanel title={`${text.title}: ${item.name}`} onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <p className="muted" id={`${id}-count`} aria-live="polite">
          In stock now: {quantityText(item.quantity, item.unit)}
          {after !== null && after !== item.quantity && after >= 0
            ? `; after this: ${quantityText(after, item.unit)}`
            : ''}
          .
        </p>
        {type === 'RECEIVE' && (
          <p className="muted">A lot number given here becomes the item’s current lot and expiry.</p>
        )}
        <div className="form-grid">
          <FormField
            id={fieldId('quantity')}
            label={`${text.quantity} (${item.unit})`}
            error={errors.quantity}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                step={1}
                min={type === 'ADJUST' ? undefined : 1}
                value={values.quantity}
                onChange={(event) => setValue('quantity', event.target.value)}
                autoFocus
              />
            )}
          </FormField>
          {type === 'RECEIVE' && (
            <BatchFields
              values={values}
              lotNumberError={errors.lotNumber}
              fieldId={fieldId}
              onChange={setValue}
            />
          )}
        </div>
        <FormField
          id={fieldId('reason')}
          label={needsReason(type) ? 'Reason' : 'Note (optional)'}
          error={errors.reason}
        >
          {(control) => (
            <input
              {...control}
              value={values.reason}
              maxLength={500}
              onChange={(event) => setValue('reason', event.target.value)}
              autoComplete="off"
            />
          )}
        </FormField>
        <FormActions
          submitLabel={text.submit}
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
        />
      </form>
    </FormPanel>
  );
}
