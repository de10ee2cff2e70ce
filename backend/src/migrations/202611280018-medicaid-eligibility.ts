import type { Migration } from './Migration.js';

/**
 * Medicaid eligibility (X12 270/271): the student's member id, and every check's answer.
 * A check is kept, never updated: the history shows when coverage changed. `rejection` holds
 * the payer's AAA reason (a code and its meaning), never a message body; `trace_number` is
 * our TRN02, which the payer echoes, so a check can be matched with the payer's own records.
 */
export const medicaidEligibilityMigration: Migration = {
  name: '202611280018-medicaid-eligibility',
  up: `
    ALTER TABLE students
      ADD COLUMN medicaid_id text CHECK (medicaid_id ~ '^[A-Za-z0-9-]{2,80}$');

    CREATE TABLE medicaid_eligibility_checks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      checked_at timestamptz NOT NULL DEFAULT now(),
      coverage text NOT NULL CHECK (coverage IN ('active','inactive','unknown')),
      plan_name text CHECK (length(plan_name) <= 200),
      benefit_codes text[] NOT NULL DEFAULT '{}',
      coverage_start date,
      coverage_end date,
      rejection text CHECK (length(rejection) BETWEEN 1 AND 500),
      trace_number text NOT NULL CHECK (length(trace_number) BETWEEN 1 AND 50),
      checked_by uuid,
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id) ON DELETE CASCADE,
      FOREIGN KEY (checked_by, organization_id) REFERENCES users (id, organization_id),
      CHECK (coverage_end IS NULL OR coverage_start IS NULL OR coverage_end >= coverage_start)
    );
    CREATE INDEX medicaid_eligibility_checks_student_idx
      ON medicaid_eligibility_checks (organization_id, student_id, checked_at DESC);
  `,
  down: `
    DROP TABLE medicaid_eligibility_checks;
    ALTER TABLE students DROP COLUMN medicaid_id;
  `,
};
