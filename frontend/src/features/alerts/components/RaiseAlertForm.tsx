import { useEffect, useId, useRef, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { humanize } from '@/lib/humanize';
import { useRaiseAlert } from '../api/raiseAlert';
import { toAlertInput, useAlertForm, validateAlert, type AlertFormValues } from '../hooks/useAlertForm';
import { ALERT_SEVERITIES, ALERT_TYPES, type EmergencyAlert } from '../types';

interface RaiseAlertFormProps {
  onCancel: () => void;
  onSuccess: (alert: EmergencyAlert) => void;
}

const FIELD_ORDER: Array<keyof AlertFormValues> = ['type', 'severity', 'location', 'description'];

/** An emergency for every nurse in the organization: what, how bad, where. */
export function RaiseAlertForm({ onCancel, onSuccess }: RaiseAlertFormProps) {
  const id = useId();
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const { values, setValue, errors, markSubmitted } = useAlertForm();
  const mutation = useRaiseAlert({ onSuccess: (alert) => onSuccess(alert) });
  const fieldId = (name: keyof AlertFormValues) => `${id}-${name}`;

  useEffect(() => {
    firstFieldRef.current?.focus();
  }, []);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateAlert(values);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    mutation.mutate(toAlertInput(values));
  };

  return (
    <FormPanel title="Raise an emergency alert" onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <FormField id={fieldId('type')} label="Type" error={errors.type}>
            {(control) => (
              <select
                {...control}
                ref={firstFieldRef}
                value={values.type}
                onChange={(event) => setValue('type', event.target.value as AlertFormValues['type'])}
              >
                <option value="">Choose…</option>
                {ALERT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {humanize(type)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('severity')} label="Severity" error={errors.severity}>
            {(control) => (
              <select
                {...control}
                value={values.severity}
                onChange={(event) => setValue('severity', event.target.value as AlertFormValues['severity'])}
              >
                <option value="">Choose…</option>
                {ALERT_SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {humanize(severity)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('location')} label="Location" error={errors.location}>
            {(control) => (
              <input
                {...control}
                value={values.location}
                onChange={(event) => setValue('location', event.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
        </div>
        <FormField id={fieldId('description')} label="What is happening" error={errors.description}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values.description}
              onChange={(event) => setValue('description', event.target.value)}
            />
          )}
        </FormField>
        <FormActions
          submitLabel="Send alert"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
        />
      </form>
    </FormPanel>
  );
}
