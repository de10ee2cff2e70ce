/**
 * The bench district's schools, students and their records, written by a few multi-row INSERTs
 * in one transaction (seconds for 5,000 students, where the services would take many minutes).
 * Each row obeys what the migrations check and what the services expect: every row carries
 * the organization, one active allergy per allergen, prescriptions that pass the five rights
 * (no controlled drug, no allergy conflict, consent on file), scheduled doses near the present
 * in the organization's time zone so the due list and the reminder job have work today.
 * Audit rows are not written: nobody read or wrote these records through the app.
 */
import type pg from 'pg';
import type { Roster } from './roster.js';

export interface DistrictOwners {
  organizationId: string;
  adminId: string;
  nurseIds: string[];
  timeZone: string;
}

/**
 * The students with their ordinal `n` (which decides every record below) and the nurse who
 * looks after them; $1 is the nurses' ids, then the roster's columns.
 */
const ROSTER_SQL = `
  CREATE TEMP TABLE bench_roster ON COMMIT DROP AS
  SELECT (r.ord - 1)::int AS n, r.id, r.school_id, r.first_name, r.last_name, r.date_of_birth, r.grade,
         r.gender, r.student_number, ($1::uuid[])[1 + (r.ord - 1)::int % cardinality($1::uuid[])] AS nurse_id
    FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[])
         WITH ORDINALITY AS r(id, school_id, first_name, last_name, date_of_birth, grade, gender, student_number, ord)`;

const SCHOOLS_SQL = `
  INSERT INTO schools (id, organization_id, name, code)
  SELECT id, $1, name, code FROM unnest($2::uuid[], $3::text[], $4::text[]) AS s(id, name, code)`;

const STUDENTS_SQL = `
  INSERT INTO students (id, organization_id, school_id, first_name, last_name, date_of_birth, grade, gender, student_number)
  SELECT id, $1, school_id, first_name, last_name, date_of_birth, grade, gender, student_number FROM bench_roster`;

/** [every nth student, offset, ...]: a few severe allergies, more mild ones, like a real school. */
const ALLERGIES_SQL = `
  INSERT INTO allergies (organization_id, student_id, allergen, allergy_type, severity, reactions,
                         emergency_protocol, epi_pen_required, epi_pen_location, epi_pen_expires_on)
  SELECT $1, r.id, a.allergen, a.kind, a.severity, a.reactions, a.protocol, a.epi_location IS NOT NULL,
         a.epi_location, CASE WHEN a.epi_location IS NOT NULL THEN current_date + a.epi_days END
    FROM bench_roster r
    JOIN (VALUES
      (6, 0, 'Peanut', 'FOOD', 'LIFE_THREATENING', ARRAY['Hives', 'Throat swelling', 'Wheezing'],
       'Give epinephrine auto-injector, call 911, then call parent.', 'Nurse''s office, labelled box', 210),
      (10, 3, 'Tree nuts', 'FOOD', 'SEVERE', ARRAY['Hives', 'Vomiting'],
       'Give antihistamine per plan; epinephrine if breathing is affected.', 'Backpack, front pocket', 60),
      (8, 5, 'Penicillin', 'DRUG', 'SEVERE', ARRAY['Rash', 'Facial swelling'], NULL, NULL, NULL),
      (15, 7, 'Bee venom', 'INSECT', 'LIFE_THREATENING', ARRAY['Swelling', 'Difficulty breathing'],
       'Epinephrine at once, call 911.', 'Classroom go-bag', 300),
      (5, 1, 'Grass pollen', 'ENVIRONMENTAL', 'MILD', ARRAY['Sneezing', 'Itchy eyes'], NULL, NULL, NULL),
      (12, 2, 'Latex', 'LATEX', 'MODERATE', ARRAY['Contact rash'], NULL, NULL, NULL)
    ) AS a(every, off, allergen, kind, severity, reactions, protocol, epi_location, epi_days)
      ON r.n % a.every = a.off`;

const CONDITIONS_SQL = `
  INSERT INTO conditions (organization_id, student_id, condition, icd10_code, status, action_plan,
                          accommodations, triggers, flagged)
  SELECT $1, r.id, c.name, c.icd10, c.status, c.plan, c.accommodations, c.triggers, c.flagged
    FROM bench_roster r
    JOIN (VALUES
      (5, 0, 'Asthma', 'J45.909', 'ACTIVE', 'Albuterol inhaler 2 puffs with spacer before PE and as needed.',
       'Inhaler carried at all times.', ARRAY['Cold air', 'Exercise'], true),
      (20, 4, 'Type 1 diabetes', 'E10.9', 'ACTIVE', 'Check glucose before lunch and PE; treat lows per plan.',
       'Snacks allowed in class.', ARRAY['Skipped meals'], true),
      (30, 9, 'Epilepsy', 'G40.909', 'MANAGED', 'Time the seizure; rescue medication after 5 minutes.',
       NULL, ARRAY['Lack of sleep', 'Flashing lights'], true),
      (9, 6, 'ADHD', 'F90.9', 'MANAGED', NULL, 'Preferential seating.', ARRAY[]::text[], false),
      (11, 8, 'Eczema', 'L30.9', 'ACTIVE', NULL, NULL, ARRAY['Wool', 'Heat'], false)
    ) AS c(every, off, name, icd10, status, plan, accommodations, triggers, flagged)
      ON r.n % c.every = c.off`;

/** 555-0100..0199 are reserved for fiction: no real family gets a call. */
const CONTACTS_SQL = `
  INSERT INTO emergency_contacts (organization_id, student_id, name, relationship, priority, phones, email, can_pick_up)
  SELECT $1, r.id, (ARRAY['Maria', 'James', 'Linh', 'Omar', 'Grace', 'Ravi', 'Ana', 'David'])[1 + (r.n + p.priority * 3) % 8]
           || ' ' || r.last_name,
         CASE WHEN p.priority = 2 THEN 'Grandmother' WHEN r.n % 2 = 0 THEN 'Mother' ELSE 'Father' END,
         p.priority,
         jsonb_build_array(jsonb_build_object('type', CASE WHEN p.priority = 1 THEN 'MOBILE' ELSE 'HOME' END,
           'number', '+1 ' || (200 + (r.n + p.priority) % 700) || ' 555-01' || lpad(((r.n + p.priority) % 100)::text, 2, '0'))),
         CASE WHEN p.priority = 1 THEN 'parent' || (r.n + 1) || '@family.example' END,
         p.priority = 1 OR r.n % 4 = 0
    FROM bench_roster r
    JOIN (VALUES (1), (2)) AS p(priority) ON p.priority = 1 OR r.n % 2 = 0
   WHERE r.n % 8 <> 7`;

const SCREENINGS_SQL = `
  INSERT INTO screenings (organization_id, student_id, type, screened_on, result, measurements, referral)
  SELECT $1, r.id, 'VISION', current_date - (30 + r.n % 120),
         CASE WHEN r.n % 7 = 0 THEN 'REFER' ELSE 'PASS' END,
         CASE WHEN r.n % 7 = 0 THEN '{"rightEye": "20/50", "leftEye": "20/40"}'::jsonb
              ELSE '{"rightEye": "20/20", "leftEye": "20/25"}'::jsonb END,
         r.n % 7 = 0
    FROM bench_roster r WHERE r.n % 2 = 0`;

const SETTINGS_SQL = `INSERT INTO medication_settings (organization_id, time_zone, dose_window_minutes) VALUES ($1, $2, 60)`;

/**
 * One student in four has a prescription: three scheduled orders, two PRN. A scheduled dose's
 * time is 90 minutes before to 55 minutes after the load, in the school's time zone, so some are
 * overdue and more are due while the bench runs; yesterday's dose of each was given.
 * A PRN order had one dose earlier today.
 */
const PRESCRIPTIONS_SQL = `
  WITH formulary AS (
    INSERT INTO medications (organization_id, name, form, strength)
    VALUES ($1, 'Cetirizine', 'TABLET', '10 mg'), ($1, 'Insulin lispro', 'INJECTION', '100 units/mL'),
           ($1, 'Montelukast', 'TABLET', '5 mg'), ($1, 'Albuterol HFA', 'INHALER', '90 mcg/actuation'),
           ($1, 'Acetaminophen', 'LIQUID', '160 mg/5 mL')
    RETURNING id, name
  ),
  orders AS (
    SELECT f.id AS medication_id, o.*
      FROM (VALUES
        (0, 'Cetirizine', '10 mg', 'ORAL', false, NULL::int, 'Dr. Priya Natarajan', 'Seasonal allergies.'),
        (1, 'Insulin lispro', '2 units', 'SUBCUTANEOUS', false, NULL, 'Dr. Maria Espinoza', 'Check glucose first.'),
        (2, 'Montelukast', '5 mg', 'ORAL', false, NULL, 'Dr. Helen Okoye', 'Chewable; with water.'),
        (3, 'Albuterol HFA', '2 puffs', 'INHALED', true, 240, 'Dr. Helen Okoye', 'For wheezing; may repeat after 4 hours.'),
        (4, 'Acetaminophen', '10 mL', 'ORAL', true, 360, 'Dr. Samuel Brandt', 'For fever or pain; call parent after.')
      ) AS o(k, name, dose, route, prn, min_interval, prescriber, instructions)
      JOIN formulary f ON f.name = o.name
  ),
  local AS (SELECT now() AT TIME ZONE $2::text AS now_local),
  prescribed AS (
    INSERT INTO prescriptions (organization_id, student_id, medication_id, dose, route, schedule_times, prn,
                               min_interval_minutes, start_date, prescriber, parent_consent_on_file,
                               doses_on_hand, instructions, created_by)
    SELECT $1, r.id, o.medication_id, o.dose, o.route,
           CASE WHEN o.prn THEN ARRAY[]::text[] ELSE ARRAY[to_char(date_trunc('minute', local.now_local)
             + make_interval(mins => ((r.n / 20) % 30) * 5 - 90), 'HH24:MI')] END,
           o.prn, o.min_interval, local.now_local::date - (20 + r.n % 30), o.prescriber, true, 30,
           o.instructions, r.nurse_id
      FROM bench_roster r
      CROSS JOIN local
      JOIN orders o ON o.k = (r.n / 4) % 5
     WHERE r.n % 4 = 1
    RETURNING id, student_id, dose, route, prn, schedule_times, created_by
  )
  INSERT INTO medication_administrations (organization_id, student_id, prescription_id, status, dose, route,
                                          administered_at, scheduled_for, notes, administered_by)
  SELECT $1, p.student_id, p.id, 'GIVEN', p.dose, p.route,
         CASE WHEN p.prn THEN now() - interval '2 hours'
              ELSE slot.at + interval '4 minutes' END,
         slot.at, CASE WHEN p.prn THEN 'Symptoms eased within 20 minutes.' END, p.created_by
    FROM prescribed p
    CROSS JOIN local
    CROSS JOIN LATERAL (
      SELECT CASE WHEN p.prn THEN NULL
                  ELSE ((local.now_local::date - 1) + p.schedule_times[1]::time) AT TIME ZONE $2::text END AS at
    ) slot`;

/** The ACIP childhood schedule (CVX, age in months); one in ten has a gap, exemption or nothing. */
const IMMUNIZATIONS_SQL = `
  INSERT INTO student_immunizations (organization_id, student_id, cvx_code, administered_on, lot_number, mvx_code, source)
  SELECT $1, r.id, d.cvx, (r.date_of_birth + make_interval(months => d.months))::date,
         (ARRAY['A7K2', 'B19Q', 'C3M8', 'D44T', 'E5R1'])[1 + r.n % 5], d.mvx, 'HISTORICAL'
    FROM bench_roster r
    JOIN (VALUES ('08', 0, false, 'MSD'), ('110', 2, false, 'SKB'), ('110', 4, false, 'SKB'),
                 ('110', 6, false, 'SKB'), ('94', 12, false, 'MSD'), ('20', 15, false, 'PMC'),
                 ('130', 54, false, 'SKB'), ('94', 54, false, 'MSD'), ('115', 136, true, NULL),
                 ('114', 136, true, NULL)
    ) AS d(cvx, months, adolescent, mvx)
      ON NOT d.adolescent OR (r.grade IN ('7', '8', '9', '10', '11', '12') AND r.n % 4 <> 1)
   WHERE r.n % 10 <> 9
     AND NOT (r.n % 10 = 3 AND d.months = 54)
     AND NOT (r.n % 10 = 7 AND d.cvx = '94')
     AND (r.date_of_birth + make_interval(months => d.months))::date <= current_date`;

const EXEMPTIONS_SQL = `
  INSERT INTO student_immunization_exemptions (organization_id, student_id, series, type, notes)
  SELECT $1, r.id, s.series, CASE WHEN r.n % 20 = 7 THEN 'MEDICAL' ELSE 'RELIGIOUS' END, 'Signed form on file'
    FROM bench_roster r CROSS JOIN (VALUES ('MMR'), ('Varicella')) AS s(series)
   WHERE r.n % 10 = 7`;

/** One student in fifty had an incident in the last few hours. */
const INCIDENTS_SQL = `
  INSERT INTO incidents (organization_id, student_id, reported_by, type, severity, location, occurred_at,
                         description, actions_taken)
  SELECT $1, r.id, r.nurse_id,
         (ARRAY['INJURY', 'ILLNESS', 'BEHAVIORAL', 'ALLERGIC_REACTION', 'OTHER'])[1 + (r.n / 50) % 5],
         (ARRAY['LOW', 'MEDIUM', 'LOW', 'HIGH'])[1 + (r.n / 50) % 4],
         (ARRAY['Playground', 'Gym', 'Cafeteria', 'Classroom'])[1 + (r.n / 50) % 4],
         now() - make_interval(mins => 20 * (1 + (r.n / 50) % 8)),
         'Seen in the health office; details recorded by the nurse.', 'Ice pack applied; returned to class.'
    FROM bench_roster r WHERE r.n % 50 = 0`;

/**
 * One student in forty has an appointment today, each nurse one every 15 minutes, so no slot is
 * double-booked; slots already past are COMPLETED. Less than 24 h ahead: no reminder is due.
 */
const APPOINTMENTS_SQL = `
  INSERT INTO appointments (organization_id, student_id, nurse_id, created_by, starts_at, duration_minutes,
                            type, status, reason)
  SELECT $1, r.id, nurse.id, nurse.id, slot.at, 15,
         (ARRAY['MEDICATION', 'SCREENING', 'FOLLOW_UP', 'COUNSELING'])[1 + k % 4],
         CASE WHEN slot.at < now() THEN 'COMPLETED' ELSE 'SCHEDULED' END, 'Routine check'
    FROM (SELECT r.*, r.n / 40 AS k FROM bench_roster r WHERE r.n % 40 = 3) r
    CROSS JOIN LATERAL (SELECT ($2::uuid[])[1 + r.k % cardinality($2::uuid[])] AS id) nurse
    CROSS JOIN LATERAL (
      SELECT date_trunc('hour', now()) + make_interval(mins => 15 * (r.k / cardinality($2::uuid[]) - 8)) AS at
    ) slot`;

/** Each school's health-office stock, with its opening RECEIVE in the ledger; one low, one expiring. */
const INVENTORY_SQL = `
  WITH items AS (
    INSERT INTO inventory_items (organization_id, school_id, name, category, unit, quantity, reorder_level,
                                 expires_on, location)
    SELECT $1, s.id, i.name, i.category, i.unit, i.quantity, i.reorder_level,
           current_date + i.expires_in, i.location
      FROM schools s
      CROSS JOIN (VALUES
        ('Acetaminophen 160 mg/5 mL', 'MEDICATION', 'bottle', 6, 2, 240, 'Locked cabinet'),
        ('Ibuprofen 100 mg chewable', 'MEDICATION', 'tablet', 35, 40, 20, 'Locked cabinet'),
        ('Epinephrine auto-injector 0.15 mg', 'MEDICATION', 'auto-injector', 4, 2, 150, 'Emergency bag'),
        ('Adhesive bandages, assorted', 'FIRST_AID', 'box', 12, 5, NULL, 'Shelf B'),
        ('Instant cold packs', 'FIRST_AID', 'each', 24, 10, NULL, 'Shelf B'),
        ('Nitrile gloves, medium', 'SUPPLY', 'box', 8, 3, NULL, 'Shelf A'),
        ('Digital thermometer', 'EQUIPMENT', 'each', 3, 1, NULL, 'Desk')
      ) AS i(name, category, unit, quantity, reorder_level, expires_in, location)
     WHERE s.organization_id = $1
    RETURNING id, quantity
  )
  INSERT INTO inventory_transactions (organization_id, item_id, performed_by, type, quantity_change, reason)
  SELECT $1, id, $2, 'RECEIVE', quantity, 'Opening stock' FROM items`;

export async function insertDistrictRecords(
  client: pg.Client,
  owners: DistrictOwners,
  roster: Roster,
): Promise<void> {
  const { organizationId: org, adminId, nurseIds, timeZone } = owners;
  const s = roster.students;
  await client.query('BEGIN');
  try {
    await client.query(SCHOOLS_SQL, [org, roster.schools.ids, roster.schools.names, roster.schools.codes]);
    await client.query(ROSTER_SQL, [
      nurseIds,
      s.ids,
      s.schoolIds,
      s.firstNames,
      s.lastNames,
      s.datesOfBirth,
      s.grades,
      s.genders,
      s.studentNumbers,
    ]);
    await client.query(STUDENTS_SQL, [org]);
    for (const sql of [ALLERGIES_SQL, CONDITIONS_SQL, CONTACTS_SQL, SCREENINGS_SQL, IMMUNIZATIONS_SQL])
      await client.query(sql, [org]);
    await client.query(EXEMPTIONS_SQL, [org]);
    await client.query(SETTINGS_SQL, [org, timeZone]);
    await client.query(PRESCRIPTIONS_SQL, [org, timeZone]);
    await client.query(INCIDENTS_SQL, [org]);
    await client.query(APPOINTMENTS_SQL, [org, nurseIds]);
    await client.query(INVENTORY_SQL, [org, adminId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // Fresh statistics and visibility maps, as a database in service has: the planner then
  // picks the indexes, and autovacuum does not wake up on the bulk load in the middle of
  // the first section (on 2 cores it took a core from an alert-delivery run: p99 3.7x raw).
  await client.query('VACUUM (ANALYZE)');
}
