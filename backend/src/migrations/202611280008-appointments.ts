import type { Migration } from './Migration.js';

export const appointmentsMigration: Migration = {
  name: '202611280008-appointments',
  up: `
    CREATE TABLE appointments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      nurse_id uuid NOT NULL,
      created_by uuid NOT NULL,
      starts_at timestamptz NOT NULL,
      duration_minutes integer NOT NULL DEFAULT 15 CHECK (duration_minutes BETWEEN 5 AND 240),
      type text NOT NULL
        CHECK (type IN ('MEDICATION','SCREENING','FOLLOW_UP','ILLNESS','INJURY','COUNSELING','OTHER')),
      status text NOT NULL DEFAULT 'SCHEDULED'
        CHECK (status IN ('SCHEDULED','COMPLETED','CANCELLED','NO_SHOW')),
      reason text CHECK (length(reason) <= 500),
      notes text CHECK (length(notes) <= 5000),
      -- picked up by the reminder job (a later issue): starts_at - 24 h, null when already past
      reminder_due_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id) ON DELETE RESTRICT,
      FOREIGN KEY (nurse_id, organization_id) REFERENCES users (id, organization_id) ON DELETE RESTRICT,
      FOREIGN KEY (created_by, organization_id) REFERENCES users (id, organization_id) ON DELETE RESTRICT
    );
    CREATE INDEX appointments_org_starts_idx ON appointments (organization_id, starts_at);
    CREATE INDEX appointments_org_student_starts_idx ON appointments (organization_id, student_id, starts_at);
    -- the double-booking check: one nurse's scheduled slots around a time
    CREATE INDEX appointments_nurse_scheduled_idx ON appointments (organization_id, nurse_id, starts_at)
      WHERE status = 'SCHEDULED';
    CREATE INDEX appointments_reminder_due_idx ON appointments (reminder_due_at)
      WHERE status = 'SCHEDULED' AND reminder_due_at IS NOT NULL;
  `,
  down: `DROP TABLE appointments;`,
};
