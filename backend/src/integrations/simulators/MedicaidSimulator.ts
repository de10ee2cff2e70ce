/**
 * A local Medicaid eligibility endpoint: `POST /eligibility` with an X12 270 (005010X279A1)
 * as `text/plain` (or `application/edi-x12`) and the `X-API-Key` header; it answers a 271.
 * The subscriber (NM1*IL) is found by member id, or by name and birth date: an active
 * member gets EB*1, an inactive one EB*6, no match AAA*75, a birth-date mismatch AAA*71.
 * Tests add members with `addMember` or POST /__medicaid/members.
 */
import { build271, parse270, X12Error, type LookupResult, type Member } from './eligibilityX12.js';
import { json, SimulatorServer, type SimRequest, type SimResponse } from './SimulatorServer.js';

export interface MedicaidSimulatorOptions {
  apiKey: string;
}

export const ELIGIBILITY_PATH = '/eligibility';
const PAYER = { name: 'STATE MEDICAID', id: 'SKMCD0001' };

const SEEDED_MEMBERS: Member[] = [
  {
    memberId: 'MCD100234501',
    familyName: 'MARTINEZ',
    givenName: 'AVA',
    birthDate: '20160314',
    gender: 'F',
    active: true,
    planName: 'CHILDRENS MEDICAID',
    coverageStart: '20250101',
    coverageEnd: '20251231',
  },
  {
    memberId: 'MCD100234502',
    familyName: 'NGUYEN',
    givenName: 'LIAM',
    birthDate: '20120922',
    gender: 'M',
    active: false,
    planName: 'CHILDRENS MEDICAID',
    coverageStart: '20230101',
    coverageEnd: '20241231',
  },
  {
    memberId: 'MCD100234503',
    familyName: 'OKAFOR',
    givenName: 'AMARA',
    birthDate: '20180705',
    gender: 'F',
    active: true,
    planName: 'CHIP',
    coverageStart: '20250701',
    coverageEnd: '20260630',
  },
];

const same = (a: string | undefined, b: string) => a === undefined || a.toUpperCase() === b.toUpperCase();

export class MedicaidSimulator {
  readonly server: SimulatorServer;
  private readonly members: Member[] = SEEDED_MEMBERS.map((m) => ({ ...m }));

  constructor(private readonly options: MedicaidSimulatorOptions) {
    this.server = new SimulatorServer(
      'medicaid',
      (r) => this.route(r),
      (r) => this.control(r),
    );
  }

  /** The eligibility endpoint URL (what MEDICAID_API_URL names). */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await this.server.listen(port, host);
    return this.url;
  }

  get url(): string {
    return `${this.server.url}${ELIGIBILITY_PATH}`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  addMember(member: Member): void {
    this.members.push({
      ...member,
      familyName: member.familyName.toUpperCase(),
      givenName: member.givenName.toUpperCase(),
    });
  }

  lookup(subscriber: {
    memberId?: string;
    familyName?: string;
    givenName?: string;
    birthDate?: string;
  }): LookupResult {
    if (subscriber.memberId) {
      const member = this.members.find((m) => m.memberId === subscriber.memberId);
      if (!member) return { rejectReason: '75' };
      if (subscriber.birthDate && subscriber.birthDate !== member.birthDate) return { rejectReason: '71' };
      return { member };
    }
    if (!subscriber.familyName || !subscriber.birthDate) return { rejectReason: '75' };
    const matches = this.members.filter(
      (m) =>
        m.birthDate === subscriber.birthDate &&
        same(subscriber.familyName, m.familyName) &&
        same(subscriber.givenName, m.givenName),
    );
    return matches.length === 1 && matches[0] ? { member: matches[0] } : { rejectReason: '75' };
  }

  private route(request: SimRequest): SimResponse | undefined {
    if (request.path !== ELIGIBILITY_PATH) return undefined;
    const text = (status: number, body: string): SimResponse => ({
      status,
      body,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    if (request.method !== 'POST') return { status: 405, headers: { allow: 'POST' } };
    if (request.headers['x-api-key'] !== this.options.apiKey)
      return text(401, 'A valid X-API-Key is required');
    try {
      const inquiry = parse270(request.body);
      return text(200, build271(inquiry, this.lookup(inquiry.subscriber), PAYER));
    } catch (error) {
      if (error instanceof X12Error) return text(400, error.message);
      throw error;
    }
  }

  private control(request: SimRequest): SimResponse | undefined {
    if (request.path !== '/__medicaid/members' || request.method !== 'POST') return undefined;
    try {
      const member = JSON.parse(request.body || '{}') as Partial<Member>;
      if (
        !member.memberId ||
        !member.familyName ||
        !member.givenName ||
        !/^\d{8}$/.test(member.birthDate ?? '')
      ) {
        return json(400, {
          error: 'a member needs memberId, familyName, givenName and birthDate (CCYYMMDD)',
        });
      }
      this.addMember({
        memberId: member.memberId,
        familyName: member.familyName,
        givenName: member.givenName,
        birthDate: member.birthDate as string,
        gender: member.gender ?? 'U',
        active: member.active ?? true,
        planName: member.planName ?? 'CHILDRENS MEDICAID',
        coverageStart: member.coverageStart ?? '20250101',
        coverageEnd: member.coverageEnd ?? '20251231',
      });
      return json(201, member);
    } catch {
      return json(400, { error: 'body must be JSON' });
    }
  }
}
