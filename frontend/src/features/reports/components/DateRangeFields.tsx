import { FormField } from '@/components/FormField';
import { MAX_RANGE_DAYS, type DateRangeErrors } from '../dateRange';

interface DateRangeFieldsProps {
  idPrefix: string;
  from: string;
  to: string;
  onFromChange: (value: string) => void;
  onToChange: (value: string) => void;
  errors: DateRangeErrors;
}

export function DateRangeFields({
  idPrefix,
  from,
  to,
  onFromChange,
  onToChange,
  errors,
}: DateRangeFieldsProps) {
  return (
    <fieldset className="stack">
      <legend>Dates (at most {MAX_RANGE_DAYS} days)</legend>
      <div className="form-grid">
        <FormField id={`${idPrefix}-from`} label="From" error={errors.from}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={from}
              onChange={(event) => onFromChange(event.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${idPrefix}-to`} label="To" error={errors.to}>
          {(control) => (
            <input {...control} type="date" value={to} onChange={(event) => onToChange(event.target.value)} />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}
