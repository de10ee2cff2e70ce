import type { Migration } from './Migration.js';

const SERIES = `('DTaP','Polio','MMR','HepB','Varicella','Tdap','MenACWY')`;

export const immunizationsMigration: Migration = {
  name: '202611280006-immunizations',
  up: `
    CREATE TABLE student_immunizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      cvx_code text NOT NULL CHECK (cvx_code ~ '^[0-9]{2,3}$'),
      administered_on date NOT NULL CHECK (administered_on >= DATE '1900-01-01'),
      dose_number smallint CHECK (dose_number BETWEEN 1 AND 10),
      lot_number text CHECK (length(lot_number) <= 50),
      mvx_code text CHECK (mvx_code ~ '^[A-Z]{2,3}$'),
      source text NOT NULL CHECK (source IN ('ADMINISTERED','HISTORICAL')),
      notes text CHECK (length(notes) <= 2000),
      recorded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id) ON DELETE CASCADE,
      FOREIGN KEY (recorded_by, organization_id) REFERENCES users (id, organization_id),
      -- The same vaccine twice on one day is a duplicate entry, not a second dose.
      UNIQUE (organization_id, student_id, cvx_code, administered_on)
    );
    CREATE INDEX student_immunizations_student_idx
      ON student_immunizations (organization_id, student_id, administered_on);

    CREATE TABLE student_immunization_exemptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      series text NOT NULL CHECK (series IN ${SERIES}),
      type text NOT NULL CHECK (type IN ('MEDICAL','RELIGIOUS','PERSONAL')),
      expires_on date,
      notes text CHECK (length(notes) <= 2000),
      recorded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id) ON DELETE CASCADE,
      FOREIGN KEY (recorded_by, organization_id) REFERENCES users (id, organization_id)
    );
    CREATE INDEX student_immunization_exemptions_student_idx
      ON student_immunization_exemptions (organization_id, student_id);

    -- One rule set per organization (its state's rules); none means the shipped default.
    CREATE TABLE immunization_rule_sets (
      organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
      rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'object'),
      updated_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (updated_by, organization_id) REFERENCES users (id, organization_id)
    );
  `,
  down: `
    DROP TABLE immunization_rule_sets;
    DROP TABLE student_immunization_exemptions;
    DROP TABLE student_immunizations;
  `,
};
