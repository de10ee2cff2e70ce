import { useEffect, useRef, useState } from 'react';
import { humanize } from '@/lib/humanize';
import type { AdministrationInput, DosePrescription, DoseStudent } from '../types';
import { medicationLabel } from './medicationLabel';
import { RecordDoseForm } from './RecordDoseForm';

interface RecordDoseActionProps {
  student: DoseStudent;
  prescription: DosePrescription;
  /** Refreshes whatever shows the prescription, e.g. the profile's doses on hand. */
  onRecorded?: () => Promise<unknown> | void;
}

/** The "Record dose" button and its panel; focus returns to the button when the panel closes. */
export function RecordDoseAction({ student, prescription, onRecorded }: RecordDoseActionProps) {
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!open && returnFocus.current) {
      returnFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [open]);

  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };
  const handleSuccess = (_administration: unknown, input: AdministrationInput) => {
    setConfirmation(
      input.status === 'GIVEN'
        ? `Dose recorded: ${input.dose ?? prescription.dose} given.`
        : `Dose recorded as ${humanize(input.status).toLowerCase()}.`,
    );
    close();
  };

  return (
    <div className="stack">
      <div className="row">
        <button
          ref={buttonRef}
          type="button"
          className="button"
          aria-expanded={open}
          onClick={() => {
            setConfirmation(null);
            setOpen(true);
          }}
        >
          Record dose<span className="visually-hidden"> of {medicationLabel(prescription)}</span>
        </button>
      </div>
      {confirmation && (
        <p className="alert alert-success" role="status">
          {confirmation}
        </p>
      )}
      {open && (
        <RecordDoseForm
          student={student}
          prescription={prescription}
          onCancel={close}
          onSuccess={handleSuccess}
          onRecorded={onRecorded}
        />
      )}
    </div>
  );
}
