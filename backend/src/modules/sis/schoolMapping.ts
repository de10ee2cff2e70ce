/**
 * Our school for each SIS school: a school already linked by sourcedId; else one entered by
 * hand under exactly the SIS's name, which is linked; else a new school. A SIS school whose
 * name another of our schools already uses (linked elsewhere) stays unmapped: its students
 * get no school rather than the wrong one.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { RosterSchool } from '../../integrations/clients/SisApiClient.js';

const NAME_MAX = 200;

export async function mapSchools(
  sequelize: Sequelize,
  organizationId: string,
  schools: readonly RosterSchool[],
): Promise<Map<string, string>> {
  const rows = JSON.stringify(
    schools
      .filter((s) => s.status === 'active')
      .map((s) => ({ sourced_id: s.sourcedId, name: s.name.slice(0, NAME_MAX), code: s.identifier ?? null })),
  );
  return sequelize.transaction(async (transaction) => {
    const options = { replacements: { organizationId, rows }, transaction };
    await sequelize.query(
      `UPDATE schools s SET sis_sourced_id = r.sourced_id, updated_at = now()
         FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(sourced_id text, name text)
        WHERE s.organization_id = :organizationId AND s.sis_sourced_id IS NULL AND s.name = r.name
          AND NOT EXISTS (SELECT 1 FROM schools o
                           WHERE o.organization_id = :organizationId AND o.sis_sourced_id = r.sourced_id)`,
      options,
    );
    await sequelize.query(
      `INSERT INTO schools (organization_id, name, code, sis_sourced_id)
       SELECT :organizationId, r.name, r.code, r.sourced_id
         FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(sourced_id text, name text, code text)
       ON CONFLICT DO NOTHING`,
      options,
    );
    const linked = await sequelize.query<{ id: string; sourcedId: string }>(
      `SELECT id, sis_sourced_id AS "sourcedId" FROM schools
        WHERE organization_id = :organizationId AND sis_sourced_id IS NOT NULL`,
      { ...options, type: QueryTypes.SELECT },
    );
    return new Map(linked.map((s) => [s.sourcedId, s.id]));
  });
}
