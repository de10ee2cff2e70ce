/**
 * The registry simulator's minimal HL7 v2.5.1 handling: split segments on CR (or LF), fields
 * on `|`, components on `^`; read MSH, PID, RXA and QPD; write ACK^V04 and RSP^K11 answers.
 * Deliberately small: the application's real builders and parsers live in integrations/hl7.
 */

export type Segment = string[];

export interface ParsedMessage {
  segments: Segment[];
  /** MSH-9, e.g. `VXU^V04^VXU_V04`. */
  type: string;
  /** MSH-10. */
  controlId: string;
  sendingApp: string;
  sendingFacility: string;
  receivingApp: string;
  receivingFacility: string;
  processingId: string;
}

export interface PatientKey {
  id: string | undefined;
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: string;
}

export function parseHl7(text: string): ParsedMessage | null {
  const segments = text
    .split(/\r\n|\r|\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split('|'));
  const msh = segments[0];
  if (!msh || msh[0] !== 'MSH') return null;
  // MSH-1 is the field separator itself, so MSH-n sits at index n - 1.
  return {
    segments,
    type: msh[8] ?? '',
    controlId: msh[9] ?? '',
    sendingApp: msh[2] ?? '',
    sendingFacility: msh[3] ?? '',
    receivingApp: msh[4] ?? '',
    receivingFacility: msh[5] ?? '',
    processingId: msh[10] || 'P',
  };
}

export const segmentsNamed = (message: ParsedMessage, name: string) =>
  message.segments.filter((s) => s[0] === name);
export const component = (field: string | undefined, index = 0) =>
  (field ?? '').split('~')[0]?.split('^')[index] ?? '';

/** PID-3 (first identifier), PID-5 (name), PID-7 (birth date), PID-8 (sex). */
export function patientOf(pid: Segment): PatientKey {
  return {
    id: component(pid[3]) || undefined,
    familyName: component(pid[5], 0),
    givenName: component(pid[5], 1),
    birthDate: (pid[7] ?? '').slice(0, 8),
    sex: pid[8] ?? '',
  };
}

/** QPD of a Z34 query: QPD-3 patient ids, QPD-4 name, QPD-6 birth date, QPD-7 sex. */
export function queriedPatient(qpd: Segment): PatientKey {
  return {
    id: component(qpd[3]) || undefined,
    familyName: component(qpd[4], 0),
    givenName: component(qpd[4], 1),
    birthDate: (qpd[6] ?? '').slice(0, 8),
    sex: qpd[7] ?? '',
  };
}

export function hl7Timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

let counter = 0;
const nextControlId = () => `SIM${Date.now().toString(36).toUpperCase()}${(counter += 1)}`;

/** MSH of our answer: sender and receiver swapped, profile (MSH-21) named. */
function answerHeader(to: ParsedMessage, type: string, profile: string): string {
  return [
    'MSH',
    '^~\\&',
    to.receivingApp || 'SIMIIS',
    to.receivingFacility || 'SIMIIS',
    to.sendingApp,
    to.sendingFacility,
    hl7Timestamp(),
    '',
    type,
    nextControlId(),
    to.processingId,
    '2.5.1',
    '',
    '',
    'NE',
    'NE',
    '',
    '',
    '',
    '',
    profile,
  ].join('|');
}

export interface AckError {
  code: 'AE' | 'AR';
  /** HL7 table 0357 code: 101 required field missing, 102 data type error, 207 application error. */
  hl7ErrorCode: string;
  location: string;
  message: string;
}

/** HL7 table 0357, the codes the simulator uses. */
const HL7_ERROR_TEXT: Record<string, string> = {
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '200': 'Unsupported message type',
  '207': 'Application internal error',
};

/** ACK^V04 with MSA-1 AA, or AE/AR plus an ERR segment. */
export function ack(to: ParsedMessage | null, error?: AckError): string {
  const header = to
    ? answerHeader(to, 'ACK^V04^ACK', 'Z23^CDCPHINVS')
    : `MSH|^~\\&|SIMIIS|SIMIIS|||${hl7Timestamp()}||ACK^V04^ACK|${nextControlId()}|P|2.5.1|||NE|NE|||||Z23^CDCPHINVS`;
  const segments = [header, `MSA|${error?.code ?? 'AA'}|${to?.controlId ?? ''}`];
  if (error) {
    const codeText = HL7_ERROR_TEXT[error.hl7ErrorCode];
    segments.push(
      `ERR||${error.location}|${error.hl7ErrorCode}^${codeText ?? 'Application internal error'}^HL70357|E||||${error.message}`,
    );
  }
  return segments.join('\r');
}

/** RSP^K11 to a Z34 query: Z32 with the history when found, Z33 with QAK NF when not. */
export function historyResponse(
  to: ParsedMessage,
  qpd: Segment,
  found: { patient: PatientKey; history: string[] } | null,
): string {
  const queryTag = qpd[2] ?? '';
  const segments = [
    answerHeader(to, 'RSP^K11^RSP_K11', found ? 'Z32^CDCPHINVS' : 'Z33^CDCPHINVS'),
    `MSA|AA|${to.controlId}`,
    `QAK|${queryTag}|${found ? 'OK' : 'NF'}|Z34^Request Immunization History^CDCPHINVS`,
    qpd.join('|'),
  ];
  if (found) {
    const p = found.patient;
    segments.push(
      `PID|1||${p.id ?? ''}^^^SIMIIS^SR||${p.familyName}^${p.givenName}||${p.birthDate}|${p.sex}`,
    );
    found.history.forEach((rxa, index) => {
      segments.push(`ORC|RE||${index + 1}^SIMIIS`, rxa);
    });
  }
  return segments.join('\r');
}

/** An RXA for seeded history: historical (RXA-9 01) dose of a CVX vaccine on a date. */
export function historicalRxa(date: string, cvx: string, name: string): string {
  const d = date.replace(/-/g, '');
  return `RXA|0|1|${d}|${d}|${cvx}^${name}^CVX|999|||01^Historical information - source unspecified^NIP001||||||||||CP|A`;
}
