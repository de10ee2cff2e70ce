import { useId, useState, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { useUpdateIncident } from '../api/updateIncident';
import {
  followUpChanges,
  useFollowUpForm,
  validateFollowUp,
  type FollowUpValues,
} from '../hooks/useFollowUpForm';
import type { Incident } from '../types';
import { FollowUpFields } from './FollowUpFields';

interface IncidentFollowUpFormProps {
  incident: Incident;
  onCancel: () => void;
  onSaved: () => void;
}

const FIELD_ORDER: Array<keyof FollowUpValues> = ['notificationMethod', 'notifiedAt'];

/** The part of a report that changes after the fact: actions, witnesses, parents, follow-up. */
export function IncidentFollowUpForm({ incident, onCancel, onSaved }: IncidentFollowUpFormProps) {
  const id = useId();
  const { values, setValue, errors, markSubmitted } = useFollowUpForm(incident);
  const [unchanged, setUnchanged] = useState(false);
  const mutation = useUpdateIncident({ onSuccess: () => onSaved() });
  const fieldId = (name: keyof FollowUpValues) => `${id}-${name}`;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateFollowUp(values);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    const changes = followUpChanges(incident, values);
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    mutation.mutate({ incidentId: incident.id, changes });
  };

  return (
    <FormPanel title="Update the follow-up" onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <FollowUpFields values={values} setValue={setValue} errors={errors} fieldId={fieldId} />
        <FormField id={fieldId('followUpNotes')} label="Follow-up notes">
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values.followUpNotes}
              onChange={(event) => setValue('followUpNotes', event.target.value)}
            />
          )}
        </FormField>
        {unchanged && (
          <p className="alert alert-info" role="status">
            Nothing has changed yet.
          </p>
        )}
        <FormActions
          submitLabel="Save follow-up"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
        />
      </form>
    </FormPanel>
  );
}
