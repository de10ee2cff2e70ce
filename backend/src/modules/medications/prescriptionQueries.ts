/**
 * Reads of prescriptions with their medication, whether each is active today in the school's
 * time zone and (for the profile) its latest standing administration, in one query.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { PrescriptionView } from './views.js';

export interface LastAdministration {
  id: string;
  status: string;
  dose: string | null;
  route: string | null;
  administeredAt: string;
  reason: string | null;
  notes: string | null;
}

export type PrescriptionWithLast = PrescriptionView & { lastAdministration: LastAdministration | null };

export interface PrescriptionFilter {
  organizationId: string;
  studentId: string;
  timeZone: string;
  prescriptionId?: string;
  activeOnly?: boolean;
}

/** An administration stands unless a later entry corrects it. */
export const STANDING = `NOT EXISTS (SELECT 1 FROM medication_administrations c WHERE c.corrects_administration_id = a.id)`;

const ACTIVE = `(p.discontinued_at IS NULL AND p.start_date <= local.today
  AND (p.end_date IS NULL OR p.end_date >= local.today))`;

export async function findPrescriptions(
  sequelize: Sequelize,
  filter: PrescriptionFilter,
  transaction?: Transaction,
): Promise<PrescriptionWithLast[]> {
  const conditions = ['p.organization_id = :organizationId', 'p.student_id = :studentId'];
  if (filter.prescriptionId) conditions.push('p.id = :prescriptionId');
  if (filter.activeOnly) conditions.push(ACTIVE);
  const rows = await sequelize.query<PrescriptionWithLast>(
    `SELECT p.id, p.student_id AS "studentId",
            json_build_object('id', m.id, 'name', m.name, 'form', m.form, 'strength', m.strength,
                              'ndc', m.ndc, 'controlledSchedule', m.controlled_schedule) AS medication,
            p.dose, p.route, p.schedule_times AS "scheduleTimes", p.prn,
            p.min_interval_minutes AS "minIntervalMinutes",
            to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
            p.prescriber, p.parent_consent_on_file AS "parentConsentOnFile",
            p.doses_on_hand AS "dosesOnHand", p.instructions, p.discontinued_at AS "discontinuedAt",
            ${ACTIVE} AS active, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
            CASE WHEN last.id IS NULL THEN NULL ELSE json_build_object(
              'id', last.id, 'status', last.status, 'dose', last.dose, 'route', last.route,
              'administeredAt', last.administered_at, 'reason', last.reason, 'notes', last.notes)
            END AS "lastAdministration"
       FROM prescriptions p
       JOIN medications m ON m.id = p.medication_id AND m.organization_id = p.organization_id
      CROSS JOIN (SELECT (now() AT TIME ZONE :timeZone)::date AS today) local
       LEFT JOIN LATERAL (
         SELECT a.* FROM medication_administrations a
          WHERE a.prescription_id = p.id AND ${STANDING}
          ORDER BY a.administered_at DESC, a.created_at DESC LIMIT 1
       ) last ON true
      WHERE ${conditions.join(' AND ')}
      ORDER BY active DESC, p.start_date DESC, p.created_at DESC, p.id`,
    {
      replacements: {
        organizationId: filter.organizationId,
        studentId: filter.studentId,
        timeZone: filter.timeZone,
        prescriptionId: filter.prescriptionId ?? null,
      },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return rows;
}
