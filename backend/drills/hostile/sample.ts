/**
 * A plausible valid value for a joi schema, from its `describe()` output: the base into which
 * one hostile field at a time is put, so injection strings get past validation where a
 * field takes any text and reach the service and the database. Best effort: a schema it
 * cannot satisfy (a pattern none of the candidates match, a cross-field rule) still gets a
 * body, which the route refuses; the hostile field is tried either way.
 */
import { randomUUID } from 'node:crypto';

export interface Description {
  type?: string;
  flags?: { presence?: string; only?: boolean; format?: string | string[]; default?: unknown };
  allow?: unknown[];
  rules?: Array<{ name: string; args?: Record<string, unknown> }>;
  keys?: Record<string, Description>;
  items?: Description[];
  matches?: Array<{ schema?: Description; then?: Description }>;
  dependencies?: Array<{ rel: string; peers: string[]; key?: string | null }>;
}

/** Formats a pattern-constrained string field may want; the first one the pattern accepts wins. */
const PATTERN_CANDIDATES = [
  'A1',
  'ABC-1',
  '12345',
  '1234567893',
  '08:00',
  '2020-01-01',
  'abc',
  'ABC',
  'x',
  '0',
  '00001-0001-01',
  'MMR',
  '03',
];

const rule = (d: Description, name: string) => d.rules?.find((r) => r.name === name);

function patternOf(d: Description): RegExp | null {
  const regex = rule(d, 'pattern')?.args?.regex;
  if (typeof regex !== 'string') return null;
  const match = /^\/(.*)\/([a-z]*)$/s.exec(regex);
  return match ? new RegExp(match[1]!, match[2]) : null;
}

function sampleString(d: Description): string {
  if (rule(d, 'guid')) return randomUUID();
  if (rule(d, 'email')) return `drill-${randomUUID().slice(0, 8)}@example.com`;
  if (rule(d, 'isoDate')) return '2020-01-02T03:04:05.000Z';
  if (rule(d, 'uri')) return 'https://example.com/';
  const pattern = patternOf(d);
  if (pattern) return PATTERN_CANDIDATES.find((c) => pattern.test(c)) ?? 'x';
  const min = Number(rule(d, 'min')?.args?.limit ?? 1);
  return 'Drill sample text'.padEnd(Math.max(min, 1), 'x');
}

function sampleNumber(d: Description): number {
  const min = rule(d, 'min')?.args?.limit;
  const greater = rule(d, 'greater')?.args?.limit;
  const max = rule(d, 'max')?.args?.limit;
  const value = typeof min === 'number' ? min : typeof greater === 'number' ? greater + 1 : 1;
  return typeof max === 'number' && value > max ? max : value;
}

/** A past date, or a week ahead where the schema wants the future (appointments). */
function sampleDate(d: Description): string {
  if (rule(d, 'min')?.args?.date === 'now' || rule(d, 'greater')?.args?.date === 'now')
    return new Date(Date.now() + 7 * 86_400_000).toISOString();
  return '2020-01-02';
}

function sampleObject(d: Description): Record<string, unknown> {
  const keys = d.keys ?? {};
  const picked = new Set(Object.keys(keys).filter((k) => keys[k]!.flags?.presence === 'required'));
  for (const dep of d.dependencies ?? []) {
    const wantsOne = dep.rel === 'xor' || dep.rel === 'or';
    if (wantsOne && !dep.peers.some((p) => picked.has(p)) && dep.peers[0]) picked.add(dep.peers[0]);
  }
  return Object.fromEntries([...picked].map((k) => [k, sample(keys[k]!)]));
}

export function sample(d: Description): unknown {
  const allowed = (d.allow ?? []).filter((v) => v !== null && v !== '');
  if (d.flags?.only && allowed.length > 0) return allowed[0];
  switch (d.type) {
    case 'object':
      return sampleObject(d);
    case 'array': {
      const item = d.items?.[0];
      return item ? [sample(item)] : [];
    }
    case 'string':
      return sampleString(d);
    case 'number':
      return sampleNumber(d);
    case 'boolean':
      return true;
    case 'date':
      return sampleDate(d);
    case 'alternatives': {
      const first = d.matches?.[0];
      const schema = first?.schema ?? first?.then;
      return schema ? sample(schema) : 'x';
    }
    default:
      return 'x';
  }
}
