/**
 * The scheduled dose slots of an organization, shared by the due list and the reminders so
 * both agree on what "a dose is due" means. Each active, non-PRN prescription's schedule is
 * expanded on the school's local days `:days` (offsets from today: 0 today, 1 tomorrow) in
 * its time zone; PostgreSQL's zone rules turn the wall-clock times into instants.
 * Replacements: :organizationId, :timeZone, :days (a non-empty array of integers).
 */
export const SLOTS_CTE = `
  local AS (SELECT (now() AT TIME ZONE :timeZone)::date AS today),
  slots AS (
    SELECT p.id AS prescription_id, p.student_id, p.medication_id, p.dose, p.route,
           ((d.day + t::time) AT TIME ZONE :timeZone) AS scheduled_for
      FROM prescriptions p
     CROSS JOIN local
     CROSS JOIN LATERAL (SELECT local.today + o AS day FROM unnest(ARRAY[:days]::int[]) o) d
     CROSS JOIN LATERAL unnest(p.schedule_times) t
     WHERE p.organization_id = :organizationId AND NOT p.prn AND p.discontinued_at IS NULL
       AND p.start_date <= d.day AND (p.end_date IS NULL OR p.end_date >= d.day)
  )`;
