import type { Migration } from './Migration.js';

export const incidentsMigration: Migration = {
  name: '202611280007-incidents',
  up: `
    CREATE TABLE incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      reported_by uuid NOT NULL,
      type text NOT NULL
        CHECK (type IN ('INJURY','ILLNESS','BEHAVIORAL','ALLERGIC_REACTION','MEDICATION_ERROR','OTHER')),
      severity text NOT NULL CHECK (severity IN ('LOW','MEDIUM','HIGH','CRITICAL')),
      location text NOT NULL CHECK (length(location) BETWEEN 1 AND 200),
      occurred_at timestamptz NOT NULL,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
      actions_taken text CHECK (length(actions_taken) <= 5000),
      witnesses text[] NOT NULL DEFAULT '{}' CHECK (cardinality(witnesses) <= 20),
      parent_notified boolean NOT NULL DEFAULT false,
      parent_notified_by text CHECK (length(parent_notified_by) <= 200),
      parent_notified_at timestamptz,
      parent_notification_method text CHECK (parent_notification_method IN ('PHONE','EMAIL','IN_PERSON','TEXT')),
      follow_up_required boolean NOT NULL DEFAULT false,
      follow_up_notes text CHECK (length(follow_up_notes) <= 5000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- (student, organization) and (user, organization): a row can never point across tenants
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id) ON DELETE RESTRICT,
      FOREIGN KEY (reported_by, organization_id) REFERENCES users (id, organization_id) ON DELETE RESTRICT,
      -- the details of a notification only exist once the parents were notified
      CHECK (parent_notified OR (parent_notified_by IS NULL AND parent_notified_at IS NULL
                                 AND parent_notification_method IS NULL))
    );
    CREATE INDEX incidents_org_occurred_idx ON incidents (organization_id, occurred_at DESC);
    CREATE INDEX incidents_org_student_occurred_idx ON incidents (organization_id, student_id, occurred_at DESC);
  `,
  down: `DROP TABLE incidents;`,
};
