/**
 * The simulators as an outside client sees them (plain fetch): OneRoster's OAuth, paging,
 * delta filter and roster changes; the registry's SOAP + HL7 acknowledgements, rejections
 * and history queries; Medicaid's 270 -> 271; fault injection over HTTP; and start-up
 * pointing unset URLs at them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import {
  startSimulators,
  startSimulatorsIfNeeded,
  type RunningSimulators,
} from '../../src/integrations/simulators/index.js';
import { inquiry270 } from './clientHarness.js';

let sims: RunningSimulators;
let origin: string;
let token: string;

beforeAll(async () => {
  sims = await startSimulators();
  origin = new URL(sims.urls.sis).origin;
  token = await fetchToken();
});
afterAll(() => sims?.stop());

async function fetchToken(clientSecret = sims.credentials.sis.clientSecret): Promise<string> {
  const basic = Buffer.from(`${sims.credentials.sis.clientId}:${clientSecret}`).toString('base64');
  const res = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const body = (await res.json()) as { access_token?: string };
  return body.access_token ?? `refused:${res.status}`;
}

const roster = (path: string, bearerToken = token) =>
  fetch(`${sims.urls.sis}${path}`, { headers: { authorization: `Bearer ${bearerToken}` } });

interface Student {
  sourcedId: string;
  status: string;
  givenName: string;
  familyName: string;
  grades: string[];
  orgs: Array<{ sourcedId: string }>;
}

describe('OneRoster', () => {
  it('issues tokens for the right client credentials only', async () => {
    expect(await fetchToken('wrong-secret')).toBe('refused:401');
    const res = await fetch(`${origin}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'x', client_secret: 'y' }),
    });
    expect(res.status).toBe(400);

    const unauthenticated = await roster('/students', 'not-a-token');
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ imsx_codeMajor: 'failure' });
  });

  it('pages students with X-Total-Count and Link headers', async () => {
    const first = await roster('/students?limit=25');
    expect(first.headers.get('x-total-count')).toBe('78');
    const link = first.headers.get('link') ?? '';
    expect(link).toMatch(/limit=25&offset=25>; rel="next"/);
    expect(link).toMatch(/offset=75>; rel="last"/);

    const ids = new Set<string>();
    let next: string | undefined = `${sims.urls.sis}/students?limit=25`;
    while (next) {
      const res: Response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
      const { users } = (await res.json()) as { users: Student[] };
      for (const u of users) ids.add(u.sourcedId);
      next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    }
    expect(ids.size).toBe(78);
  });

  it('answers one student, their demographics, a school roster, and 404 for an unknown id', async () => {
    const { users } = (await (await roster('/students?limit=1&sort=familyName')).json()) as {
      users: Student[];
    };
    const student = users[0]!;

    const one = (await (await roster(`/students/${student.sourcedId}`)).json()) as { user: Student };
    expect(one.user).toMatchObject({ sourcedId: student.sourcedId, role: 'student', status: 'active' });
    const demo = (await (await roster(`/demographics/${student.sourcedId}`)).json()) as {
      demographics: { birthDate: string };
    };
    expect(demo.demographics.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const schoolId = student.orgs[0]!.sourcedId;
    const school = (await (await roster(`/schools/${schoolId}/students?limit=1000`)).json()) as {
      users: Student[];
    };
    expect(school.users.length).toBeGreaterThan(0);
    expect(school.users.every((u) => u.orgs.some((o) => o.sourcedId === schoolId))).toBe(true);

    const missing = await roster('/students/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('reports exactly what changed after a time, deletions as tobedeleted', async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const added = await fetch(`${origin}/__roster/students`, {
      method: 'POST',
      body: JSON.stringify({ givenName: 'Nia', familyName: 'Delta', grade: '03', birthDate: '2016-10-02' }),
    });
    expect(added.status).toBe(201);
    const newId = ((await added.json()) as { user: Student }).user.sourcedId;
    const [toModify, toRemove] = sims.oneRoster.roster.data.users.slice(0, 2);
    sims.oneRoster.roster.modifyStudent(toModify!.sourcedId, { grade: '05', familyName: 'Renamed' });
    const removed = await fetch(`${origin}/__roster/students/${toRemove!.sourcedId}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);

    const delta = await roster(`/students?filter=${encodeURIComponent(`dateLastModified>'${since}'`)}`);
    const { users } = (await delta.json()) as { users: Student[] };
    const byId = new Map(users.map((u) => [u.sourcedId, u]));
    expect(byId.size).toBe(3);
    expect(byId.get(newId)).toMatchObject({ status: 'active', givenName: 'Nia', grades: ['03'] });
    expect(byId.get(toModify!.sourcedId)).toMatchObject({ familyName: 'Renamed', grades: ['05'] });
    expect(byId.get(toRemove!.sourcedId)?.status).toBe('tobedeleted');

    const enrollments = await roster(
      `/enrollments?filter=${encodeURIComponent(`dateLastModified>'${since}'`)}`,
    );
    const changed = ((await enrollments.json()) as { enrollments: Array<{ user: { sourcedId: string } }> })
      .enrollments;
    expect(new Set(changed.map((e) => e.user.sourcedId))).toEqual(new Set([newId, toRemove!.sourcedId]));
  });

  it('refuses a malformed filter and an expired token', async () => {
    const bad = await roster(`/students?filter=${encodeURIComponent('dateLastModified>>yesterday')}`);
    expect(bad.status).toBe(400);

    const mine = await fetchToken();
    expect((await roster('/orgs', mine)).status).toBe(200);
    await fetch(`${origin}/__oauth/tokens`, { method: 'DELETE' });
    expect((await roster('/orgs', mine)).status).toBe(401);
    token = await fetchToken();
  });
});

const VXU = (controlId: string, patient: { id: string; family: string; given: string }) =>
  [
    `MSH|^~\\&|WHITECROSS|MAPLEVALLEY|SIMIIS|SIMIIS|20251001120000||VXU^V04^VXU_V04|${controlId}|P|2.5.1|||ER|AL|||||Z22^CDCPHINVS`,
    `PID|1||${patient.id}^^^WHITECROSS^MR||${patient.family}^${patient.given}^GRACE||20150412|F`,
    'ORC|RE||IZ-1^WHITECROSS',
    'RXA|0|1|20251001|20251001|03^MMR^CVX|0.5|mL^mL^UCUM||00^New immunization record^NIP001||||||LOT123||MSD^Merck^MVX|||CP|A',
  ].join('\r');

const QBP = (controlId: string, patientId: string) =>
  [
    `MSH|^~\\&|WHITECROSS|MAPLEVALLEY|SIMIIS|SIMIIS|20251001120000||QBP^Q11^QBP_Q11|${controlId}|P|2.5.1|||ER|AL|||||Z34^CDCPHINVS`,
    `QPD|Z34^Request Immunization History^CDCPHINVS|Q-${controlId}|${patientId}^^^WHITECROSS^MR|NOBODY^NOONE||20150412|F`,
    'RCP|I|5^RD&Records&HL70126',
  ].join('\r');

function envelope(hl7: string, credentials = sims.credentials.stateRegistry, soap11 = false): string {
  const ns = soap11 ? 'http://schemas.xmlsoap.org/soap/envelope/' : 'http://www.w3.org/2003/05/soap-envelope';
  const escaped = hl7.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0"?><soap:Envelope xmlns:soap="${ns}" xmlns:urn="urn:cdc:iisb:2011"><soap:Body><urn:submitSingleMessage><urn:username>${credentials.username}</urn:username><urn:password>${credentials.password}</urn:password><urn:facilityID>MAPLEVALLEY</urn:facilityID><urn:hl7Message>${escaped}</urn:hl7Message></urn:submitSingleMessage></soap:Body></soap:Envelope>`;
}

async function submit(body: string, contentType = 'application/soap+xml; charset=utf-8') {
  const res = await fetch(sims.urls.stateRegistry, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  const xml = await res.text();
  const ret = /<return>([\s\S]*)<\/return>/.exec(xml)?.[1] ?? '';
  const hl7 = ret.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return { status: res.status, contentType: res.headers.get('content-type'), xml, segments: hl7.split('\r') };
}

describe('immunization registry', () => {
  it('acknowledges a VXU with AA, stores the dose and returns it to a Z34 query', async () => {
    const ack = await submit(envelope(VXU('MSG-1001', { id: 'WC-5001', family: 'RIVERA', given: 'SOFIA' })));
    expect(ack.status).toBe(200);
    expect(ack.contentType).toMatch(/application\/soap\+xml/);
    expect(ack.segments[0]).toMatch(
      /^MSH\|\^~\\&\|SIMIIS\|SIMIIS\|WHITECROSS\|MAPLEVALLEY\|\d{14}\|\|ACK\^V04\^ACK\|/,
    );
    expect(ack.segments[1]).toBe('MSA|AA|MSG-1001');
    expect(sims.registry.history('WC-5001')).toHaveLength(1);

    const rsp = await submit(envelope(QBP('MSG-1002', 'WC-5001')));
    expect(rsp.segments[0]).toMatch(/\|RSP\^K11\^RSP_K11\|.*\|Z32\^CDCPHINVS$/);
    expect(rsp.segments).toContain('MSA|AA|MSG-1002');
    expect(rsp.segments).toContain('QAK|Q-MSG-1002|OK|Z34^Request Immunization History^CDCPHINVS');
    expect(rsp.segments.filter((s) => s.startsWith('RXA|'))).toEqual([
      expect.stringContaining('|03^MMR^CVX|'),
    ]);
  });

  it('answers a query for an unknown patient with NF, and one for a seeded patient with history', async () => {
    const none = await submit(envelope(QBP('MSG-2001', 'NO-SUCH-ID')));
    expect(none.segments).toContain('QAK|Q-MSG-2001|NF|Z34^Request Immunization History^CDCPHINVS');
    expect(none.segments.some((s) => s.startsWith('RXA|'))).toBe(false);

    const seeded = await submit(envelope(QBP('MSG-2002', 'SIM-1001')));
    expect(seeded.segments.filter((s) => s.startsWith('RXA|')).length).toBeGreaterThan(5);
  });

  it('answers AE with an ERR segment for a patient a test marked, and stores nothing', async () => {
    const rule = await fetch(`${new URL(sims.urls.stateRegistry).origin}/__registry/rejections`, {
      method: 'POST',
      body: JSON.stringify({ familyName: 'REJECTME', code: 'AE', message: 'Invalid vaccine lot' }),
    });
    expect(rule.status).toBe(201);

    const ack = await submit(envelope(VXU('MSG-3001', { id: 'WC-5002', family: 'Rejectme', given: 'ALEX' })));
    expect(ack.segments[1]).toBe('MSA|AE|MSG-3001');
    expect(ack.segments[2]).toMatch(
      /^ERR\|\|PID\^1\|102\^Data type error\^HL70357\|E\|\|\|\|Invalid vaccine lot$/,
    );
    expect(sims.registry.history('WC-5002')).toEqual([]);
    sims.registry.clearRejections();
  });

  it('answers a SecurityFault for wrong credentials and speaks SOAP 1.1 to a 1.1 caller', async () => {
    const fault = await submit(
      envelope(VXU('MSG-4001', { id: 'X', family: 'A', given: 'B' }), { username: 'x', password: 'y' }),
    );
    expect(fault.status).toBe(400);
    expect(fault.xml).toMatch(/SecurityFault/);

    const soap11 = await submit(
      envelope(VXU('MSG-4002', { id: 'WC-5003', family: 'LEE', given: 'SAM' }), undefined, true),
      'text/xml; charset=utf-8',
    );
    expect(soap11.contentType).toMatch(/text\/xml/);
    expect(soap11.xml).toContain('http://schemas.xmlsoap.org/soap/envelope/');
    expect(soap11.segments[1]).toBe('MSA|AA|MSG-4002');
  });
});

describe('Medicaid eligibility', () => {
  const ask = (body: string, apiKey = sims.credentials.medicaid.apiKey) =>
    fetch(sims.urls.medicaid, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-api-key': apiKey },
      body,
    });
  const segmentsOf = async (res: Response) => (await res.text()).split('~\n').filter(Boolean);

  it('answers EB*1 for an active member and EB*6 for an inactive one, echoing the trace', async () => {
    const active = await segmentsOf(
      await ask(
        inquiry270({
          memberId: 'MCD100234501',
          familyName: 'MARTINEZ',
          givenName: 'AVA',
          birthDate: '20160314',
        }),
      ),
    );
    expect(active[0]).toMatch(/^ISA\*00\*/);
    expect(active).toContain('ST*271*0001*005010X279A1');
    expect(active).toContain('TRN*2*TRACE-0001*9WHITECROS');
    expect(active).toContain('EB*1*IND*30*MC*CHILDRENS MEDICAID');
    const se = active.find((s) => s.startsWith('SE*'))!;
    const st = active.findIndex((s) => s.startsWith('ST*'));
    expect(Number(se.split('*')[1])).toBe(active.indexOf(se) - st + 1);

    const inactive = await segmentsOf(
      await ask(
        inquiry270({
          memberId: 'MCD100234502',
          familyName: 'NGUYEN',
          givenName: 'LIAM',
          birthDate: '20120922',
        }),
      ),
    );
    expect(inactive).toContain('EB*6*IND*30*MC');
  });

  it('finds a member by name and birth date, and answers AAA when nobody matches', async () => {
    const byName = await segmentsOf(
      await ask(inquiry270({ familyName: 'OKAFOR', givenName: 'AMARA', birthDate: '20180705' })),
    );
    expect(byName).toContain('NM1*IL*1*OKAFOR*AMARA****MI*MCD100234503');
    expect(byName).toContain('EB*1*IND*30*MC*CHIP');

    const unknown = await segmentsOf(
      await ask(inquiry270({ familyName: 'NOBODY', givenName: 'X', birthDate: '20100101' })),
    );
    expect(unknown).toContain('AAA*Y**75*C');
    const wrongBirthDate = await segmentsOf(
      await ask(
        inquiry270({
          memberId: 'MCD100234501',
          familyName: 'MARTINEZ',
          givenName: 'AVA',
          birthDate: '20160315',
        }),
      ),
    );
    expect(wrongBirthDate).toContain('AAA*Y**71*C');
  });

  it('knows members a test adds, and refuses a missing key or a body that is not X12', async () => {
    const added = await fetch(`${new URL(sims.urls.medicaid).origin}/__medicaid/members`, {
      method: 'POST',
      body: JSON.stringify({
        memberId: 'MCD-T-1',
        familyName: 'Test',
        givenName: 'Added',
        birthDate: '20170101',
      }),
    });
    expect(added.status).toBe(201);
    const found = await segmentsOf(
      await ask(
        inquiry270({ memberId: 'MCD-T-1', familyName: 'TEST', givenName: 'ADDED', birthDate: '20170101' }),
      ),
    );
    expect(found).toContain('EB*1*IND*30*MC*CHILDRENS MEDICAID');

    expect((await ask('ISA*too short', 'wrong-key')).status).toBe(401);
    expect((await ask('hello')).status).toBe(400);
  });
});

describe('fault injection over HTTP', () => {
  it('sets, applies, reports and clears faults; control requests are not recorded', async () => {
    const control = new URL(sims.urls.medicaid).origin;
    const bad = await fetch(`${control}/__faults`, {
      method: 'POST',
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(bad.status).toBe(400);
    const set = await fetch(`${control}/__faults`, {
      method: 'POST',
      body: JSON.stringify({ failNext: 1, statusOnError: 500 }),
    });
    expect(await set.json()).toMatchObject({ failNext: 1, statusOnError: 500 });
    await fetch(`${control}/__requests`, { method: 'DELETE' });

    expect((await fetch(sims.urls.medicaid, { method: 'POST' })).status).toBe(500);
    expect((await fetch(sims.urls.medicaid, { method: 'POST' })).status).toBe(401);

    const { requests } = (await (await fetch(`${control}/__requests`)).json()) as {
      requests: Array<{ status: number; path: string }>;
    };
    expect(requests.map((r) => [r.path, r.status])).toEqual([
      ['/eligibility', 500],
      ['/eligibility', 401],
    ]);
    expect((await fetch(`${control}/__faults`, { method: 'DELETE' })).status).toBe(204);
  });
});

describe('startSimulatorsIfNeeded', () => {
  const log = { info: () => undefined };

  it('points every unset URL at a running simulator, with credentials it accepts', async () => {
    const resolved = await startSimulatorsIfNeeded(loadConfig({ NODE_ENV: 'test' }), log);
    try {
      const { sis, stateRegistry, medicaid } = resolved.config.integrations;
      expect(resolved.simulated).toEqual(['sis', 'stateRegistry', 'medicaid']);
      expect(sis.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ims\/oneroster\/v1p1$/);
      const res = await fetch(medicaid.url!, {
        method: 'POST',
        headers: { 'x-api-key': medicaid.apiKey! },
        body: inquiry270({
          memberId: 'MCD100234501',
          familyName: 'MARTINEZ',
          givenName: 'AVA',
          birthDate: '20160314',
        }),
      });
      expect(res.status).toBe(200);
      expect(stateRegistry).toMatchObject({ username: expect.any(String), password: expect.any(String) });
      expect(Object.isFrozen(resolved.config.integrations)).toBe(true);
    } finally {
      await resolved.stop();
    }
  });

  it('leaves real URLs alone and starts nothing when SIMULATORS=off', async () => {
    const partly = await startSimulatorsIfNeeded(
      loadConfig({ MEDICAID_API_URL: 'https://medicaid.example/x12' }),
      log,
    );
    try {
      expect(partly.simulated).toEqual(['sis', 'stateRegistry']);
      expect(partly.config.integrations.medicaid.url).toBe('https://medicaid.example/x12');
    } finally {
      await partly.stop();
    }

    const config = loadConfig({ SIMULATORS: 'off' });
    const off = await startSimulatorsIfNeeded(config, log);
    expect(off.config).toBe(config);
    expect(off.simulated).toEqual([]);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'k'.repeat(48),
        DATABASE_URL: 'postgres://a@db/x',
        REDIS_URL: 'redis://r',
      }).integrations.simulators.mode,
    ).toBe('off');
  });
});
