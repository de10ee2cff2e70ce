/**
 * A local state immunization registry (IIS) behind the CDC SOAP interface at `POST /iis/soap`:
 * `submitSingleMessage(username, password, facilityID, hl7Message)` and `connectivityTest`.
 * A VXU^V04 is stored (its RXA segments become the patient's history) and acknowledged with
 * ACK^V04 MSA|AA; a QBP^Q11 Z34 query is answered with RSP^K11 carrying that history. Tests
 * make it answer AE or AR for chosen patients (`addRejection`, or POST /__registry/rejections).
 * Bad credentials answer a SOAP SecurityFault.
 */
import {
  ack,
  historicalRxa,
  historyResponse,
  parseHl7,
  patientOf,
  queriedPatient,
  segmentsNamed,
  component,
  type AckError,
  type ParsedMessage,
  type PatientKey,
} from './registryMessages.js';
import { json, SimulatorServer, type SimRequest, type SimResponse } from './SimulatorServer.js';
import {
  contentTypeFor,
  elementText,
  operationOf,
  soapFault,
  soapResponse,
  soapVersionOf,
} from './soapEnvelope.js';

export interface RegistrySimulatorOptions {
  username: string;
  password: string;
}

export interface RejectionRule {
  /** Matches PID-3's first identifier. */
  patientId?: string;
  /** Matches PID-5's family name, case-insensitive. */
  familyName?: string;
  code: 'AE' | 'AR';
  message: string;
  hl7ErrorCode?: string;
}

interface PatientRecord {
  patient: PatientKey;
  history: string[];
}

export const SOAP_PATH = '/iis/soap';
const OPERATIONS = ['submitSingleMessage', 'connectivityTest'] as const;

const nameKey = (p: PatientKey) => `${p.familyName}|${p.givenName}|${p.birthDate}`.toUpperCase();

function seededPatients(): PatientRecord[] {
  return [
    {
      patient: { id: 'SIM-1001', familyName: 'MARTINEZ', givenName: 'AVA', birthDate: '20160314', sex: 'F' },
      history: [
        historicalRxa('2016-05-16', '20', 'DTaP'),
        historicalRxa('2016-05-16', '10', 'IPV'),
        historicalRxa('2016-05-16', '08', 'Hep B, adolescent or pediatric'),
        historicalRxa('2016-07-18', '20', 'DTaP'),
        historicalRxa('2016-07-18', '10', 'IPV'),
        historicalRxa('2016-09-19', '20', 'DTaP'),
        historicalRxa('2017-03-20', '03', 'MMR'),
        historicalRxa('2017-03-20', '21', 'varicella'),
      ],
    },
    {
      patient: { id: 'SIM-1002', familyName: 'NGUYEN', givenName: 'LIAM', birthDate: '20120922', sex: 'M' },
      history: [
        historicalRxa('2016-10-03', '20', 'DTaP'),
        historicalRxa('2016-10-03', '10', 'IPV'),
        historicalRxa('2016-10-03', '03', 'MMR'),
        historicalRxa('2016-10-03', '21', 'varicella'),
        historicalRxa('2023-09-25', '115', 'Tdap'),
        historicalRxa('2023-09-25', '114', 'meningococcal MCV4P'),
      ],
    },
  ];
}

export class RegistrySimulator {
  readonly server: SimulatorServer;
  /** Every HL7 message received, in order (a simulator keeps them for tests to read). */
  readonly messages: string[] = [];
  private readonly patients = new Map<string, PatientRecord>();
  private rules: RejectionRule[] = [];

  constructor(private readonly options: RegistrySimulatorOptions) {
    this.server = new SimulatorServer(
      'registry',
      (r) => this.route(r),
      (r) => this.control(r),
    );
    for (const record of seededPatients()) this.store(record);
  }

  /** The SOAP endpoint URL (what STATE_REGISTRY_URL names). */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await this.server.listen(port, host);
    return this.url;
  }

  get url(): string {
    return `${this.server.url}${SOAP_PATH}`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  addRejection(rule: RejectionRule): void {
    this.rules.push(rule);
  }

  clearRejections(): void {
    this.rules = [];
  }

  /** The stored RXA segments of a patient (by PID-3 id), oldest first. */
  history(patientId: string): string[] {
    return [...(this.patients.get(patientId)?.history ?? [])];
  }

  private route(request: SimRequest): SimResponse | undefined {
    if (request.path !== SOAP_PATH) return undefined;
    if (request.method !== 'POST') return { status: 405, headers: { allow: 'POST' } };
    const version = soapVersionOf(request.body);
    const xml = (status: number, body: string): SimResponse => ({
      status,
      body,
      headers: { 'content-type': contentTypeFor(version) },
    });
    const operation = operationOf(request.body, OPERATIONS);
    if (!operation) {
      return xml(
        400,
        soapFault(version, { code: 'Sender', detail: 'UnknownFault', reason: 'Unknown operation' }),
      );
    }
    if (operation === 'connectivityTest') {
      return xml(200, soapResponse(version, operation, elementText(request.body, 'echoBack') ?? ''));
    }
    const username = elementText(request.body, 'username');
    const password = elementText(request.body, 'password');
    if (username !== this.options.username || password !== this.options.password) {
      return xml(
        400,
        soapFault(version, {
          code: 'Sender',
          detail: 'SecurityFault',
          reason: 'Invalid username or password',
        }),
      );
    }
    const hl7 = elementText(request.body, 'hl7Message') ?? '';
    this.messages.push(hl7);
    return xml(200, soapResponse(version, operation, this.answer(hl7)));
  }

  private answer(hl7: string): string {
    const message = parseHl7(hl7);
    if (!message) {
      return ack(null, {
        code: 'AR',
        hl7ErrorCode: '100',
        location: 'MSH^1',
        message: 'Message must start with MSH',
      });
    }
    const type = component(message.type, 0);
    if (type === 'VXU') return this.vaccination(message);
    if (type === 'QBP') return this.query(message);
    return ack(message, {
      code: 'AR',
      hl7ErrorCode: '200',
      location: 'MSH^1^9',
      message: 'Unsupported message type',
    });
  }

  private vaccination(message: ParsedMessage): string {
    const pid = segmentsNamed(message, 'PID')[0];
    const patient = pid ? patientOf(pid) : undefined;
    if (!patient?.familyName || !patient.birthDate) {
      return ack(message, {
        code: 'AE',
        hl7ErrorCode: '101',
        location: 'PID^1^5',
        message: 'Patient name and birth date are required',
      });
    }
    const rejection = this.rejectionFor(patient);
    if (rejection) return ack(message, rejection);
    const record = this.find(patient) ?? this.store({ patient, history: [] });
    for (const rxa of segmentsNamed(message, 'RXA')) {
      const text = rxa.join('|');
      const sameDose = (stored: string) => {
        const s = stored.split('|');
        return s[3] === rxa[3] && component(s[5]) === component(rxa[5]);
      };
      // RXA-21 "D" deletes an earlier report of the same dose; a repeat of a stored dose is ignored.
      if (rxa[21] === 'D') record.history = record.history.filter((stored) => !sameDose(stored));
      else if (!record.history.some(sameDose)) record.history.push(text);
    }
    return ack(message);
  }

  private query(message: ParsedMessage): string {
    const qpd = segmentsNamed(message, 'QPD')[0];
    if (!qpd) {
      return ack(message, {
        code: 'AE',
        hl7ErrorCode: '101',
        location: 'QPD^1',
        message: 'QPD segment is required',
      });
    }
    return historyResponse(message, qpd, this.find(queriedPatient(qpd)) ?? null);
  }

  private rejectionFor(patient: PatientKey): AckError | undefined {
    const rule = this.rules.find(
      (r) =>
        (r.patientId !== undefined && r.patientId === patient.id) ||
        (r.familyName !== undefined && r.familyName.toUpperCase() === patient.familyName.toUpperCase()),
    );
    if (!rule) return undefined;
    return {
      code: rule.code,
      hl7ErrorCode: rule.hl7ErrorCode ?? (rule.code === 'AR' ? '207' : '102'),
      location: 'PID^1',
      message: rule.message,
    };
  }

  private find(key: PatientKey): PatientRecord | undefined {
    if (key.id && this.patients.has(key.id)) return this.patients.get(key.id);
    return this.patients.get(nameKey(key));
  }

  private store(record: PatientRecord): PatientRecord {
    if (record.patient.id) this.patients.set(record.patient.id, record);
    this.patients.set(nameKey(record.patient), record);
    return record;
  }

  private control(request: SimRequest): SimResponse | undefined {
    if (request.path !== '/__registry/rejections') return undefined;
    if (request.method === 'DELETE') {
      this.clearRejections();
      return { status: 204 };
    }
    if (request.method !== 'POST') return undefined;
    try {
      const rule = JSON.parse(request.body || '{}') as RejectionRule;
      if ((rule.code !== 'AE' && rule.code !== 'AR') || typeof rule.message !== 'string') {
        return json(400, { error: 'a rule needs code (AE or AR) and message' });
      }
      this.addRejection(rule);
      return json(201, rule);
    } catch {
      return json(400, { error: 'body must be JSON' });
    }
  }
}
