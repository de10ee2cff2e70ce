/**
 * A local OneRoster 1.1 SIS. OAuth2 client credentials at `POST /oauth/token` (Basic auth or
 * form fields); the rostering API under `/ims/oneroster/v1p1` with a bearer token:
 *   /orgs, /schools, /academicSessions, /classes, /users, /students, /enrollments, /demographics
 *   (each also `/{sourcedId}`), /schools/{id}/students|classes|enrollments, /classes/{id}/students
 * with filter, sort and paging (oneRosterQuery.ts). Tests change the roster through
 * `simulator.roster` or over HTTP: POST /__roster/students, PATCH|DELETE /__roster/students/{id},
 * and end every token with DELETE /__oauth/tokens.
 */
import { randomBytes } from 'node:crypto';
import { API_PATH, type RosterData } from './oneRosterData.js';
import { applyFilter, applySort, page, QueryError } from './oneRosterQuery.js';
import { OneRosterRoster, RosterError, type StudentChange, type StudentInput } from './OneRosterRoster.js';
import { json, SimulatorServer, type SimRequest, type SimResponse } from './SimulatorServer.js';

export interface OneRosterSimulatorOptions {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds?: number;
}

const SCOPE = 'https://purl.imsglobal.org/spec/or/v1p1/scope/roster-core.readonly';

interface Collection {
  /** The wrapper key of a list (`users`) and of one record (`user`). */
  list: string;
  one: string;
  records(data: RosterData): Array<{ sourcedId: string }>;
}

const COLLECTIONS: Record<string, Collection> = {
  orgs: { list: 'orgs', one: 'org', records: (d) => d.orgs },
  schools: { list: 'orgs', one: 'org', records: (d) => d.orgs.filter((o) => o.type === 'school') },
  academicSessions: { list: 'academicSessions', one: 'academicSession', records: (d) => d.academicSessions },
  classes: { list: 'classes', one: 'class', records: (d) => d.classes },
  users: { list: 'users', one: 'user', records: (d) => d.users },
  students: { list: 'users', one: 'user', records: (d) => d.users.filter((u) => u.role === 'student') },
  enrollments: { list: 'enrollments', one: 'enrollment', records: (d) => d.enrollments },
  demographics: { list: 'demographics', one: 'demographics', records: (d) => d.demographics },
};

/** `/schools/{id}/students` and friends: the records of a collection that belong to one parent. */
function nested(data: RosterData, parent: string, id: string, child: string) {
  if (parent === 'schools' && child === 'students')
    return { list: 'users', records: data.users.filter((u) => u.orgs.some((o) => o.sourcedId === id)) };
  if (parent === 'schools' && child === 'classes')
    return { list: 'classes', records: data.classes.filter((c) => c.school.sourcedId === id) };
  if (parent === 'schools' && child === 'enrollments')
    return { list: 'enrollments', records: data.enrollments.filter((e) => e.school.sourcedId === id) };
  if (parent === 'classes' && child === 'students') {
    const ids = new Set(
      data.enrollments.filter((e) => e.class.sourcedId === id).map((e) => e.user.sourcedId),
    );
    return { list: 'users', records: data.users.filter((u) => ids.has(u.sourcedId)) };
  }
  return undefined;
}

function imsxError(status: number, codeMinor: string, description: string): SimResponse {
  return json(status, {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_CodeMinor: {
      imsx_codeMinorField: [
        { imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor },
      ],
    },
  });
}

function clientCredentials(request: SimRequest, form: URLSearchParams): [string, string] | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0)
      return [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? [id, secret] : null;
}

export class OneRosterSimulator {
  readonly roster = new OneRosterRoster();
  readonly server: SimulatorServer;
  private readonly tokens = new Map<string, number>();

  constructor(private readonly options: OneRosterSimulatorOptions) {
    this.server = new SimulatorServer(
      'oneroster',
      (r) => this.route(r),
      (r) => this.control(r),
    );
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await this.server.listen(port, host);
    return this.baseUrl;
  }

  /** The OneRoster base URL (what SIS_API_URL names); the token endpoint is `<origin>/oauth/token`. */
  get baseUrl(): string {
    return `${this.server.url}${API_PATH}`;
  }

  get tokenUrl(): string {
    return `${this.server.url}/oauth/token`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** Every issued token stops working (a client must fetch a new one). */
  expireTokens(): void {
    this.tokens.clear();
  }

  private route(request: SimRequest): SimResponse | undefined {
    if (request.path === '/oauth/token') return this.token(request);
    if (!request.path.startsWith(`${API_PATH}/`)) return undefined;
    if (request.method !== 'GET') return imsxError(405, 'invalid_request', 'The rostering API is read-only');
    if (!this.authorized(request))
      return imsxError(401, 'unauthorisedrequest', 'A valid bearer token is required');
    const [name = '', id, child, ...rest] = request.path.slice(API_PATH.length + 1).split('/');
    const collection = COLLECTIONS[name];
    if (!collection || rest.length > 0) return undefined;
    if (id && child) {
      const found = nested(this.roster.data, name, id, child);
      return found ? this.list(request, found.list, found.records) : undefined;
    }
    if (id) {
      const record = collection.records(this.roster.data).find((r) => r.sourcedId === id);
      if (!record) return imsxError(404, 'unknownobject', `No ${collection.one} with that sourcedId`);
      return json(200, { [collection.one]: record });
    }
    return this.list(request, collection.list, collection.records(this.roster.data));
  }

  private list(request: SimRequest, key: string, records: unknown[]): SimResponse {
    const url = new URL(`${request.path}?${request.query.toString()}`, request.origin);
    try {
      const filtered = applyFilter(records, request.query.get('filter'));
      const sorted = applySort(filtered, request.query.get('sort'), request.query.get('orderBy'));
      const { items, headers } = page(sorted, url);
      return json(200, { [key]: items }, headers);
    } catch (error) {
      if (error instanceof QueryError) return imsxError(400, 'invalid_filter_field', error.message);
      throw error;
    }
  }

  private token(request: SimRequest): SimResponse {
    if (request.method !== 'POST') return json(405, { error: 'invalid_request' });
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'client_credentials')
      return json(400, { error: 'unsupported_grant_type' });
    const credentials = clientCredentials(request, form);
    if (
      !credentials ||
      credentials[0] !== this.options.clientId ||
      credentials[1] !== this.options.clientSecret
    ) {
      return json(401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="oneroster"' });
    }
    const ttl = this.options.tokenTtlSeconds ?? 3_600;
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, Date.now() + ttl * 1000);
    return json(200, { access_token: token, token_type: 'bearer', expires_in: ttl, scope: SCOPE });
  }

  private authorized(request: SimRequest): boolean {
    const auth = request.headers.authorization;
    if (!auth?.startsWith('Bearer ')) return false;
    const expiresAt = this.tokens.get(auth.slice(7));
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  private control(request: SimRequest): SimResponse | undefined {
    if (request.path === '/__oauth/tokens' && request.method === 'DELETE') {
      this.expireTokens();
      return { status: 204 };
    }
    const match = /^\/__roster\/students(?:\/([^/]+))?$/.exec(request.path);
    if (!match) return undefined;
    const id = match[1];
    try {
      if (!id && request.method === 'POST') {
        return json(201, { user: this.roster.addStudent(JSON.parse(request.body || '{}') as StudentInput) });
      }
      if (id && request.method === 'PATCH') {
        return json(200, {
          user: this.roster.modifyStudent(id, JSON.parse(request.body || '{}') as StudentChange),
        });
      }
      if (id && request.method === 'DELETE') {
        this.roster.removeStudent(id);
        return { status: 204 };
      }
    } catch (error) {
      if (error instanceof RosterError || error instanceof SyntaxError)
        return json(400, { error: error.message });
      throw error;
    }
    return undefined;
  }
}
