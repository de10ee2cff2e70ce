import { FormField } from '@/components/FormField';

type BatchField = 'lotNumber' | 'expiresOn';

interface BatchFieldsProps {
  values: Record<BatchField, string>;
  lotNumberError?: string;
  /** The form's id for a field, so the form can focus the first invalid one. */
  fieldId: (name: BatchField) => string;
  onChange: (name: BatchField, value: string) => void;
}

/** The lot and expiry of a delivery: both optional, both kept on the ledger. */
export function BatchFields({ values, lotNumberError, fieldId, onChange }: BatchFieldsProps) {
  return (
    <>
      <FormField id={fieldId('lotNumber')} label="Lot number (optional)" error={lotNumberError}>
        {(control) => (
          <input
            {...control}
            value={values.lotNumber}
            maxLength={100}
            onChange={(event) => onChange('lotNumber', event.target.value)}
            autoComplete="off"
          />
        )}
      </FormField>
      <FormField id={fieldId('expiresOn')} label="Expires on (optional)">
        {(control) => (
          <input
            {...control}
            type="date"
            value={values.expiresOn}
            onChange={(event) => onChange('expiresOn', event.target.value)}
          />
        )}
      </FormField>
    </>
  );
}
