import { useEffect, useId, useRef, type FormEvent } from 'react';
import { CheckboxField } from '@/components/CheckboxField';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { SelectField } from '@/components/SelectField';
import { useRecordAdministration } from '../api/recordAdministration';
import { toAdministrationInput, useDoseForm, validateDose, type DoseFormValues } from '../hooks/useDoseForm';
import {
  ADMINISTRATION_STATUSES,
  MEDICATION_ROUTES,
  type Administration,
  type AdministrationInput,
  type DosePrescription,
  type DoseStudent,
} from '../types';
import { FiveRightsReview } from './FiveRightsReview';
import { medicationLabel } from './medicationLabel';

interface RecordDoseFormProps {
  student: DoseStudent;
  prescription: DosePrescription;
  onCancel: () => void;
  /** Called after the server accepted the dose, once onRecorded's refresh is done. */
  onSuccess: (administration: Administration, input: AdministrationInput) => void;
  /** Refreshes whatever shows the prescription (doses on hand). */
  onRecorded?: () => Promise<unknown> | void;
  /**
   * The scheduled dose (ISO, as the dose list gave it) the form was opened for: the entry is
   * filed under it, whatever its Time, and it is shown for the right time. Without it (the
   * profile) the server files the entry under the scheduled time nearest to its Time.
   */
  scheduledFor?: string;
}

const FIELD_ORDER: Array<keyof DoseFormValues> = [
  'dose',
  'route',
  'administeredAt',
  'reason',
  'fiveRightsConfirmed',
];

/** A dose (or a refusal, miss or hold), with the five-rights check the nurse must confirm. */
export function RecordDoseForm({
  student,
  prescription,
  onCancel,
  onSuccess,
  onRecorded,
  scheduledFor,
}: RecordDoseFormProps) {
  const id = useId();
  const serverErrorId = `${id}-server-error`;
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const { values, setValue, errors, markSubmitted } = useDoseForm(prescription);
  const mutation = useRecordAdministration({
    onSuccess: async (administration, { input }) => {
      await onRecorded?.();
      onSuccess(administration, input);
    },
  });
  const controlled = Boolean(prescription.medication.controlledSchedule);
  const routeOptions: readonly string[] = MEDICATION_ROUTES.includes(
    prescription.route as (typeof MEDICATION_ROUTES)[number],
  )
    ? MEDICATION_ROUTES
    : [prescription.route, ...MEDICATION_ROUTES];

  useEffect(() => {
    firstFieldRef.current?.focus();
  }, []);

  const fieldId = (name: keyof DoseFormValues) => `${id}-${name}`;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateDose(values);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    mutation.mutate({
      studentId: student.id,
      prescriptionId: prescription.id,
      input: toAdministrationInput(values, scheduledFor),
    });
  };

  return (
    <FormPanel title={`Record dose: ${medicationLabel(prescription)}`} onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <SelectField
            id={fieldId('status')}
            label="Status"
            ref={firstFieldRef}
            value={values.status}
            options={ADMINISTRATION_STATUSES}
            onChange={(value) => setValue('status', value)}
          />
          <FormField id={fieldId('dose')} label="Dose" error={errors.dose}>
            {(control) => (
              <input
                {...control}
                value={values.dose}
                onChange={(event) => setValue('dose', event.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
          <SelectField
            id={fieldId('route')}
            label="Route"
            error={errors.route}
            value={values.route}
            options={routeOptions}
            onChange={(value) => setValue('route', value)}
            placeholder="Choose…"
          />
          <FormField id={fieldId('administeredAt')} label="Time" error={errors.administeredAt}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={values.administeredAt}
                onChange={(event) => setValue('administeredAt', event.target.value)}
                required
              />
            )}
          </FormField>
        </div>
        <FormField
          id={fieldId('reason')}
          label={`Reason${values.status === 'GIVEN' ? ' (optional)' : ''}`}
          error={errors.reason}
        >
          {(control) => (
            <input
              {...control}
              value={values.reason}
              onChange={(event) => setValue('reason', event.target.value)}
              required={values.status !== 'GIVEN'}
              autoComplete="off"
            />
          )}
        </FormField>
        {controlled && (
          <FormField id={fieldId('witnessUserId')} label="Witness user ID (controlled substance)">
            {(control) => (
              <input
                {...control}
                value={values.witnessUserId}
                onChange={(event) => setValue('witnessUserId', event.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
        )}
        <FormField id={fieldId('notes')} label="Notes (optional)">
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={values.notes}
              onChange={(event) => setValue('notes', event.target.value)}
            />
          )}
        </FormField>
        <fieldset className="stack">
          <legend>Five rights</legend>
          <FiveRightsReview
            student={student}
            prescription={prescription}
            dose={values.dose}
            route={values.route}
            administeredAt={values.administeredAt}
            scheduledFor={scheduledFor}
          />
          <CheckboxField
            id={fieldId('fiveRightsConfirmed')}
            label="I confirm the five rights: right student, medication, dose, route and time"
            checked={values.fiveRightsConfirmed}
            onChange={(checked) => setValue('fiveRightsConfirmed', checked)}
            error={errors.fiveRightsConfirmed}
          />
        </fieldset>
        <FormActions
          submitLabel="Save dose"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
          errorId={serverErrorId}
        />
      </form>
    </FormPanel>
  );
}
