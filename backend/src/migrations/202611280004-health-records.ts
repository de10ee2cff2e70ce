import type { Migration } from './Migration.js';

/**
 * Allergies, conditions, emergency contacts and screenings. Each row references
 * (student_id, organization_id) so it can never belong to a student of another tenant.
 * Health records are never deleted: an allergy that no longer applies is is_active = false,
 * a condition that no longer applies is RESOLVED.
 */
export const healthRecordsMigration: Migration = {
  name: '202611280004-health-records',
  up: `
    CREATE TABLE allergies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      allergen text NOT NULL CHECK (length(allergen) BETWEEN 1 AND 200),
      allergy_type text NOT NULL CHECK (allergy_type IN ('FOOD','DRUG','INSECT','ENVIRONMENTAL','LATEX')),
      severity text NOT NULL CHECK (severity IN ('MILD','MODERATE','SEVERE','LIFE_THREATENING')),
      reactions text[] NOT NULL DEFAULT '{}' CHECK (cardinality(reactions) <= 20),
      emergency_protocol text CHECK (length(emergency_protocol) <= 4000),
      epi_pen_required boolean NOT NULL DEFAULT false,
      epi_pen_location text CHECK (length(epi_pen_location) <= 200),
      epi_pen_expires_on date,
      notes text CHECK (length(notes) <= 4000),
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id),
      -- EpiPen details only make sense when the child needs one.
      CHECK (epi_pen_required OR (epi_pen_location IS NULL AND epi_pen_expires_on IS NULL))
    );
    -- One active record per allergen and student (case-insensitive); history may repeat.
    CREATE UNIQUE INDEX allergies_active_allergen_uq
      ON allergies (organization_id, student_id, lower(allergen)) WHERE is_active;
    CREATE INDEX allergies_student_idx ON allergies (organization_id, student_id, created_at);
    CREATE INDEX allergies_alert_idx ON allergies (organization_id, student_id)
      WHERE is_active AND severity IN ('SEVERE','LIFE_THREATENING');

    CREATE TABLE conditions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      condition text NOT NULL CHECK (length(condition) BETWEEN 1 AND 200),
      icd10_code text CHECK (icd10_code ~ '^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$'),
      status text NOT NULL CHECK (status IN ('ACTIVE','MANAGED','RESOLVED')),
      action_plan text CHECK (length(action_plan) <= 4000),
      accommodations text CHECK (length(accommodations) <= 4000),
      triggers text[] NOT NULL DEFAULT '{}' CHECK (cardinality(triggers) <= 20),
      flagged boolean NOT NULL DEFAULT false,
      notes text CHECK (length(notes) <= 4000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id)
    );
    CREATE INDEX conditions_student_idx ON conditions (organization_id, student_id, created_at);
    CREATE INDEX conditions_alert_idx ON conditions (organization_id, student_id)
      WHERE flagged AND status <> 'RESOLVED';

    CREATE TABLE emergency_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      relationship text NOT NULL CHECK (length(relationship) BETWEEN 1 AND 100),
      priority integer NOT NULL CHECK (priority BETWEEN 1 AND 20),
      phones jsonb NOT NULL
        CHECK (jsonb_typeof(phones) = 'array' AND jsonb_array_length(phones) BETWEEN 1 AND 5),
      email text CHECK (length(email) <= 254),
      can_pick_up boolean NOT NULL,
      notes text CHECK (length(notes) <= 4000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id),
      -- Also the index for "a student's contacts in calling order".
      UNIQUE (organization_id, student_id, priority)
    );

    CREATE TABLE screenings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      student_id uuid NOT NULL,
      type text NOT NULL CHECK (type IN ('VISION','HEARING','BMI','SCOLIOSIS')),
      screened_on date NOT NULL,
      result text NOT NULL CHECK (result IN ('PASS','REFER','RESCREEN')),
      measurements jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(measurements) = 'object'),
      bmi numeric(4,1) CHECK (bmi > 0),
      referral boolean NOT NULL,
      notes text CHECK (length(notes) <= 4000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id),
      CHECK (result <> 'REFER' OR referral),
      CHECK ((type = 'BMI') = (bmi IS NOT NULL))
    );
    CREATE INDEX screenings_student_idx ON screenings (organization_id, student_id, screened_on DESC);
  `,
  down: `
    DROP TABLE screenings;
    DROP TABLE emergency_contacts;
    DROP TABLE conditions;
    DROP TABLE allergies;
  `,
};
