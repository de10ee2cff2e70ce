/** The school filter of the dose lists: a school of the caller's organization, else a 404. */
import { QueryTypes, type Sequelize } from 'sequelize';
import { AppError } from '../../infrastructure/http/AppError.js';

export async function assertSchoolOf(
  sequelize: Sequelize,
  organizationId: string,
  schoolId: string | undefined,
): Promise<void> {
  if (!schoolId) return;
  const row = await sequelize.query(
    `SELECT 1 AS found FROM schools WHERE id = :schoolId AND organization_id = :organizationId`,
    { replacements: { schoolId, organizationId }, type: QueryTypes.SELECT, plain: true },
  );
  if (!row) throw AppError.notFound('School');
}
