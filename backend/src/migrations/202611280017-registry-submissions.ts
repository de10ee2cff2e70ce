import type { Migration } from './Migration.js';

/**
 * Immunizations sent to the state registry (HL7 VXU over the CDC SOAP interface).
 *
 * Each row is one message: `control_id` is its MSH-10, unique and kept for every attempt to
 * send it, so a re-send after a crash is the same message to the registry. A row is PENDING
 * from the moment a worker claims the immunization (before anything is sent) until the ACK
 * is stored; at most one PENDING row per immunization makes the claim exclusive. The latest
 * row of an immunization is its registry status; `error_text` is the registry's ERR text,
 * shown to the nurse. An immunization's (id, organization) foreign key keeps every row in
 * its tenant.
 *
 * student_immunizations gains what a VXU reports when it is known (amount, route, site, VFC
 * eligibility) and when a record was imported from the registry (never sent back to it).
 */
export const registrySubmissionsMigration: Migration = {
  name: '202611280017-registry-submissions',
  up: `
    ALTER TABLE student_immunizations
      ADD COLUMN dose_ml numeric(5, 2) CHECK (dose_ml > 0 AND dose_ml < 100),
      ADD COLUMN route text CHECK (route ~ '^[A-Z]{2,4}$'),
      ADD COLUMN site text CHECK (site ~ '^[A-Z]{2,4}$'),
      ADD COLUMN vfc_eligibility text CHECK (vfc_eligibility ~ '^V0[1-7]$'),
      ADD COLUMN imported_from_registry_at timestamptz,
      ADD CONSTRAINT student_immunizations_id_organization_key UNIQUE (id, organization_id);

    CREATE TABLE immunization_registry_submissions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      immunization_id uuid NOT NULL,
      control_id text NOT NULL UNIQUE CHECK (control_id ~ '^[A-Za-z0-9]{1,20}$'),
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','ACCEPTED','ERROR','REJECTED')),
      ack_code text CHECK (ack_code IN ('AA','AE','AR','CA','CE','CR')),
      error_text text CHECK (length(error_text) BETWEEN 1 AND 2000),
      -- The job (BullMQ id) that claimed it: a retry of that same job may send it again at once.
      claimed_by text CHECK (length(claimed_by) <= 200),
      requested_by uuid,
      attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz,
      FOREIGN KEY (immunization_id, organization_id)
        REFERENCES student_immunizations (id, organization_id) ON DELETE CASCADE,
      FOREIGN KEY (requested_by, organization_id) REFERENCES users (id, organization_id),
      CHECK ((status = 'PENDING') = (acknowledged_at IS NULL)),
      CHECK (status <> 'ACCEPTED' OR error_text IS NULL)
    );
    CREATE INDEX immunization_registry_submissions_latest_idx
      ON immunization_registry_submissions (organization_id, immunization_id, created_at DESC);
    CREATE UNIQUE INDEX immunization_registry_submissions_one_pending_idx
      ON immunization_registry_submissions (immunization_id) WHERE status = 'PENDING';
  `,
  down: `
    DROP TABLE immunization_registry_submissions;
    ALTER TABLE student_immunizations
      DROP CONSTRAINT student_immunizations_id_organization_key,
      DROP COLUMN imported_from_registry_at,
      DROP COLUMN vfc_eligibility,
      DROP COLUMN site,
      DROP COLUMN route,
      DROP COLUMN dose_ml;
  `,
};
