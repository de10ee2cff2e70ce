import { FormField } from '@/components/FormField';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from '../types';

interface DurationFieldProps {
  id: string;
  /** The typed text: checked with parseDuration when the form is sent. */
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** A visit's length in minutes, in steps of 5 within what the server accepts. */
export function DurationField({ id, value, error, onChange }: DurationFieldProps) {
  return (
    <FormField id={id} label="Length (minutes)" error={error}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={MIN_DURATION_MINUTES}
          max={MAX_DURATION_MINUTES}
          step={5}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
