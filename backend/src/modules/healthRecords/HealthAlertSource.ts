/**
 * What could harm a child, on every student list row and profile: active severe and
 * life-threatening allergies and flagged conditions that are not resolved. The list asks for
 * a page of students at once, so this is one query for the whole batch.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { AlertSource, StudentAlert } from '../students/index.js';

const ALERTS_SQL = `
  SELECT student_id AS "studentId", 'ALLERGY' AS kind, severity, allergen AS name,
         CASE severity WHEN 'LIFE_THREATENING' THEN 0 ELSE 1 END AS rank
    FROM allergies
   WHERE organization_id = :organizationId AND student_id IN (:studentIds)
     AND is_active AND severity IN ('SEVERE', 'LIFE_THREATENING')
  UNION ALL
  SELECT student_id, 'CONDITION', 'FLAGGED', condition, 2
    FROM conditions
   WHERE organization_id = :organizationId AND student_id IN (:studentIds)
     AND flagged AND status <> 'RESOLVED'
  ORDER BY rank, name`;

interface AlertRow {
  studentId: string;
  kind: 'ALLERGY' | 'CONDITION';
  severity: string;
  name: string;
}

const SEVERITY_LABEL: Record<string, string> = {
  LIFE_THREATENING: 'life-threatening',
  SEVERE: 'severe',
};

function toAlert(row: AlertRow): StudentAlert {
  const label = row.kind === 'ALLERGY' ? `${row.name} (${SEVERITY_LABEL[row.severity]})` : row.name;
  return { kind: row.kind, severity: row.severity, label };
}

export class HealthAlertSource implements AlertSource {
  constructor(private readonly sequelize: Sequelize) {}

  async alertsFor(
    organizationId: string,
    studentIds: readonly string[],
  ): Promise<Map<string, StudentAlert[]>> {
    const alerts = new Map<string, StudentAlert[]>();
    if (studentIds.length === 0) return alerts;
    const rows = await this.sequelize.query<AlertRow>(ALERTS_SQL, {
      replacements: { organizationId, studentIds: [...studentIds] },
      type: QueryTypes.SELECT,
    });
    for (const row of rows) {
      const list = alerts.get(row.studentId) ?? [];
      list.push(toAlert(row));
      alerts.set(row.studentId, list);
    }
    return alerts;
  }
}
