/**
 * The student information system, spoken to in OneRoster (1.1 by default, 1.2 when configured)
 * through BaseApiClient's pipeline (circuit, shared rate limit, retries, redacted logs):
 * - OAuth2 client credentials: one token at a time, shared by concurrent requests and cached
 *   until shortly before it expires; a 401 from the API (a token revoked early) gets one new
 *   token and one more try.
 * - Collections are read page by page (`limit`/`offset`, sorted by sourcedId) until
 *   X-Total-Count, the Link header or a short page says there is no more.
 * - A delta asks for `filter=dateLastModified>'<since>'`; deletions arrive as `tobedeleted`.
 * Students come out as neutral RosterStudents, with their birth date and sex joined in from
 * /demographics. A SIS connection is deployment-wide: organizations are the caller's concern.
 */
import { randomUUID } from 'node:crypto';
import {
  BaseApiClient,
  type ApiRequest,
  type ApiResponse,
  type BaseApiClientOptions,
} from './BaseApiClient.js';
import { IntegrationRejected, IntegrationUnavailable } from './integrationErrors.js';
import {
  toAttendanceRecord,
  toDemographics,
  toRosterSchool,
  toRosterStudent,
  type AttendanceRecord,
  type Demographics,
  type RosterSchool,
  type RosterStudent,
} from './oneRosterRecords.js';

export type { AttendanceRecord, RosterGrade, RosterSchool, RosterStudent } from './oneRosterRecords.js';

export type OneRosterVersion = 'v1p1' | 'v1p2';

export interface SisApiClientOptions extends BaseApiClientOptions {
  /** The OneRoster base URL (`https://sis.example/ims/oneroster/v1p1`); a version it names is replaced by `version`. */
  baseURL: string;
  clientId: string;
  clientSecret: string;
  version?: OneRosterVersion;
  /** Default: `<origin of baseURL>/oauth/token`. */
  tokenUrl?: string;
  /** Records per page (OneRoster `limit`); default 100. */
  pageSize?: number;
}

/** One page of a roster read; `ignored` counts records that had no sourcedId. */
export interface RosterPage {
  page: number;
  students: RosterStudent[];
  ignored: number;
}

/**
 * Attendance is not part of OneRoster 1.1 (or 1.2) rostering. We read it from a vendor
 * extension beside the rostering collections, in OneRoster's own style: `GET <base>/ext/attendance`
 * with `filter=date>='YYYY-MM-DD' AND date<='YYYY-MM-DD'`, paged, answering
 * `{ attendance: [{ sourcedId, status, dateLastModified, student: {sourcedId}, school?: {sourcedId},
 * date, attendanceStatus: present|absent|tardy|excused }] }`. A SIS without it answers 404.
 */
export const ATTENDANCE_PATH = '/ext/attendance';

const SCOPES: Record<OneRosterVersion, string> = {
  v1p1: [
    'https://purl.imsglobal.org/spec/or/v1p1/scope/roster-core.readonly',
    'https://purl.imsglobal.org/spec/or/v1p1/scope/roster-demographics.readonly',
  ].join(' '),
  v1p2: [
    'https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly',
    'https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly',
  ].join(' '),
};
const DEFAULT_PAGE_SIZE = 100;
/** When the token endpoint names no lifetime. */
const DEFAULT_TOKEN_TTL_SECONDS = 300;
/** A token is replaced this early (or at 90% of a shorter life), so none expires mid-request. */
const REFRESH_EARLY_MS = 60_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Token {
  value: string;
  refreshAt: number;
}

/** The SIS refused our client id and secret: a configuration problem, not an outage. */
export class SisAuthenticationFailed extends IntegrationRejected {
  constructor(integration: string, upstreamStatus: number) {
    super(integration, upstreamStatus);
    this.name = 'SisAuthenticationFailed';
    this.message = `${integration} refused our client credentials (status ${upstreamStatus}); check SIS_CLIENT_ID and SIS_CLIENT_SECRET`;
  }
}

/** The SIS has no attendance extension (see ATTENDANCE_PATH). */
export class SisAttendanceUnsupported extends IntegrationRejected {
  constructor(integration: string) {
    super(integration, 404);
    this.name = 'SisAttendanceUnsupported';
    this.message = `${integration} offers no attendance records (no OneRoster attendance extension)`;
  }
}

/** `https://h/ims/oneroster/v1p1` + v1p2 -> `https://h/ims/oneroster/rostering/v1p2`; a bare origin gets `/ims/oneroster`. */
export function oneRosterBaseUrl(url: string, version: OneRosterVersion): string {
  const parsed = new URL(url);
  const root = parsed.pathname.replace(/\/+$/, '').replace(/\/(rostering\/)?v1p\d$/, '') || '/ims/oneroster';
  parsed.pathname = version === 'v1p2' ? `${root}/rostering/v1p2` : `${root}/v1p1`;
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString();
}

/**
 * The delta filter. The value is a Date's ISO form (digits, `-`, `:`, `.`, `T`, `Z` only), so
 * nothing in it can end the quoted literal; axios URL-encodes the whole parameter.
 */
export function modifiedSinceFilter(since: Date): string {
  if (Number.isNaN(since.getTime())) throw new TypeError('since must be a valid date');
  return `dateLastModified>'${since.toISOString()}'`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hasMorePages(headers: Record<string, string>, offset: number, received: number, limit: number) {
  const total = Number(headers['x-total-count']);
  if (headers['x-total-count'] !== undefined && Number.isFinite(total)) return offset < total;
  if (headers.link !== undefined) return /rel="?next"?/.test(headers.link);
  return received >= limit;
}

export class SisApiClient extends BaseApiClient {
  readonly version: OneRosterVersion;
  private readonly tokenUrl: string;
  private readonly pageSize: number;
  private readonly basicAuth: string;
  private token: Token | undefined;
  private pendingToken: Promise<Token> | undefined;
  /** Which token each request carried, so a 401 discards that token and not a newer one. */
  private readonly tokenOf = new WeakMap<ApiRequest, Token>();

  constructor(options: SisApiClientOptions) {
    const version = options.version ?? 'v1p1';
    const baseURL = oneRosterBaseUrl(options.baseURL, version);
    super({ ...options, baseURL, headers: { accept: 'application/json', ...options.headers } });
    this.version = version;
    this.tokenUrl = options.tokenUrl ?? `${new URL(baseURL).origin}/oauth/token`;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    // RFC 6749 2.3.1: both parts form-encoded before Basic.
    const pair = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`;
    this.basicAuth = `Basic ${Buffer.from(pair).toString('base64')}`;
  }

  override async request<T>(request: ApiRequest): Promise<ApiResponse<T>> {
    try {
      return await super.request<T>(request);
    } catch (error) {
      const staleToken =
        error instanceof IntegrationRejected && error.upstreamStatus === 401 && request.url !== this.tokenUrl;
      if (!staleToken) throw error;
      if (this.token === this.tokenOf.get(request)) this.token = undefined;
      return super.request<T>({ ...request });
    }
  }

  /**
   * The roster's students, page by page: everything, or (with `since`) only what changed
   * after it, including students whose demographics alone changed.
   */
  async *students(options: { since?: Date } = {}): AsyncGenerator<RosterPage> {
    const filter = options.since ? modifiedSinceFilter(options.since) : undefined;
    const demographics = new Map<string, Demographics>();
    for await (const records of this.collection('/demographics', 'demographics', filter)) {
      for (const record of records) {
        const entry = toDemographics(record);
        if (entry) demographics.set(...entry);
      }
    }
    const seen = new Set<string>();
    let page = 0;
    for await (const users of this.collection('/students', 'users', filter)) {
      page += 1;
      const students: RosterStudent[] = [];
      for (const user of users) {
        const sourcedId = isObject(user) && typeof user.sourcedId === 'string' ? user.sourcedId : '';
        const student = toRosterStudent(user, demographics.get(sourcedId));
        if (!student) continue;
        seen.add(student.sourcedId);
        students.push(student);
      }
      yield { page, students, ignored: users.length - students.length };
    }
    if (!filter) return;
    // A birth date corrected in the SIS changes the demographics record, not the user's.
    const onlyDemographics = [...demographics.keys()].filter((id) => !seen.has(id));
    for (let i = 0; i < onlyDemographics.length; i += this.pageSize) {
      page += 1;
      const students: RosterStudent[] = [];
      for (const sourcedId of onlyDemographics.slice(i, i + this.pageSize)) {
        const user = await this.one(
          `/students/${encodeURIComponent(sourcedId)}`,
          'user',
          'GET /students/{id}',
        );
        const student = user ? toRosterStudent(user, demographics.get(sourcedId)) : null;
        if (student) students.push(student);
      }
      yield { page, students, ignored: 0 };
    }
  }

  async schools(): Promise<RosterSchool[]> {
    const schools: RosterSchool[] = [];
    for await (const orgs of this.collection('/schools', 'orgs')) {
      for (const org of orgs) {
        const school = toRosterSchool(org);
        if (school) schools.push(school);
      }
    }
    return schools;
  }

  /** One student with their demographics; null when the SIS does not know the sourcedId. */
  async getStudentBySisId(sourcedId: string): Promise<RosterStudent | null> {
    const id = encodeURIComponent(sourcedId);
    const user = await this.one(`/students/${id}`, 'user', 'GET /students/{id}');
    if (!user) return null;
    const record = await this.one(`/demographics/${id}`, 'demographics', 'GET /demographics/{id}');
    return toRosterStudent(user, toDemographics(record)?.[1]);
  }

  /** Attendance from `from` to `to` (YYYY-MM-DD, inclusive) through the extension (ATTENDANCE_PATH). */
  async getAttendanceRecords(from: string, to: string): Promise<AttendanceRecord[]> {
    if (!DATE.test(from) || !DATE.test(to) || from > to)
      throw new RangeError('from and to are YYYY-MM-DD dates, from not after to');
    const records: AttendanceRecord[] = [];
    try {
      const filter = `date>='${from}' AND date<='${to}'`;
      for await (const items of this.collection(ATTENDANCE_PATH, 'attendance', filter)) {
        for (const item of items) {
          const record = toAttendanceRecord(item);
          if (record) records.push(record);
        }
      }
    } catch (error) {
      if (error instanceof IntegrationRejected && error.upstreamStatus === 404)
        throw new SisAttendanceUnsupported(this.name);
      throw error;
    }
    return records;
  }

  protected override async requestHeaders(request: ApiRequest): Promise<Record<string, string>> {
    if (request.url === this.tokenUrl) return {};
    const token = await this.accessToken();
    this.tokenOf.set(request, token);
    return { authorization: `Bearer ${token.value}` };
  }

  private async accessToken(): Promise<Token> {
    if (this.token && Date.now() < this.token.refreshAt) return this.token;
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async fetchToken(): Promise<Token> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', scope: SCOPES[this.version] });
    let answer: unknown;
    try {
      answer = await this.post<unknown>(this.tokenUrl, form, {
        headers: { authorization: this.basicAuth, 'content-type': 'application/x-www-form-urlencoded' },
        // Asking for a token twice has no effect beyond a second token: safe to retry.
        idempotencyKey: randomUUID(),
        logAs: 'POST oauth/token',
      });
    } catch (error) {
      if (error instanceof IntegrationRejected && [400, 401, 403].includes(error.upstreamStatus))
        throw new SisAuthenticationFailed(this.name, error.upstreamStatus);
      throw error;
    }
    const value = isObject(answer) ? answer.access_token : undefined;
    if (typeof value !== 'string' || value === '')
      throw new IntegrationUnavailable(this.name, 'bad-response');
    const expiresIn = isObject(answer) ? Number(answer.expires_in) : NaN;
    const lifeMs =
      (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_TTL_SECONDS) * 1000;
    const token = { value, refreshAt: Date.now() + lifeMs - Math.min(REFRESH_EARLY_MS, lifeMs / 10) };
    this.token = token;
    return token;
  }

  /** Every page of a collection, in sourcedId order. */
  private async *collection(path: string, key: string, filter?: string): AsyncGenerator<unknown[]> {
    const limit = this.pageSize;
    for (let offset = 0; ;) {
      const params: Record<string, unknown> = { limit, offset, sort: 'sourcedId' };
      if (filter !== undefined) params.filter = filter;
      const { data, headers } = await this.request<unknown>({ method: 'GET', url: path, params });
      const items = isObject(data) ? data[key] : undefined;
      if (!Array.isArray(items)) throw new IntegrationUnavailable(this.name, 'bad-response');
      if (items.length === 0) return;
      yield items;
      offset += items.length;
      if (!hasMorePages(headers, offset, items.length, limit)) return;
    }
  }

  /** One record by path, or null on 404. */
  private async one(path: string, key: string, logAs: string): Promise<unknown> {
    try {
      const data = await this.get<unknown>(path, { logAs });
      return isObject(data) && isObject(data[key]) ? data[key] : null;
    } catch (error) {
      if (error instanceof IntegrationRejected && error.upstreamStatus === 404) return null;
      throw error;
    }
  }
}
