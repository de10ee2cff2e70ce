import { ActionPanel } from '@/components/ActionPanel';
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

/** The "Record dose" button and its panel. */
export function RecordDoseAction({ student, prescription, onRecorded }: RecordDoseActionProps) {
  const confirmation = (input: AdministrationInput) =>
    input.status === 'GIVEN'
      ? `Dose recorded: ${input.dose ?? prescription.dose} given.`
      : `Dose recorded as ${humanize(input.status).toLowerCase()}.`;

  return (
    <ActionPanel
      // Several prescriptions can sit on one page, so the button names its medication.
      label={
        <>
          Record dose<span className="visually-hidden"> of {medicationLabel(prescription)}</span>
        </>
      }
      renderForm={({ close, succeed }) => (
        <RecordDoseForm
          student={student}
          prescription={prescription}
          onCancel={close}
          onSuccess={(_administration, input) => succeed(confirmation(input))}
          onRecorded={onRecorded}
        />
      )}
    />
  );
}
