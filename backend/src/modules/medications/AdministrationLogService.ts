/**
 * The medication administration log over calendar days in the school's time zone: every
 * standing entry (a corrected entry is replaced by its correction) with the student's, the
 * medication's, the giver's and the witness's names, oldest first. For reports: no actor and
 * no audit here, the caller audits what it hands out.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { AdministrationStatus, MedicationRoute } from './constants.js';
import type { DoseClock } from './DoseClock.js';
import { STANDING } from './prescriptionQueries.js';

export interface AdministrationLogFilter {
  /** First and last day (YYYY-MM-DD, inclusive) in the organization's time zone. */
  from: string;
  to: string;
  studentId?: string;
}

export interface AdministrationLogEntry {
  administeredAt: Date;
  studentId: string;
  studentName: string;
  /** Name and strength: "Ibuprofen 200 mg". */
  medication: string;
  dose: string | null;
  route: MedicationRoute | null;
  status: AdministrationStatus;
  reason: string | null;
  givenBy: string;
  witnessName: string | null;
}

export interface AdministrationLog {
  timeZone: string;
  /** The instants the days cover: the first day's start and the last day's end. */
  range: { from: Date; to: Date };
  entries: AdministrationLogEntry[];
}

const BOUNDS = `bounds AS (
  SELECT (CAST(:from AS date)::timestamp AT TIME ZONE :timeZone) AS starts,
         ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE :timeZone) AS ends)`;

function whereFor(filter: AdministrationLogFilter): string {
  const conditions = [
    'a.organization_id = :organizationId',
    'a.administered_at >= b.starts',
    'a.administered_at < b.ends',
    STANDING,
  ];
  if (filter.studentId) conditions.push('a.student_id = :studentId');
  return conditions.join(' AND ');
}

export class AdministrationLogService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly clock: DoseClock,
  ) {}

  /** The organization's time zone (where its schools' days begin and end). */
  async timeZoneOf(organizationId: string): Promise<string> {
    return (await this.clock.settingsFor(organizationId)).timeZone;
  }

  async count(organizationId: string, filter: AdministrationLogFilter): Promise<number> {
    const timeZone = await this.timeZoneOf(organizationId);
    const row = await this.sequelize.query<{ count: number }>(
      `WITH ${BOUNDS}
       SELECT count(*)::int AS count FROM medication_administrations a CROSS JOIN bounds b
        WHERE ${whereFor(filter)}`,
      {
        replacements: { organizationId, timeZone, ...filter },
        type: QueryTypes.SELECT,
        plain: true,
      },
    );
    return row?.count ?? 0;
  }

  /** At most `limit` entries: a caller refusing logs over a size asks for one more than it allows. */
  async entries(
    organizationId: string,
    filter: AdministrationLogFilter,
    limit: number,
  ): Promise<AdministrationLog> {
    const timeZone = await this.timeZoneOf(organizationId);
    const replacements = { organizationId, timeZone, limit, ...filter };
    const [bounds, rows] = await Promise.all([
      this.sequelize.query<{ starts: Date; ends: Date }>(`WITH ${BOUNDS} SELECT starts, ends FROM bounds`, {
        replacements,
        type: QueryTypes.SELECT,
        plain: true,
      }),
      this.sequelize.query<AdministrationLogEntry>(
        `WITH ${BOUNDS}
         SELECT a.administered_at AS "administeredAt", a.student_id AS "studentId",
                st.first_name || ' ' || st.last_name AS "studentName",
                m.name || ' ' || m.strength AS medication,
                a.dose, a.route, a.status, a.reason,
                giver.name AS "givenBy", witness.name AS "witnessName"
           FROM medication_administrations a
          CROSS JOIN bounds b
           JOIN prescriptions p ON p.id = a.prescription_id AND p.organization_id = a.organization_id
           JOIN medications m ON m.id = p.medication_id AND m.organization_id = a.organization_id
           JOIN students st ON st.id = a.student_id AND st.organization_id = a.organization_id
           JOIN users giver ON giver.id = a.administered_by AND giver.organization_id = a.organization_id
           LEFT JOIN users witness
             ON witness.id = a.witness_user_id AND witness.organization_id = a.organization_id
          WHERE ${whereFor(filter)}
          ORDER BY a.administered_at, st.last_name, st.first_name, a.id
          LIMIT :limit`,
        { replacements, type: QueryTypes.SELECT },
      ),
    ]);
    // The instants the filter used, so the printed period is exactly what was selected.
    const range = { from: new Date(bounds!.starts), to: new Date(new Date(bounds!.ends).getTime() - 1) };
    return {
      timeZone,
      range,
      entries: rows.map((r) => ({ ...r, administeredAt: new Date(r.administeredAt) })),
    };
  }
}
