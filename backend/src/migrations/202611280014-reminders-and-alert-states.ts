import type { Migration } from './Migration.js';

/**
 * What the reminder and alert jobs remember, so a retry or a second run never tells anyone
 * twice:
 * - `appointments.reminder_sent_at`: the 24 h reminder of the current slot went out (cleared
 *   when the appointment is rescheduled). The pending-reminder index serves the catch-up sweep.
 * - `immunization_alert_states`: each student's compliance status as last computed by the
 *   nightly alert job, and how many times it has changed. Nurses hear of a student when the
 *   status moves to DUE or OVERDUE, not every night it stays so; the change count is the
 *   transition marker in the notification's dedupe key.
 */
export const remindersAndAlertStatesMigration: Migration = {
  name: '202611280014-reminders-and-alert-states',
  up: `
    ALTER TABLE appointments ADD COLUMN reminder_sent_at timestamptz;
    DROP INDEX appointments_reminder_due_idx;
    CREATE INDEX appointments_reminder_pending_idx ON appointments (reminder_due_at)
      WHERE status = 'SCHEDULED' AND reminder_due_at IS NOT NULL AND reminder_sent_at IS NULL;

    CREATE TABLE immunization_alert_states (
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('COMPLIANT','DUE','OVERDUE','EXEMPT')),
      transitions integer NOT NULL CHECK (transitions >= 1),
      changed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, student_id),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id) ON DELETE CASCADE
    );
  `,
  down: `
    DROP TABLE immunization_alert_states;
    DROP INDEX appointments_reminder_pending_idx;
    CREATE INDEX appointments_reminder_due_idx ON appointments (reminder_due_at)
      WHERE status = 'SCHEDULED' AND reminder_due_at IS NOT NULL;
    ALTER TABLE appointments DROP COLUMN reminder_sent_at;
  `,
};
