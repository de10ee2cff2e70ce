import type { Migration } from './Migration.js';

/**
 * The student information system (OneRoster) sync:
 * - `students.sis_sourced_id` and `schools.sis_sourced_id`: the SIS's identifier of a row it
 *   brought (or adopted), unique within the organization; rows entered by hand have none.
 * - `sis_sync_runs`: one row per sync attempt with its counts. The start of the last
 *   successful run is the next delta's `since`. At most one run per organization is
 *   `running` at a time; `heartbeat_at` moves with every page, so a run whose worker died is
 *   recognised as stale and closed by the next one.
 */
export const sisSyncMigration: Migration = {
  name: '202611280016-sis-sync',
  up: `
    ALTER TABLE students ADD COLUMN sis_sourced_id text CHECK (length(sis_sourced_id) BETWEEN 1 AND 255);
    CREATE UNIQUE INDEX students_sis_sourced_id_idx ON students (organization_id, sis_sourced_id)
      WHERE sis_sourced_id IS NOT NULL;

    ALTER TABLE schools ADD COLUMN sis_sourced_id text CHECK (length(sis_sourced_id) BETWEEN 1 AND 255);
    CREATE UNIQUE INDEX schools_sis_sourced_id_idx ON schools (organization_id, sis_sourced_id)
      WHERE sis_sourced_id IS NOT NULL;

    CREATE TABLE sis_sync_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running','succeeded','failed')),
      mode text NOT NULL CHECK (mode IN ('full','delta')),
      since timestamptz,
      started_at timestamptz NOT NULL DEFAULT now(),
      heartbeat_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      created integer NOT NULL DEFAULT 0 CHECK (created >= 0),
      updated integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
      deactivated integer NOT NULL DEFAULT 0 CHECK (deactivated >= 0),
      unchanged integer NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
      skipped integer NOT NULL DEFAULT 0 CHECK (skipped >= 0),
      error text CHECK (length(error) BETWEEN 1 AND 500),
      requested_by uuid,
      job_id text CHECK (length(job_id) BETWEEN 1 AND 200),
      FOREIGN KEY (requested_by, organization_id) REFERENCES users (id, organization_id),
      CHECK ((mode = 'delta') = (since IS NOT NULL)),
      CHECK ((status = 'running') = (finished_at IS NULL)),
      CHECK ((status = 'failed') = (error IS NOT NULL))
    );
    CREATE UNIQUE INDEX sis_sync_runs_one_running_idx ON sis_sync_runs (organization_id) WHERE status = 'running';
    CREATE INDEX sis_sync_runs_recent_idx ON sis_sync_runs (organization_id, started_at DESC);
  `,
  down: `
    DROP TABLE sis_sync_runs;
    DROP INDEX schools_sis_sourced_id_idx;
    ALTER TABLE schools DROP COLUMN sis_sourced_id;
    DROP INDEX students_sis_sourced_id_idx;
    ALTER TABLE students DROP COLUMN sis_sourced_id;
  `,
};
