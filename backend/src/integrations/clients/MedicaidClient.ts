/**
 * Medicaid eligibility over X12 (005010X279A1): `checkEligibility` builds a 270 for one child,
 * POSTs it as text to the payer's real-time endpoint and reads the 271 it answers.
 *
 * A 270 is an inquiry: asking twice changes nothing at the payer, so it carries an idempotency
 * key (its trace number) and BaseApiClient may retry it like a GET. An answer that is not a
 * readable 271, or one about another inquiry (a different TRN echoed), is the payer failing,
 * not a refusal: IntegrationUnavailable ('bad-response'), which the error mapper answers 503.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { MedicaidX12Settings } from '../../config/env.js';
import { build270, isValidNpi, type Subscriber270 } from '../x12/eligibility270.js';
import { parse271, type Eligibility271 } from '../x12/eligibility271.js';
import { X12ParseError } from '../x12/errors.js';
import { BaseApiClient, type BaseApiClientOptions } from './BaseApiClient.js';
import { IntegrationUnavailable } from './integrationErrors.js';

export interface MedicaidClientOptions extends BaseApiClientOptions {
  /** Sent as X-API-Key when set. */
  apiKey?: string;
  x12: MedicaidX12Settings;
}

/** Who to ask about: the member id, or name and date of birth (both when known). */
export interface EligibilityRequest {
  memberId?: string | null;
  lastName: string;
  firstName: string;
  /** YYYY-MM-DD */
  dob: string;
  gender?: Subscriber270['gender'];
  /** YYYY-MM-DD; today (UTC) when omitted. */
  dateOfService?: string;
}

export interface EligibilityCheck {
  /** Our TRN02, which the payer echoes: the key to find this inquiry in the payer's records. */
  traceNumber: string;
  response: Eligibility271;
}

/** ISA13 tops out at nine digits. */
const MAX_CONTROL_NUMBER = 999_999_999;

export class MedicaidClient extends BaseApiClient {
  private readonly apiKey: string | undefined;
  private readonly x12: MedicaidX12Settings;

  constructor(options: MedicaidClientOptions) {
    // Fails at start-up rather than as a 400 on every check: no payer would accept a wrong NPI.
    // Before super(), which opens the rate limiter's Redis connections.
    if (!isValidNpi(options.x12.providerNpi)) throw new Error('MEDICAID_PROVIDER_NPI is not a valid NPI');
    const { apiKey, x12, ...base } = options;
    super(base);
    this.apiKey = apiKey;
    this.x12 = x12;
  }

  async checkEligibility(request: EligibilityRequest): Promise<EligibilityCheck> {
    const traceNumber = randomUUID().replace(/-/g, '');
    // Throws X12BuildError (the caller's input) before anything is sent.
    const inquiry = this.build(request, traceNumber);
    const answer = await this.post<unknown>('', inquiry, {
      headers: {
        'content-type': 'application/edi-x12',
        ...(this.apiKey ? { 'x-api-key': this.apiKey } : {}),
      },
      responseType: 'text',
      idempotencyKey: traceNumber,
      // The log line names the route; the body (member id, name, birth date) is never logged.
      logAs: 'POST eligibility (270)',
    });
    const response = this.read(answer);
    if (response.traceNumber !== null && response.traceNumber !== traceNumber) {
      throw new IntegrationUnavailable(this.name, 'bad-response');
    }
    return { traceNumber, response };
  }

  private build(request: EligibilityRequest, traceNumber: string): string {
    const createdAt = new Date();
    const { x12 } = this;
    return build270({
      envelope: {
        senderId: x12.submitterId,
        receiverId: x12.receiverId,
        // Unique enough without shared state between replicas: a real-time 270 is matched by
        // its TRN in the same exchange, and the chance of two equal ISA13s is one in a billion.
        controlNumber: randomInt(1, MAX_CONTROL_NUMBER + 1),
        createdAt,
        usage: x12.usage,
      },
      traceNumber,
      traceOriginatorId: x12.traceOriginatorId,
      payer: { id: x12.payerId, name: x12.payerName },
      provider: { npi: x12.providerNpi, organizationName: x12.providerName },
      subscriber: {
        memberId: request.memberId ?? undefined,
        lastName: request.lastName,
        firstName: request.firstName,
        dob: request.dob,
        gender: request.gender,
      },
      dateOfService: request.dateOfService ?? createdAt.toISOString().slice(0, 10),
    });
  }

  private read(answer: unknown): Eligibility271 {
    if (typeof answer !== 'string') throw new IntegrationUnavailable(this.name, 'bad-response');
    try {
      return parse271(answer);
    } catch (error) {
      if (error instanceof X12ParseError) throw new IntegrationUnavailable(this.name, 'bad-response');
      throw error;
    }
  }
}
