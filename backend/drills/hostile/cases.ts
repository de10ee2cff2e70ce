/**
 * The hostile requests for one route, in families: each path parameter, each query
 * parameter and each body field in turn given every hostile value (the rest of the request
 * kept valid where the route's schema allows), and whole hostile bodies. `pick` takes a
 * sample that still covers every family (the short form), or everything. A route has hundreds
 * of cases and the short form sends four: each request is built only when it is sent.
 */
import type { RawRequest } from '../support/rawHttp.js';
import type { RouteSpec } from '../support/routeTable.js';
import { hostileBodies } from './bodies.js';
import { sample, type Description } from './sample.js';
import { FIELD_VALUES, PATH_VALUES, type Hostile } from './values.js';

export interface HostileCase {
  /** `POST /api/v1/students` */
  route: string;
  family: 'path' | 'query' | 'field' | 'body';
  /** What was hostile, e.g. `field firstName: sql-drop` (never the value). */
  label: string;
  /** Builds the request (the same one on every call). */
  request(): RawRequest;
}

/** Real ids for `{id}` where the drill found one (a record that exists reaches deeper code). */
export type IdFor = (route: RouteSpec, param: string) => string;

const PARAM = /\{(\w+)\*?\}/g;
const JSON_HEADERS = { 'content-type': 'application/json' };
const WRITES = new Set(['POST', 'PATCH', 'PUT']);

function buildPath(route: RouteSpec, values: Record<string, string>, query: string): string {
  const path = route.path.replace(PARAM, (_m, name: string) => values[name] ?? 'x');
  return query ? `${path}?${query}` : path;
}

/** Percent-encoding that also sends a lone surrogate, as the invalid UTF-8 (CESU-8) bytes it would be. */
export function encode(value: string): string {
  // encodeURIComponent encodes as below, much faster; it throws only on a lone surrogate.
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate: by hand.
  }
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** One query parameter as a client might send it: arrays repeat the key, objects use brackets. */
function queryPair(key: string, value: unknown): string {
  const k = encode(key);
  if (value === null) return k;
  if (Array.isArray(value))
    return value.length === 0 ? `${k}[]=` : value.map((v) => `${k}=${encode(String(v))}`).join('&');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0
      ? `${k}[]=`
      : entries.map(([p, v]) => `${k}[${encode(p)}]=${encode(String(v))}`).join('&');
  }
  return `${k}=${encode(String(value))}`;
}

function queryString(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([k, v]) => queryPair(k, v))
    .join('&');
}

function jsonBody(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

export function casesFor(route: RouteSpec, idFor: IdFor): HostileCase[] {
  const name = `${route.method} ${route.path}`;
  const paramNames = [...route.path.matchAll(PARAM)].map((m) => m[1]!);
  const params = Object.fromEntries(paramNames.map((p) => [p, encode(idFor(route, p))]));
  const baseQuery = route.query ? (sample(route.query) as Record<string, unknown>) : {};
  const writes = WRITES.has(route.method);
  const basePayload = writes ? (route.payload ? sample(route.payload) : {}) : undefined;
  // Ids in a body (`studentId`) name real records where the drill has them, as params do.
  if (basePayload && typeof basePayload === 'object' && !Array.isArray(basePayload)) {
    const body = basePayload as Record<string, unknown>;
    for (const key of Object.keys(body)) if (key.endsWith('Id')) body[key] = idFor(route, key);
  }
  const baseBody = basePayload === undefined ? undefined : jsonBody(basePayload);
  const cases: HostileCase[] = [];
  const add = (family: HostileCase['family'], label: string, request: () => RawRequest) =>
    cases.push({ route: name, family, label, request });
  const withBody = (path: string): RawRequest =>
    baseBody
      ? { method: route.method, path, headers: JSON_HEADERS, body: baseBody }
      : { method: route.method, path };

  for (const param of paramNames) {
    for (const h of PATH_VALUES) {
      add('path', `path ${param}: ${h.label}`, () => {
        const value = h.raw ? String(h.value) : encode(String(h.value));
        return withBody(buildPath(route, { ...params, [param]: value }, queryString(baseQuery)));
      });
    }
  }

  const queryKeys = [...Object.keys(route.query?.keys ?? {}), 'unknownParam'];
  for (const key of queryKeys) {
    for (const h of FIELD_VALUES) {
      add('query', `query ${key}: ${h.label}`, () =>
        withBody(buildPath(route, params, queryString({ ...baseQuery, [key]: h.value }))),
      );
    }
  }
  for (const [label, query] of [
    ['proto', '__proto__[polluted]=1&constructor[prototype][polluted]=1'],
    ['bad-percent', 'a=%zz%&b=%C3%28'],
    ['duplicate-keys', `${queryString(baseQuery)}&${queryString(baseQuery)}`],
  ] as const) {
    add('query', `query ${label}`, () => withBody(buildPath(route, params, query)));
  }

  if (writes) {
    const path = buildPath(route, params, queryString(baseQuery));
    const fields = (route.payload?.keys ?? {}) as Record<string, Description>;
    const base = (basePayload ?? {}) as Record<string, unknown>;
    for (const [field, description] of Object.entries({ ...fields, unknownField: {} as Description })) {
      const values: Hostile[] =
        description.type === 'array'
          ? [
              ...FIELD_VALUES,
              ...FIELD_VALUES.map((h) => ({ label: `${h.label}-in-array`, value: [h.value] })),
            ]
          : FIELD_VALUES;
      for (const h of values) {
        add('field', `field ${field}: ${h.label}`, () => ({
          method: route.method,
          path,
          headers: JSON_HEADERS,
          body: jsonBody({ ...base, [field]: h.value }),
        }));
      }
    }
    for (const b of hostileBodies()) {
      add('body', `body: ${b.label}`, () => ({
        method: route.method,
        path,
        headers: b.headers,
        body: b.body,
      }));
    }
  }
  return cases;
}

/** A seeded shuffle, so a failing sample can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Up to `count` cases, drawn in turn from each family so a small sample still covers them all. */
export function pick(cases: readonly HostileCase[], count: number, seed: number): HostileCase[] {
  const families = new Map<string, HostileCase[]>();
  for (const c of shuffled(cases, seed)) {
    const list = families.get(c.family) ?? [];
    list.push(c);
    families.set(c.family, list);
  }
  const picked: HostileCase[] = [];
  while (picked.length < count && [...families.values()].some((l) => l.length > 0)) {
    for (const list of families.values()) {
      const next = list.shift();
      if (next && picked.length < count) picked.push(next);
    }
  }
  return picked;
}
