import { useId, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { SchoolSelect } from '@/components/SchoolSelect';
import { SelectField } from '@/components/SelectField';
import { useSchools } from '@/services/api/getSchools';
import { useCreateInventoryItem } from '../api/createInventoryItem';
import { toNewItemInput, useItemForm, validateItem, type ItemFormValues } from '../hooks/useItemForm';
import { INVENTORY_CATEGORIES, type InventoryItem } from '../types';
import { BatchFields } from './BatchFields';

interface CreateItemFormProps {
  onCancel: () => void;
  onCreated: (item: InventoryItem) => void;
}

const FIELD_ORDER: Array<keyof ItemFormValues> = [
  'name',
  'category',
  'unit',
  'reorderLevel',
  'initialQuantity',
  'lotNumber',
];

/** A new stock item; its opening quantity is recorded as a delivery, so the ledger adds up. */
export function CreateItemForm({ onCancel, onCreated }: CreateItemFormProps) {
  const id = useId();
  const { values, setValue, errors, markSubmitted } = useItemForm();
  const schools = useSchools();
  const mutation = useCreateInventoryItem({ onSuccess: (item) => onCreated(item) });
  const fieldId = (name: keyof ItemFormValues) => `${id}-${name}`;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateItem(values);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    mutation.mutate(toNewItemInput(values));
  };

  const text = (name: 'unit' | 'location', label: string, extra: { maxLength?: number } = {}) => (
    <FormField id={fieldId(name)} label={label} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          {...extra}
          value={values[name]}
          onChange={(event) => setValue(name, event.target.value)}
          autoComplete="off"
        />
      )}
    </FormField>
  );
  const count = (name: 'reorderLevel' | 'initialQuantity', label: string) => (
    <FormField id={fieldId(name)} label={label} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={values[name]}
          onChange={(event) => setValue(name, event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <FormPanel title="Add an inventory item" headingLevel={2} onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <FormField id={fieldId('name')} label="Name" error={errors.name}>
            {(control) => (
              <input
                {...control}
                value={values.name}
                maxLength={200}
                onChange={(event) => setValue('name', event.target.value)}
                autoComplete="off"
                autoFocus
              />
            )}
          </FormField>
          <SelectField
            id={fieldId('category')}
            label="Category"
            error={errors.category}
            value={values.category}
            options={INVENTORY_CATEGORIES}
            onChange={(value) => setValue('category', value)}
            placeholder="Choose…"
          />
          {text('unit', 'Unit (e.g. boxes, doses)', { maxLength: 50 })}
          {count('reorderLevel', 'Reorder at or below')}
          {count('initialQuantity', 'Opening stock')}
          <BatchFields
            values={values}
            lotNumberError={errors.lotNumber}
            fieldId={fieldId}
            onChange={setValue}
          />
          {text('location', 'Location (optional)', { maxLength: 200 })}
          {schools.data && schools.data.length > 0 && (
            <SchoolSelect
              id={fieldId('schoolId')}
              schools={schools.data}
              value={values.schoolId}
              onChange={(schoolId) => setValue('schoolId', schoolId)}
              emptyLabel="District-wide (no school)"
            />
          )}
        </div>
        <FormActions
          submitLabel="Add item"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
        />
      </form>
    </FormPanel>
  );
}
