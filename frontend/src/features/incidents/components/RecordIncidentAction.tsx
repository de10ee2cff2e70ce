import { useEffect, useRef, useState } from 'react';
import type { Incident } from '../types';
import { RecordIncidentForm } from './RecordIncidentForm';

interface RecordIncidentActionProps {
  studentId: string;
  studentName: string;
  /** Refreshes whatever lists the student's incidents (the profile). */
  onRecorded?: () => Promise<unknown> | void;
}

/** The "Record incident" button and its panel; focus returns to the button when it closes. */
export function RecordIncidentAction({ studentId, studentName, onRecorded }: RecordIncidentActionProps) {
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
  const handleSuccess = (_incident: Incident) => {
    setConfirmation('Incident recorded.');
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
          Record incident
        </button>
      </div>
      {confirmation && (
        <p className="alert alert-success" role="status">
          {confirmation}
        </p>
      )}
      {open && (
        <RecordIncidentForm
          studentId={studentId}
          studentName={studentName}
          onCancel={close}
          onSuccess={handleSuccess}
          onRecorded={onRecorded}
        />
      )}
    </div>
  );
}
