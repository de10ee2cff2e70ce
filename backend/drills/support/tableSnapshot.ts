/**
 * What hostile input must not have changed, read straight from the drill's database: every
 * table still there with no fewer rows (requests may add rows; an injected DELETE or DROP
 * would take some away), and the users that existed before untouched (no request names
 * them, so a changed role or password hash could only come from an injection).
 */
import pg from 'pg';

export interface TableSnapshot {
  rows: Map<string, number>;
  /** Each user's id -> their email, role, active flag, password hash and organization. */
  users: Map<string, string>;
}

/** Logout legitimately deletes sessions. */
const MAY_SHRINK = new Set(['sessions']);

export async function snapshotTables(databaseUrl: string): Promise<TableSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const rows = new Map<string, number>();
    for (const { name } of tables) {
      const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
      rows.set(name, counted[0]!.n);
    }
    const { rows: users } = await client.query<{ id: string }>(
      'SELECT id, email, role, is_active, password_hash, organization_id FROM users',
    );
    return { rows, users: new Map(users.map((u) => [u.id, JSON.stringify(u)])) };
  } finally {
    await client.end();
  }
}

/** Tables dropped or with fewer rows, plus `users` when a user that existed before changed. */
export function alteredTables(before: TableSnapshot, after: TableSnapshot): string[] {
  const altered = [...before.rows]
    .filter(([name, count]) => {
      const now = after.rows.get(name);
      return now === undefined || (now < count && !MAY_SHRINK.has(name));
    })
    .map(([name]) => name);
  const userChanged = [...before.users].some(([id, row]) => after.users.get(id) !== row);
  if (userChanged && !altered.includes('users')) altered.push('users');
  return altered;
}

/** Rows added across all tables (requests that passed validation created records). */
export function rowsAdded(before: TableSnapshot, after: TableSnapshot): number {
  let added = 0;
  for (const [name, count] of after.rows) added += Math.max(0, count - (before.rows.get(name) ?? 0));
  return added;
}
