import type { Migration } from './Migration.js';

/**
 * Queued reports: the request (type and parameters), its progress and, once generated, the
 * PDF itself, kept only until `expires_at` (set when the report finishes). The requester's
 * (user, organization) foreign key keeps a report inside its user's organization. A finished
 * report has its end time and expiry; a completed one also its file.
 */
export const reportResultsMigration: Migration = {
  name: '202611280015-report-results',
  up: `
    CREATE TABLE report_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      requested_by uuid NOT NULL,
      report_type text NOT NULL CHECK (report_type ~ '^[a-z][a-z-]{0,49}$'),
      parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','completed','failed')),
      pdf bytea,
      filename text CHECK (length(filename) BETWEEN 1 AND 200),
      error text CHECK (length(error) BETWEEN 1 AND 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      expires_at timestamptz,
      FOREIGN KEY (requested_by, organization_id) REFERENCES users (id, organization_id) ON DELETE CASCADE,
      CHECK ((status IN ('completed','failed')) = (completed_at IS NOT NULL AND expires_at IS NOT NULL)),
      CHECK ((status = 'completed') = (pdf IS NOT NULL AND filename IS NOT NULL))
    );
    CREATE INDEX report_results_requester_idx ON report_results (organization_id, requested_by, created_at DESC);
    CREATE INDEX report_results_expires_idx ON report_results (expires_at);
    -- Unfinished reports whose job was lost are purged a day after they were requested.
    CREATE INDEX report_results_unfinished_idx ON report_results (created_at) WHERE expires_at IS NULL;
  `,
  down: `
    DROP TABLE report_results;
  `,
};
