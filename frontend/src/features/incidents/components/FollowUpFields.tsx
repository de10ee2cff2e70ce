import { CheckboxField } from '@/components/CheckboxField';
import { FormField } from '@/components/FormField';
import { SelectField } from '@/components/SelectField';
import type { FollowUpValues } from '../hooks/useFollowUpForm';
import { NOTIFICATION_METHODS } from '../types';

/** What a report records after the event, whether written with it or updated later. */
export type FollowUpFieldValues = Pick<
  FollowUpValues,
  | 'actionsTaken'
  | 'witnesses'
  | 'parentNotified'
  | 'notifiedBy'
  | 'notifiedAt'
  | 'notificationMethod'
  | 'followUpRequired'
>;

interface FollowUpFieldsProps {
  values: FollowUpFieldValues;
  /** A method, so each form's own setValue (over its wider values) fits. */
  setValue<K extends keyof FollowUpFieldValues>(key: K, value: FollowUpFieldValues[K]): void;
  errors: Partial<Record<'notificationMethod' | 'notifiedAt', string>>;
  /** The form's id for a field, so the form can focus the first invalid one. */
  fieldId: (name: keyof FollowUpFieldValues) => string;
}

/** Actions taken, witnesses, the parent's notification and whether a follow-up is needed. */
export function FollowUpFields({ values, setValue, errors, fieldId }: FollowUpFieldsProps) {
  return (
    <>
      <FormField id={fieldId('actionsTaken')} label="Actions taken">
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.actionsTaken}
            onChange={(event) => setValue('actionsTaken', event.target.value)}
          />
        )}
      </FormField>
      <FormField id={fieldId('witnesses')} label="Witnesses (one per line)">
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.witnesses}
            onChange={(event) => setValue('witnesses', event.target.value)}
          />
        )}
      </FormField>
      <fieldset className="stack">
        <legend>Parent or guardian</legend>
        <CheckboxField
          id={fieldId('parentNotified')}
          label="Parent notified"
          checked={values.parentNotified}
          onChange={(checked) => setValue('parentNotified', checked)}
        />
        {values.parentNotified && (
          <div className="form-grid">
            <SelectField
              id={fieldId('notificationMethod')}
              label="How"
              error={errors.notificationMethod}
              value={values.notificationMethod}
              options={NOTIFICATION_METHODS}
              onChange={(value) => setValue('notificationMethod', value)}
              placeholder="Choose…"
            />
            <FormField id={fieldId('notifiedBy')} label="Notified by (optional)">
              {(control) => (
                <input
                  {...control}
                  value={values.notifiedBy}
                  onChange={(event) => setValue('notifiedBy', event.target.value)}
                  autoComplete="off"
                />
              )}
            </FormField>
            <FormField id={fieldId('notifiedAt')} label="Notified at" error={errors.notifiedAt}>
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  value={values.notifiedAt}
                  onChange={(event) => setValue('notifiedAt', event.target.value)}
                />
              )}
            </FormField>
          </div>
        )}
      </fieldset>
      <CheckboxField
        id={fieldId('followUpRequired')}
        label="Follow-up required"
        checked={values.followUpRequired}
        onChange={(checked) => setValue('followUpRequired', checked)}
      />
    </>
  );
}
