/**
 * The Medicaid simulator's minimal X12 5010 handling: read the separators from the ISA
 * (element at position 3, component at 104, segment terminator at 105), split, and pull out
 * what a 270 inquiry names; write the 271 answer. The application's real X12 code lives in
 * integrations/x12.
 */

export type Segment = string[];

export interface Inquiry270 {
  segments: Segment[];
  senderId: string;
  receiverId: string;
  gsSender: string;
  gsReceiver: string;
  /** BHT03: the submitter's reference, echoed in the 271. */
  reference: string;
  /** TRN*1: the trace number the 271 returns as TRN*2. */
  trace: Segment | undefined;
  /** The 2100B information receiver (NM1*1P / NM1*FA), echoed. */
  receiver: Segment | undefined;
  subscriber: { memberId?: string; familyName?: string; givenName?: string; birthDate?: string };
}

export class X12Error extends Error {}

export function parse270(text: string): Inquiry270 {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('ISA') || body.length < 106)
    throw new X12Error('the interchange must start with an ISA segment');
  const element = body[3] as string;
  const terminator = body[105] as string;
  const segments = body
    .split(terminator)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(element).map((e) => e.trim()));
  const find = (id: string, first?: string) =>
    segments.find((s) => s[0] === id && (!first || s[1] === first));
  const isa = segments[0] ?? [];
  const gs = find('GS');
  const st = find('ST');
  if (!st || st[1] !== '270') throw new X12Error('the transaction set must be a 270');
  const nm1Index = segments.findIndex((s) => s[0] === 'NM1' && s[1] === 'IL');
  if (nm1Index < 0) throw new X12Error('the 270 names no subscriber (NM1*IL)');
  const nm1 = segments[nm1Index] ?? [];
  const dmg = segments.slice(nm1Index + 1).find((s) => s[0] === 'DMG');
  return {
    segments,
    senderId: (isa[6] ?? '').trim(),
    receiverId: (isa[8] ?? '').trim(),
    gsSender: gs?.[2] ?? '',
    gsReceiver: gs?.[3] ?? '',
    reference: find('BHT')?.[3] ?? '',
    trace: find('TRN', '1'),
    receiver: segments.find((s) => s[0] === 'NM1' && (s[1] === '1P' || s[1] === 'FA')),
    subscriber: {
      memberId: nm1[8] === 'MI' && nm1[9] ? nm1[9] : undefined,
      familyName: nm1[3] || undefined,
      givenName: nm1[4] || undefined,
      birthDate: dmg?.[1] === 'D8' ? dmg[2] : undefined,
    },
  };
}

export interface Member {
  memberId: string;
  familyName: string;
  givenName: string;
  /** CCYYMMDD. */
  birthDate: string;
  gender: 'F' | 'M' | 'U';
  active: boolean;
  planName: string;
  /** Coverage period, CCYYMMDD. */
  coverageStart: string;
  coverageEnd: string;
}

/** AAA reject reasons (X12 table 901): 71 birth date mismatch, 75 subscriber not found. */
export type LookupResult = { member: Member } | { rejectReason: '71' | '75' };

const pad = (value: string, length: number) => value.slice(0, length).padEnd(length, ' ');

function stamp(now: Date) {
  const iso = now.toISOString();
  return { ccyymmdd: iso.slice(0, 10).replace(/-/g, ''), hhmm: iso.slice(11, 16).replace(':', '') };
}

let interchange = 0;

/** The 271 for an inquiry: EB*1 (active) or EB*6 (inactive), or AAA when no member matched. */
export function build271(
  inquiry: Inquiry270,
  result: LookupResult,
  payer: { name: string; id: string },
): string {
  const { ccyymmdd, hhmm } = stamp(new Date());
  interchange = (interchange % 999_999_999) + 1;
  const control = String(interchange).padStart(9, '0');
  const s = inquiry.subscriber;
  const transaction: string[] = [
    'ST*271*0001*005010X279A1',
    `BHT*0022*11*${inquiry.reference}*${ccyymmdd}*${hhmm}`,
    'HL*1**20*1',
    `NM1*PR*2*${payer.name}*****PI*${payer.id}`,
    'HL*2*1*21*1',
    (inquiry.receiver ?? ['NM1', '1P', '2', 'SCHOOL DISTRICT']).join('*'),
    'HL*3*2*22*0',
  ];
  if (inquiry.trace) transaction.push(['TRN', '2', ...inquiry.trace.slice(2)].join('*'));
  if ('member' in result) {
    const m = result.member;
    transaction.push(
      `NM1*IL*1*${m.familyName}*${m.givenName}****MI*${m.memberId}`,
      `DMG*D8*${m.birthDate}*${m.gender}`,
    );
    if (m.active) {
      transaction.push(`EB*1*IND*30*MC*${m.planName}`, `DTP*291*RD8*${m.coverageStart}-${m.coverageEnd}`);
    } else {
      transaction.push('EB*6*IND*30*MC', `DTP*291*RD8*${m.coverageStart}-${m.coverageEnd}`);
    }
  } else {
    transaction.push(
      `NM1*IL*1*${s.familyName ?? ''}*${s.givenName ?? ''}****MI*${s.memberId ?? ''}`,
      `AAA*Y**${result.rejectReason}*C`,
    );
    if (s.birthDate) transaction.push(`DMG*D8*${s.birthDate}`);
  }
  transaction.push(`SE*${transaction.length + 1}*0001`);
  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    'ZZ',
    pad(inquiry.receiverId || payer.id, 15),
    'ZZ',
    pad(inquiry.senderId || 'SUBMITTER', 15),
    ccyymmdd.slice(2),
    hhmm,
    '^',
    '00501',
    control,
    '0',
    'P',
    ':',
  ].join('*');
  const segments = [
    isa,
    `GS*HB*${inquiry.gsReceiver || payer.id}*${inquiry.gsSender || 'SUBMITTER'}*${ccyymmdd}*${hhmm}*${interchange}*X*005010X279A1`,
    ...transaction,
    `GE*1*${interchange}`,
    `IEA*1*${control}`,
  ];
  return `${segments.join('~\n')}~\n`;
}
