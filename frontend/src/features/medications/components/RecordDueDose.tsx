import { useQueryClient } from '@tanstack/react-query';
import { FormPanel } from '@/components/FormPanel';
import { humanize } from '@/lib/humanize';
import { useStudentPrescriptions } from '../api/getStudentPrescriptions';
import { medicationKeys } from '../api/medicationKeys';
import type { AdministrationInput, MarRow } from '../types';
import { medicationLabel } from './medicationLabel';
import { RecordDoseForm } from './RecordDoseForm';

interface RecordDueDoseProps {
  row: MarRow;
  onCancel: () => void;
  /** The server accepted the dose: the row is about to leave the list (or change status). */
  onSaved?: () => void;
  /** After the server accepted the dose and the dose lists were refreshed. */
  onSuccess: (message: string) => void;
}

function confirmation(row: MarRow, input: AdministrationInput): string {
  return input.status === 'GIVEN'
    ? `Dose recorded for ${row.studentName}: ${input.dose ?? row.dose} ${row.medication.name} given.`
    : `Dose of ${row.medication.name} for ${row.studentName} recorded as ${humanize(input.status).toLowerCase()}.`;
}

/**
 * The dose form for one scheduled dose, filed under that dose (its scheduledFor). The due list names the prescription but not
 * all of it (a controlled substance needs a witness), so the student's prescriptions are
 * read first and the form reviews the five rights against the real order.
 */
export function RecordDueDose({ row, onCancel, onSaved, onSuccess }: RecordDueDoseProps) {
  const queryClient = useQueryClient();
  const prescriptions = useStudentPrescriptions(row.studentId);
  const prescription = prescriptions.data?.find((candidate) => candidate.id === row.prescriptionId);
  const title = `Record dose: ${medicationLabel(row)}`;

  if (prescription) {
    return (
      <RecordDoseForm
        student={{ id: row.studentId, firstName: row.firstName, lastName: row.lastName }}
        prescription={prescription}
        scheduledFor={row.scheduledFor}
        onCancel={onCancel}
        onRecorded={() => {
          onSaved?.();
          return queryClient.invalidateQueries({ queryKey: medicationKeys.doses() });
        }}
        onSuccess={(_administration, input) => onSuccess(confirmation(row, input))}
      />
    );
  }

  return (
    <FormPanel title={title} onCancel={onCancel}>
      {prescriptions.isPending ? (
        <p className="muted" role="status">
          Loading the prescription…
        </p>
      ) : (
        <p className="alert alert-error" role="alert">
          {prescriptions.isError
            ? prescriptions.error.message
            : 'This prescription is no longer on file for the student. Open their profile to check.'}
        </p>
      )}
      <div className="row">
        <button type="button" className="button" onClick={onCancel}>
          Close
        </button>
      </div>
    </FormPanel>
  );
}
