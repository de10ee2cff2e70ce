/**
 * Exemptions of active students expiring within the coming `daysAhead` days (today
 * included), unless a later or permanent exemption of the same series already replaces them.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Grade } from '../students/index.js';
import type { SeriesName } from './vaccineCodes.js';

export interface ExpiringExemption {
  id: string;
  studentId: string;
  firstName: string;
  lastName: string;
  grade: Grade;
  series: SeriesName;
  /** YYYY-MM-DD */
  expiresOn: string;
}

export const expiringExemptionKey = (exemption: Pick<ExpiringExemption, 'id' | 'expiresOn'>) =>
  `immunization-exemption-expiring:${exemption.id}:${exemption.expiresOn}`;

export function expiringExemptions(
  sequelize: Sequelize,
  organizationId: string,
  asOf: string,
  daysAhead: number,
): Promise<ExpiringExemption[]> {
  return sequelize.query<ExpiringExemption>(
    `SELECT e.id, e.student_id AS "studentId", s.first_name AS "firstName", s.last_name AS "lastName",
            s.grade, e.series, to_char(e.expires_on, 'YYYY-MM-DD') AS "expiresOn"
       FROM student_immunization_exemptions e
       JOIN students s ON s.id = e.student_id AND s.organization_id = e.organization_id
      WHERE e.organization_id = :organizationId AND s.is_active
        AND e.expires_on BETWEEN CAST(:asOf AS date) AND CAST(:asOf AS date) + CAST(:daysAhead AS integer)
        AND NOT EXISTS (
          SELECT 1 FROM student_immunization_exemptions later
           WHERE later.organization_id = e.organization_id AND later.student_id = e.student_id
             AND later.series = e.series AND later.id <> e.id
             AND (later.expires_on IS NULL OR later.expires_on > e.expires_on))
      ORDER BY e.expires_on, e.id`,
    { replacements: { organizationId, asOf, daysAhead }, type: QueryTypes.SELECT },
  );
}
