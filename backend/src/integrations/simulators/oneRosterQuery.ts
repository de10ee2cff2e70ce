/**
 * OneRoster 1.1 collection query parameters, the subset SIS clients use:
 * `filter=dateLastModified>'2025-09-01T00:00:00Z'` (predicates joined by ` AND `),
 * `sort=familyName&orderBy=desc`, and paging with `limit` (default 100) / `offset`,
 * answered with `X-Total-Count` and a `Link` header (first, prev, next, last).
 */

export class QueryError extends Error {}

const PREDICATE = /^\s*([A-Za-z][\w.]*)\s*(>=|<=|!=|=|>|<|~)\s*'([^']*)'\s*$/;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1_000;

function valueAt(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function compare(actual: unknown, expected: string, field: string): number | null {
  if (actual === undefined || actual === null) return null;
  const text = Array.isArray(actual) ? actual.join(',') : String(actual);
  // Dates compare as instants: '2025-09-01T00:00:00Z' equals '2025-09-01T00:00:00.000Z'.
  if (/date/i.test(field)) {
    const a = Date.parse(text);
    const b = Date.parse(expected);
    if (Number.isNaN(b)) throw new QueryError(`filter value for ${field} is not a date`);
    return Number.isNaN(a) ? null : a - b;
  }
  return text.localeCompare(expected);
}

function predicate(source: string): (record: unknown) => boolean {
  const match = PREDICATE.exec(source);
  if (!match) throw new QueryError(`invalid filter predicate: ${source.trim()}`);
  const [, field = '', op, expected = ''] = match;
  return (record) => {
    if (op === '~') {
      const actual = valueAt(record, field);
      return actual !== undefined && String(actual).toLowerCase().includes(expected.toLowerCase());
    }
    const c = compare(valueAt(record, field), expected, field);
    if (c === null) return op === '!=';
    switch (op) {
      case '=':
        return c === 0;
      case '!=':
        return c !== 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
      case '<':
        return c < 0;
      default:
        return c <= 0;
    }
  };
}

export function applyFilter<T>(records: T[], filter: string | null): T[] {
  if (!filter) return records;
  if (/\sOR\s/.test(filter)) throw new QueryError('OR filters are not supported by this simulator');
  const tests = filter.split(/\s+AND\s+/).map(predicate);
  return records.filter((r) => tests.every((t) => t(r)));
}

export function applySort<T>(records: T[], sort: string | null, orderBy: string | null): T[] {
  if (!sort) return records;
  const direction = orderBy === 'desc' ? -1 : 1;
  return [...records].sort((a, b) => {
    const x = String(valueAt(a, sort) ?? '');
    const y = String(valueAt(b, sort) ?? '');
    return x.localeCompare(y) * direction;
  });
}

function boundedInt(raw: string | null, fallback: number, max: number, name: string): number {
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new QueryError(`${name} must be a whole number`);
  return Math.min(value, max);
}

/** One page of `records` and its paging headers; `url` is the request's own absolute URL. */
export function page<T>(records: T[], url: URL): { items: T[]; headers: Record<string, string> } {
  const limit = Math.max(1, boundedInt(url.searchParams.get('limit'), DEFAULT_LIMIT, MAX_LIMIT, 'limit'));
  const offset = boundedInt(url.searchParams.get('offset'), 0, Number.MAX_SAFE_INTEGER, 'offset');
  const total = records.length;
  const link = (rel: string, at: number) => {
    const target = new URL(url);
    target.searchParams.set('limit', String(limit));
    target.searchParams.set('offset', String(at));
    return `<${target.toString()}>; rel="${rel}"`;
  };
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links = [link('first', 0)];
  if (offset > 0) links.push(link('prev', Math.max(0, offset - limit)));
  if (offset + limit < total) links.push(link('next', offset + limit));
  links.push(link('last', lastOffset));
  return {
    items: records.slice(offset, offset + limit),
    headers: { 'x-total-count': String(total), link: links.join(', ') },
  };
}
