import { ActionPanel } from '@/components/ActionPanel';
import { RecordIncidentForm } from './RecordIncidentForm';

interface RecordIncidentActionProps {
  /** Leave both out to choose the student in the form (the Incidents page). */
  studentId?: string;
  studentName?: string;
  /** Refreshes whatever lists the student's incidents (the profile). */
  onRecorded?: () => Promise<unknown> | void;
}

/** The "Record incident" button and its panel. */
export function RecordIncidentAction({ studentId, studentName, onRecorded }: RecordIncidentActionProps) {
  return (
    <ActionPanel
      label="Record incident"
      renderForm={({ close, succeed }) => (
        <RecordIncidentForm
          studentId={studentId}
          studentName={studentName}
          onCancel={close}
          onSuccess={() => succeed('Incident recorded.')}
          onRecorded={onRecorded}
        />
      )}
    />
  );
}
