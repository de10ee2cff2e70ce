import type { Migration } from './Migration.js';

/**
 * The formulary, prescriptions and the medication administration record (MAR).
 * Every child row references its parent together with organization_id, so a row can never
 * point across tenants; an administration also names its prescription's student, so a dose
 * can never be filed under another child. The MAR is append-only: mistakes are corrected by
 * a new row that names the one it corrects, never by UPDATE or DELETE.
 */
export const medicationsMigration: Migration = {
  name: '202611280005-medications',
  up: `
    CREATE TABLE medications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      form text NOT NULL
        CHECK (form IN ('TABLET','CAPSULE','LIQUID','INHALER','INJECTION','TOPICAL','DROPS','OTHER')),
      strength text NOT NULL CHECK (length(strength) BETWEEN 1 AND 100),
      ndc text CHECK (ndc ~ '^([0-9]{4}-[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{3}-[0-9]{2}|[0-9]{5}-[0-9]{4}-[0-9]{1,2}|[0-9]{10,11})$'),
      controlled_schedule text CHECK (controlled_schedule IN ('II','III','IV','V')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (id, organization_id)
    );
    -- One formulary entry per name, form and strength: inline prescriptions find-or-create on it.
    CREATE UNIQUE INDEX medications_org_identity_key
      ON medications (organization_id, lower(name), form, lower(strength));

    CREATE TABLE medication_settings (
      organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE RESTRICT,
      -- Converting a timestamp raises on an unknown zone name, so only real zones get stored.
      time_zone text NOT NULL DEFAULT 'America/New_York'
        CHECK ((timestamp '2000-01-01 00:00' AT TIME ZONE time_zone) IS NOT NULL),
      dose_window_minutes integer NOT NULL DEFAULT 60 CHECK (dose_window_minutes BETWEEN 5 AND 240),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE prescriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      student_id uuid NOT NULL,
      medication_id uuid NOT NULL,
      dose text NOT NULL CHECK (length(dose) BETWEEN 1 AND 100),
      route text NOT NULL
        CHECK (route IN ('ORAL','INHALED','TOPICAL','SUBCUTANEOUS','INTRAMUSCULAR','OPHTHALMIC','OTIC','NASAL','OTHER')),
      schedule_times text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(schedule_times) = 0
          OR array_to_string(schedule_times, ',') ~ '^([01][0-9]|2[0-3]):[0-5][0-9](,([01][0-9]|2[0-3]):[0-5][0-9])*$'),
      prn boolean NOT NULL DEFAULT false,
      min_interval_minutes integer CHECK (min_interval_minutes BETWEEN 1 AND 1440),
      start_date date NOT NULL,
      end_date date,
      prescriber text NOT NULL CHECK (length(prescriber) BETWEEN 1 AND 200),
      parent_consent_on_file boolean NOT NULL,
      doses_on_hand integer NOT NULL CHECK (doses_on_hand >= 0),
      instructions text CHECK (length(instructions) <= 2000),
      discontinued_at timestamptz,
      -- Why the end date was changed or the prescription discontinued (the latest change).
      change_reason text CHECK (length(change_reason) <= 500),
      discontinued_by uuid,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id),
      FOREIGN KEY (medication_id, organization_id) REFERENCES medications (id, organization_id),
      FOREIGN KEY (created_by, organization_id) REFERENCES users (id, organization_id),
      FOREIGN KEY (discontinued_by, organization_id) REFERENCES users (id, organization_id),
      CHECK (end_date IS NULL OR end_date >= start_date),
      -- Exactly one of a schedule or PRN; PRN needs its minimum interval.
      CHECK ((prn AND cardinality(schedule_times) = 0 AND min_interval_minutes IS NOT NULL)
          OR (NOT prn AND cardinality(schedule_times) > 0)),
      CHECK (discontinued_at IS NULL OR change_reason IS NOT NULL),
      UNIQUE (id, organization_id),
      UNIQUE (id, student_id, organization_id)
    );
    CREATE INDEX prescriptions_org_student_idx ON prescriptions (organization_id, student_id);
    -- The due list scans the organization's current scheduled prescriptions.
    CREATE INDEX prescriptions_org_active_idx ON prescriptions (organization_id, start_date, end_date)
      WHERE discontinued_at IS NULL AND NOT prn;

    CREATE TABLE medication_administrations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      student_id uuid NOT NULL,
      prescription_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('GIVEN','REFUSED','MISSED','HELD')),
      dose text CHECK (length(dose) <= 100),
      route text
        CHECK (route IN ('ORAL','INHALED','TOPICAL','SUBCUTANEOUS','INTRAMUSCULAR','OPHTHALMIC','OTIC','NASAL','OTHER')),
      administered_at timestamptz NOT NULL,
      -- The schedule slot this entry answers (scheduled prescriptions only): the due list's key.
      scheduled_for timestamptz,
      reason text CHECK (length(reason) <= 500),
      witness_user_id uuid,
      notes text CHECK (length(notes) <= 2000),
      corrects_administration_id uuid,
      administered_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (prescription_id, student_id, organization_id)
        REFERENCES prescriptions (id, student_id, organization_id),
      FOREIGN KEY (student_id, organization_id) REFERENCES students (id, organization_id),
      FOREIGN KEY (administered_by, organization_id) REFERENCES users (id, organization_id),
      FOREIGN KEY (witness_user_id, organization_id) REFERENCES users (id, organization_id),
      -- A correction names an earlier entry of the same prescription.
      FOREIGN KEY (corrects_administration_id, prescription_id)
        REFERENCES medication_administrations (id, prescription_id),
      CHECK (status = 'GIVEN' OR reason IS NOT NULL),
      CHECK (status <> 'GIVEN' OR (dose IS NOT NULL AND route IS NOT NULL)),
      CHECK (witness_user_id IS NULL OR witness_user_id <> administered_by),
      UNIQUE (id, prescription_id)
    );
    -- An entry is corrected at most once; the correction chain stays linear.
    CREATE UNIQUE INDEX medication_administrations_corrects_key
      ON medication_administrations (corrects_administration_id) WHERE corrects_administration_id IS NOT NULL;
    CREATE INDEX medication_administrations_prescription_idx
      ON medication_administrations (prescription_id, administered_at DESC);
    CREATE INDEX medication_administrations_org_slot_idx
      ON medication_administrations (organization_id, scheduled_for) WHERE scheduled_for IS NOT NULL;

    CREATE FUNCTION medication_administrations_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'medication_administrations is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END
    $fn$;
    CREATE TRIGGER medication_administrations_no_update_delete
      BEFORE UPDATE OR DELETE ON medication_administrations
      FOR EACH ROW EXECUTE FUNCTION medication_administrations_refuse_change();
    CREATE TRIGGER medication_administrations_no_truncate
      BEFORE TRUNCATE ON medication_administrations
      FOR EACH STATEMENT EXECUTE FUNCTION medication_administrations_refuse_change();
  `,
  down: `
    DROP TABLE medication_administrations;
    DROP FUNCTION medication_administrations_refuse_change();
    DROP TABLE prescriptions;
    DROP TABLE medication_settings;
    DROP TABLE medications;
  `,
};
