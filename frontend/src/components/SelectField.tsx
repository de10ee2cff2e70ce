import type { ReactNode, Ref } from 'react';
import { humanize } from '@/lib/humanize';
import { FormField } from './FormField';

interface SelectFieldProps<V extends string> {
  id: string;
  label: ReactNode;
  /** Shown under the select and announced with it. */
  error?: string;
  value: V;
  /** API enum values, shown humanized. */
  options: readonly V[];
  onChange: (value: V) => void;
  /** Text of an empty first option; leave it out when a value is always chosen. */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A FormField whose control picks one value of an enum, each option labelled by humanize(). */
export function SelectField<V extends string>({
  id,
  label,
  error,
  value,
  options,
  onChange,
  placeholder,
  ref,
}: SelectFieldProps<V>) {
  return (
    <FormField id={id} label={label} error={error}>
      {(control) => (
        <select {...control} ref={ref} value={value} onChange={(event) => onChange(event.target.value as V)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {humanize(option)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
