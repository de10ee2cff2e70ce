/**
 * The student's Medicaid member id: `students.medicaid_id`, a column this module's migration
 * added. Plain SQL instead of a second model of `students` (the students module's model stays
 * the only one); every statement names the organization.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

export class MedicaidIdStore {
  constructor(private readonly sequelize: Sequelize) {}

  /** The id (null when none is recorded), or undefined when the student is not in this organization. */
  async get(organizationId: string, studentId: string): Promise<string | null | undefined> {
    const rows = await this.sequelize.query<{ medicaidId: string | null }>(
      `SELECT medicaid_id AS "medicaidId" FROM students WHERE id = :studentId AND organization_id = :organizationId`,
      { replacements: { organizationId, studentId }, type: QueryTypes.SELECT },
    );
    return rows[0] === undefined ? undefined : rows[0].medicaidId;
  }

  /** False when the student is not in this organization. */
  async set(
    organizationId: string,
    studentId: string,
    medicaidId: string | null,
    transaction: Transaction,
  ): Promise<boolean> {
    const rows = await this.sequelize.query<{ id: string }>(
      `UPDATE students SET medicaid_id = :medicaidId, updated_at = now()
        WHERE id = :studentId AND organization_id = :organizationId
        RETURNING id`,
      { replacements: { organizationId, studentId, medicaidId }, type: QueryTypes.SELECT, transaction },
    );
    return rows.length > 0;
  }
}
