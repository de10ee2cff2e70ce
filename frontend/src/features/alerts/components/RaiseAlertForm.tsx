import { useEffect, useId, useRef, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { SelectField } from '@/components/SelectField';
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
    <FormPanel title="Raise an emergency alert" headingLevel={2} onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <SelectField
            id={fieldId('type')}
            label="Type"
            error={errors.type}
            ref={firstFieldRef}
            value={values.type}
            options={ALERT_TYPES}
            onChange={(value) => setValue('type', value)}
            placeholder="Choose…"
          />
          <SelectField
            id={fieldId('severity')}
            label="Severity"
            error={errors.severity}
            value={values.severity}
            options={ALERT_SEVERITIES}
            onChange={(value) => setValue('severity', value)}
            placeholder="Choose…"
          />
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
