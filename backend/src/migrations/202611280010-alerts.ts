import type { Migration } from './Migration.js';

export const alertsMigration: Migration = {
  name: '202611280010-alerts',
  up: `
    CREATE TABLE emergency_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      type text NOT NULL
        CHECK (type IN ('ALLERGIC_REACTION','SEIZURE','CARDIAC','RESPIRATORY','INJURY','DIABETIC','OTHER')),
      severity text NOT NULL CHECK (severity IN ('LOW','MEDIUM','HIGH','CRITICAL')),
      location text NOT NULL CHECK (length(location) BETWEEN 1 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      student_id uuid,
      raised_by uuid NOT NULL,
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RESOLVED')),
      escalated_at timestamptz,
      resolved_at timestamptz,
      resolved_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- (student, organization) and (user, organization): a row can never point across tenants
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id) ON DELETE RESTRICT,
      FOREIGN KEY (raised_by, organization_id) REFERENCES users (id, organization_id) ON DELETE RESTRICT,
      FOREIGN KEY (resolved_by, organization_id) REFERENCES users (id, organization_id) ON DELETE RESTRICT,
      -- resolved means who and when; open means neither
      CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL AND resolved_by IS NOT NULL)),
      UNIQUE (id, organization_id)
    );
    -- the list (newest first, by status) and the replay / escalation scan (open, oldest first)
    CREATE INDEX emergency_alerts_org_created_idx ON emergency_alerts (organization_id, created_at DESC);
    CREATE INDEX emergency_alerts_open_idx ON emergency_alerts (organization_id, created_at)
      WHERE status = 'OPEN';

    CREATE TABLE alert_acknowledgements (
      alert_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      user_id uuid NOT NULL,
      acknowledged_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (alert_id, user_id),
      FOREIGN KEY (alert_id, organization_id) REFERENCES emergency_alerts (id, organization_id) ON DELETE CASCADE,
      FOREIGN KEY (user_id, organization_id) REFERENCES users (id, organization_id) ON DELETE RESTRICT
    );
    -- "open alerts this user has not acknowledged" on every socket (re)connect
    CREATE INDEX alert_acknowledgements_user_idx ON alert_acknowledgements (user_id, alert_id);
  `,
  down: `
    DROP TABLE alert_acknowledgements;
    DROP TABLE emergency_alerts;
  `,
};
