/**
 * One page of a list read with raw SQL, and the size of the whole list: a SELECT and a COUNT
 * over the same FROM ... WHERE, run side by side, so a page costs two queries whatever its
 * length. A module hands in its SQL pieces; this knows no table.
 */
import { QueryTypes, type Sequelize } from 'sequelize';

export interface PageSql {
  /** The column list after SELECT. */
  columns: string;
  /** `FROM ... WHERE <scope>`: what both queries read. */
  from: string;
  /** The filter's conditions after the scope (`AND ...`), or ''. */
  where: string;
  /** The ORDER BY list; end it with a unique column so that pages neither overlap nor skip. */
  orderBy: string;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

/** `replacements` names every placeholder of the pieces; `:limit` and `:offset` are added here. */
export async function selectPage<Row extends object>(
  sequelize: Sequelize,
  sql: PageSql,
  replacements: Record<string, unknown>,
  page: PageWindow,
): Promise<{ rows: Row[]; count: number }> {
  const [rows, total] = await Promise.all([
    sequelize.query<Row>(
      `SELECT ${sql.columns} ${sql.from} ${sql.where} ORDER BY ${sql.orderBy} LIMIT :limit OFFSET :offset`,
      { replacements: { ...replacements, ...page }, type: QueryTypes.SELECT },
    ),
    sequelize.query<{ n: number }>(`SELECT count(*)::int AS n ${sql.from} ${sql.where}`, {
      replacements,
      type: QueryTypes.SELECT,
      plain: true,
    }),
  ]);
  return { rows, count: total?.n ?? 0 };
}
