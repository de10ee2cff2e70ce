import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { humanize } from '@/lib/humanize';
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
}: RecordDoseFormProps) {
  const id = useId();
  const titleId = `${id}-title`;
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
  const errorId = (name: keyof DoseFormValues) => `${id}-${name}-error`;
  const describedBy = (name: keyof DoseFormValues) => (errors[name] ? errorId(name) : undefined);
  const fieldError = (name: keyof DoseFormValues) =>
    errors[name] && (
      <p id={errorId(name)} className="field-error">
        {errors[name]}
      </p>
    );

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
      input: toAdministrationInput(values),
    });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="panel stack" role="dialog" aria-labelledby={titleId} onKeyDown={handleKeyDown}>
      <h3 id={titleId}>Record dose: {medicationLabel(prescription)}</h3>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={fieldId('status')}>Status</label>
            <select
              id={fieldId('status')}
              ref={firstFieldRef}
              value={values.status}
              onChange={(event) => setValue('status', event.target.value as DoseFormValues['status'])}
            >
              {ADMINISTRATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {humanize(status)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fieldId('dose')}>Dose</label>
            <input
              id={fieldId('dose')}
              value={values.dose}
              onChange={(event) => setValue('dose', event.target.value)}
              aria-invalid={Boolean(errors.dose) || undefined}
              aria-describedby={describedBy('dose')}
              autoComplete="off"
            />
            {fieldError('dose')}
          </div>
          <div className="field">
            <label htmlFor={fieldId('route')}>Route</label>
            <select
              id={fieldId('route')}
              value={values.route}
              onChange={(event) => setValue('route', event.target.value)}
              aria-invalid={Boolean(errors.route) || undefined}
              aria-describedby={describedBy('route')}
            >
              <option value="">Choose…</option>
              {routeOptions.map((route) => (
                <option key={route} value={route}>
                  {humanize(route)}
                </option>
              ))}
            </select>
            {fieldError('route')}
          </div>
          <div className="field">
            <label htmlFor={fieldId('administeredAt')}>Time</label>
            <input
              id={fieldId('administeredAt')}
              type="datetime-local"
              value={values.administeredAt}
              onChange={(event) => setValue('administeredAt', event.target.value)}
              required
              aria-invalid={Boolean(errors.administeredAt) || undefined}
              aria-describedby={describedBy('administeredAt')}
            />
            {fieldError('administeredAt')}
          </div>
        </div>
        <div className="field">
          <label htmlFor={fieldId('reason')}>Reason{values.status === 'GIVEN' ? ' (optional)' : ''}</label>
          <input
            id={fieldId('reason')}
            value={values.reason}
            onChange={(event) => setValue('reason', event.target.value)}
            required={values.status !== 'GIVEN'}
            aria-invalid={Boolean(errors.reason) || undefined}
            aria-describedby={describedBy('reason')}
            autoComplete="off"
          />
          {fieldError('reason')}
        </div>
        {controlled && (
          <div className="field">
            <label htmlFor={fieldId('witnessUserId')}>Witness user ID (controlled substance)</label>
            <input
              id={fieldId('witnessUserId')}
              value={values.witnessUserId}
              onChange={(event) => setValue('witnessUserId', event.target.value)}
              autoComplete="off"
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={fieldId('notes')}>Notes (optional)</label>
          <textarea
            id={fieldId('notes')}
            rows={2}
            value={values.notes}
            onChange={(event) => setValue('notes', event.target.value)}
          />
        </div>
        <fieldset className="stack">
          <legend>Five rights</legend>
          <FiveRightsReview
            student={student}
            prescription={prescription}
            dose={values.dose}
            route={values.route}
            administeredAt={values.administeredAt}
          />
          <div className="checkbox-field">
            <input
              id={fieldId('fiveRightsConfirmed')}
              type="checkbox"
              checked={values.fiveRightsConfirmed}
              onChange={(event) => setValue('fiveRightsConfirmed', event.target.checked)}
              aria-invalid={Boolean(errors.fiveRightsConfirmed) || undefined}
              aria-describedby={describedBy('fiveRightsConfirmed')}
            />
            <label htmlFor={fieldId('fiveRightsConfirmed')}>
              I confirm the five rights: right student, medication, dose, route and time
            </label>
          </div>
          {fieldError('fiveRightsConfirmed')}
        </fieldset>
        {mutation.isError && (
          <p id={serverErrorId} className="alert alert-error" role="alert">
            {mutation.error.message}
          </p>
        )}
        <div className="row">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Saving…' : 'Save dose'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
