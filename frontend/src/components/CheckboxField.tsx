import type { ReactNode } from 'react';

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown under the checkbox and announced with it. */
  error?: string;
}

/** A checkbox with its label after it, and its error wired up like FormField's. */
export function CheckboxField({ id, label, checked, onChange, error }: CheckboxFieldProps) {
  const errorId = `${id}-error`;
  return (
    <>
      <div className="checkbox-field">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
