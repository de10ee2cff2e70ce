/**
 * A state immunization registry (IIS) behind the CDC SOAP interface (WSDL `urn:cdc:iisb:2011`,
 * SOAP 1.2): `submitSingleMessage(username, password, facilityID, hl7Message)` carries one HL7
 * v2.5.1 message and answers with the registry's HL7 reply in `<return>`.
 *
 * - submitImmunizationRecord: a VXU^V04 for one dose -> the parsed ACK (AA / AE / AR ...).
 * - queryHistory: a QBP^Q11 (Z34) for one patient -> the parsed RSP^K11 and its doses.
 *
 * A POST is not idempotent by itself: every message carries a control id (MSH-10) and the
 * caller keeps it per attempt, so a repeat is the SAME message, which registries treat as one.
 * That control id is the request's idempotency key, which lets BaseApiClient retry transient
 * failures. A SOAP Fault becomes StateRegistryFault; an answer that is not a readable SOAP
 * response or HL7 reply becomes IntegrationUnavailable('bad-response'). Nothing from the
 * message or the answer is ever logged: both are health data.
 */
import { randomBytes } from 'node:crypto';
import { parseAck, type Ack } from '../hl7/ack.js';
import { Hl7ParseError } from '../hl7/errors.js';
import type { HierarchicDesignator } from '../hl7/fields.js';
import type { MessageHeader } from '../hl7/header.js';
import { buildQbpQ11, parseRspK11, type ImmunizationHistoryQuery, type RspK11 } from '../hl7/qbp.js';
import { buildVxu, type VxuImmunization, type VxuPatient } from '../hl7/vxu.js';
import { BaseApiClient, type BaseApiClientOptions } from './BaseApiClient.js';
import { IntegrationError, IntegrationUnavailable } from './integrationErrors.js';

export interface StateRegistryClientOptions extends BaseApiClientOptions {
  username: string;
  password: string;
  /** The facility id the registry assigned us (SOAP `facilityID`, and MSH-4's namespace). */
  facilityId: string;
  /** MSH-11: P production, T training. */
  processingId?: 'P' | 'T' | 'D';
  /** MSH-5 / MSH-6; registries name what they expect, `IIS` otherwise. */
  receivingApplication?: string;
  receivingFacility?: string;
}

export interface ImmunizationSubmission {
  /** MSH-10: the same for every attempt to send this message (see the file comment). */
  controlId: string;
  patient: VxuPatient;
  immunization: VxuImmunization;
  /** MSH-4's universal id: who in our platform sends it (the organization). */
  sendingOrganizationId?: string;
}

export interface SubmissionResult {
  ack: Ack;
  controlId: string;
}

export type HistoryPatient = ImmunizationHistoryQuery['patient'];

const IIS_NAMESPACE = 'urn:cdc:iisb:2011';
const SOAP_12 = 'http://www.w3.org/2003/05/soap-envelope';
const SENDING_APPLICATION = 'WHITECROSS';

/** A control id or query tag: 20 characters at most, as MSH-10 allows in 2.5.1. */
export function newControlId(prefix = 'WC'): string {
  return `${prefix}${randomBytes(8).toString('hex').toUpperCase()}`;
}

/** The registry answered a SOAP Fault: `Sender` is our request's fault, `Receiver` the registry's. */
export class StateRegistryFault extends IntegrationError {
  readonly faultCode: 'Sender' | 'Receiver';
  /** The WSDL's fault element: SecurityFault, MessageTooLargeFault, UnknownFault (or Fault). */
  readonly faultType: string;
  /** The registry's reason text, for administrators; kept out of the message. */
  declare readonly reason: string;

  constructor(integration: string, fault: { code: 'Sender' | 'Receiver'; type: string; reason: string }) {
    super(
      fault.code === 'Sender' ? 502 : 503,
      integration,
      `${integration} refused the message (SOAP ${fault.code} fault: ${fault.type})`,
    );
    this.name = 'StateRegistryFault';
    this.faultCode = fault.code;
    this.faultType = fault.type;
    Object.defineProperty(this, 'reason', { value: fault.reason, enumerable: false });
  }

  /** Bad credentials or an unknown facility: every message will be refused until config changes. */
  get isSecurityFault(): boolean {
    return this.faultType === 'SecurityFault';
  }
}

export class StateRegistryClient extends BaseApiClient {
  private readonly credentials: { username: string; password: string; facilityId: string };
  private readonly processingId: 'P' | 'T' | 'D';
  private readonly receiver: { application: string; facility: string };

  constructor(options: StateRegistryClientOptions) {
    super(options);
    this.credentials = {
      username: options.username,
      password: options.password,
      facilityId: options.facilityId,
    };
    this.processingId = options.processingId ?? 'P';
    this.receiver = {
      application: options.receivingApplication ?? 'IIS',
      facility: options.receivingFacility ?? 'IIS',
    };
  }

  /** Sends one VXU^V04 and reads the registry's ACK; throws Hl7BuildError for input it cannot send. */
  async submitImmunizationRecord(record: ImmunizationSubmission): Promise<SubmissionResult> {
    const hl7 = buildVxu({
      header: this.header(record.controlId, record.sendingOrganizationId),
      patient: record.patient,
      immunization: record.immunization,
    });
    const reply = await this.submitSingleMessage(hl7, record.controlId);
    const ack = this.readReply(() => parseAck(reply));
    // An ACK for another message would be someone else's answer: never store it as ours.
    if (ack.controlId && ack.controlId !== record.controlId) {
      throw new IntegrationUnavailable(this.name, 'bad-response');
    }
    return { ack, controlId: record.controlId };
  }

  /** Asks for one patient's immunization history (QBP^Q11, Z34) and reads the RSP^K11. */
  async queryHistory(
    patient: HistoryPatient,
    options: { sendingOrganizationId?: string } = {},
  ): Promise<RspK11> {
    const controlId = newControlId('WQ');
    const hl7 = buildQbpQ11({
      header: this.header(controlId, options.sendingOrganizationId),
      queryTag: controlId,
      patient,
    });
    const reply = await this.submitSingleMessage(hl7, controlId);
    return this.readReply(() => parseRspK11(reply));
  }

  /** One `submitSingleMessage` call: the `<return>` text, or a typed error. */
  private async submitSingleMessage(hl7: string, idempotencyKey: string): Promise<string> {
    let body: string;
    try {
      body = await this.post<string>('', this.envelope(hl7), {
        headers: {
          'content-type': `application/soap+xml; charset=utf-8; action="${IIS_NAMESPACE}:submitSingleMessage"`,
          accept: 'application/soap+xml, text/xml',
        },
        responseType: 'text',
        idempotencyKey,
        logAs: 'POST submitSingleMessage',
      });
    } catch (error) {
      // A fault usually comes with a 4xx/5xx; the envelope says more than the status.
      const data = error instanceof IntegrationError ? error.response?.data : undefined;
      const fault = typeof data === 'string' ? readFault(data) : undefined;
      throw fault ? new StateRegistryFault(this.name, fault) : error;
    }
    const text = typeof body === 'string' ? body : '';
    const fault = readFault(text);
    if (fault) throw new StateRegistryFault(this.name, fault);
    const returned = elementText(text, 'return');
    if (returned === undefined) throw new IntegrationUnavailable(this.name, 'bad-response');
    return returned;
  }

  private readReply<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof Hl7ParseError) throw new IntegrationUnavailable(this.name, 'bad-response');
      throw error;
    }
  }

  private header(controlId: string, organizationId: string | undefined): MessageHeader {
    const facility: HierarchicDesignator = organizationId
      ? { namespaceId: this.credentials.facilityId, universalId: organizationId, universalIdType: 'UUID' }
      : { namespaceId: this.credentials.facilityId };
    return {
      sendingApplication: SENDING_APPLICATION,
      sendingFacility: facility,
      receivingApplication: this.receiver.application,
      receivingFacility: this.receiver.facility,
      messageControlId: controlId,
      createdAt: new Date(),
      processingId: this.processingId,
    };
  }

  private envelope(hl7: string): string {
    const { username, password, facilityId } = this.credentials;
    const field = (name: string, value: string) => `<urn:${name}>${escapeXml(value)}</urn:${name}>`;
    return (
      `<?xml version="1.0" encoding="UTF-8"?>` +
      `<soap:Envelope xmlns:soap="${SOAP_12}" xmlns:urn="${IIS_NAMESPACE}"><soap:Header/><soap:Body>` +
      `<urn:submitSingleMessage>${field('username', username)}${field('password', password)}` +
      `${field('facilityID', facilityId)}${field('hl7Message', hl7)}</urn:submitSingleMessage>` +
      `</soap:Body></soap:Envelope>`
    );
  }
}

/**
 * XML text escaping. HL7 ends segments with CR, which an XML parser would turn into LF
 * (XML end-of-line handling), so CR travels as a character reference.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function unescapeXml(text: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(text);
  if (cdata) return cdata[1] ?? '';
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    const lower = entity.toLowerCase();
    if (lower in named) return named[lower] ?? whole;
    const code = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The inner text of the first element called `name`, whatever its namespace prefix. */
function elementText(xml: string, name: string): string | undefined {
  const pattern = new RegExp(
    `<(?:[\\w.-]+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`,
  );
  const match = pattern.exec(xml);
  return match ? unescapeXml(match[1] ?? '') : undefined;
}

const FAULT_TYPES = ['SecurityFault', 'MessageTooLargeFault', 'UnknownFault'] as const;

/** A SOAP 1.2 (or 1.1) Fault in the envelope, if there is one. */
function readFault(xml: string): { code: 'Sender' | 'Receiver'; type: string; reason: string } | undefined {
  const fault = elementText(xml, 'Fault');
  if (fault === undefined) return undefined;
  // 1.2: <Code><Value>soap:Sender</Value></Code>; 1.1: <faultcode>soap:Client</faultcode>.
  const code = elementText(fault, 'Value') ?? elementText(fault, 'faultcode') ?? '';
  const sender = /(?:^|:)(Sender|Client)$/.test(code.trim());
  const reason = elementText(fault, 'Text') ?? elementText(fault, 'faultstring') ?? '';
  const type = FAULT_TYPES.find((t) => new RegExp(`<(?:[\\w.-]+:)?${t}\\b`).test(fault)) ?? 'Fault';
  return { code: sender ? 'Sender' : 'Receiver', type, reason: reason.trim().slice(0, 500) };
}
