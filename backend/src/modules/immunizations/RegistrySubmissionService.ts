/**
 * Sends an organization's immunizations to the state registry and keeps each answer: the
 * `data-export` job's work (target `state-registry`), and the request a nurse makes for it.
 *
 * For each immunization in scope: claim it (registryClaims.ts: a PENDING row with its control
 * id, committed before anything is sent), build the VXU from the stored record and student,
 * send it, and settle the claim with the ACK (ACCEPTED / ERROR / REJECTED and the registry's
 * error text), audited in the same transaction. A record that cannot be sent as it stands
 * (a dose given here without its lot) is settled ERROR with the reason, without sending.
 * A registry that cannot be reached leaves the claim PENDING and fails the job, so its retry
 * sends the same message again; a registry refusing our credentials fails it for good.
 */
import type { Sequelize } from 'sequelize';
import {
  StateRegistryFault,
  type StateRegistryClient,
} from '../../integrations/clients/StateRegistryClient.js';
import { IntegrationRejected } from '../../integrations/clients/integrationErrors.js';
import { Hl7BuildError } from '../../integrations/hl7/errors.js';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { JobInput } from '../../infrastructure/jobs/jobTypes.js';
import type { RegistryExportSummary } from '../../infrastructure/jobs/processors/dataExportProcessor.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService } from '../students/index.js';
import type { ImmunizationInstance, ImmunizationModels } from './models.js';
import type { Claim, RegistryClaims, SubmissionOutcome } from './registryClaims.js';
import {
  capText,
  errorTextOf,
  notSendableReason,
  registryImmunization,
  registryPatient,
  statusOfAck,
} from './registryMessage.js';

export interface RegistrySubmitInput {
  studentId?: string;
  immunizationIds?: string[];
}

export interface RegistryExportRequest extends RegistrySubmitInput {
  organizationId: string;
  requestedBy?: string;
  /** The job doing the work (its retries share it). */
  jobId: string;
}

type Outcome = 'accepted' | 'errors' | 'rejected' | 'notSent' | 'skipped';

export interface RegistrySubmissionDependencies {
  sequelize: Sequelize;
  models: Pick<ImmunizationModels, 'Immunization'>;
  claims: RegistryClaims;
  /** Undefined when no registry is configured (STATE_REGISTRY_URL unset). */
  client: () => StateRegistryClient | undefined;
  /** Every organization's id (the organizations module answers). */
  allOrganizationIds: () => Promise<string[]>;
  students: () => StudentService;
  audit: () => AuditService;
  enqueue: (data: JobInput<'data-export'>) => Promise<string>;
}

export class RegistryNotConfigured extends AppError {
  constructor() {
    super(503, 'The state immunization registry is not configured');
    this.name = 'RegistryNotConfigured';
  }
}

const ENTITY = 'student';

export class RegistrySubmissionService {
  constructor(private readonly deps: RegistrySubmissionDependencies) {}

  requireClient(): StateRegistryClient {
    const client = this.deps.client();
    if (!client) throw new RegistryNotConfigured();
    return client;
  }

  /** Queues a data-export of the organization's (or one student's, or chosen) immunizations. */
  async request(actor: Actor, input: RegistrySubmitInput): Promise<{ jobId: string }> {
    this.requireClient();
    const { organizationId } = actor;
    const { studentId, immunizationIds } = input;
    if (studentId) await this.deps.students().assertExists(organizationId, studentId);
    if (immunizationIds) {
      const found = await this.deps.models.Immunization.count({
        where: { organizationId, id: immunizationIds, ...(studentId ? { studentId } : {}) },
      });
      if (found !== immunizationIds.length) throw AppError.notFound('Immunization');
    }
    const jobId = await this.deps.enqueue({
      organizationId,
      requestedBy: actor.userId,
      target: 'state-registry',
      ...(studentId ? { studentId } : {}),
      ...(immunizationIds ? { immunizationIds } : {}),
    });
    await this.deps
      .audit()
      .recordFor(
        actor,
        'immunization.registry.submit-requested',
        studentId ? { type: ENTITY, id: studentId } : { type: 'immunization-registry' },
        { jobId, immunizationCount: immunizationIds?.length ?? null },
      );
    return { jobId };
  }

  /** The job's work; `onProgress` hears after each immunization. Counts only in the summary. */
  async exportImmunizations(
    request: RegistryExportRequest,
    onProgress: (done: number, total: number) => Promise<void>,
  ): Promise<RegistryExportSummary> {
    const client = this.requireClient();
    const ids = await this.deps.claims.candidates(request);
    const counts: Record<Outcome, number> = { accepted: 0, errors: 0, rejected: 0, notSent: 0, skipped: 0 };
    // A nurse who names a student or records asks for them again, even if they failed unchanged.
    const explicit = Boolean(request.studentId || request.immunizationIds);
    for (const [index, immunizationId] of ids.entries()) {
      counts[await this.submitOne(client, request, immunizationId, explicit)] += 1;
      await onProgress(index + 1, ids.length);
    }
    return {
      target: 'state-registry',
      considered: ids.length,
      sent: counts.accepted + counts.errors + counts.rejected,
      ...counts,
    };
  }

  /** Every organization, for a scheduled export (one job each); none without a registry. */
  async organizationIds(): Promise<string[]> {
    if (!this.deps.client()) return [];
    return this.deps.allOrganizationIds();
  }

  /** Retrying cannot help: no registry configured, or it refuses our credentials or requests. */
  isPermanent(error: unknown): boolean {
    if (error instanceof RegistryNotConfigured || error instanceof IntegrationRejected) return true;
    return error instanceof StateRegistryFault && error.isSecurityFault;
  }

  private async submitOne(
    client: StateRegistryClient,
    request: RegistryExportRequest,
    immunizationId: string,
    explicit: boolean,
  ): Promise<Outcome> {
    const { organizationId } = request;
    const claim = await this.deps.claims.claim(organizationId, immunizationId, {
      jobId: request.jobId,
      requestedBy: request.requestedBy,
      explicit,
    });
    if (!claim) return 'skipped';
    const immunization = await this.deps.models.Immunization.findOne({
      where: { id: immunizationId, organizationId },
    });
    // Deleted since it was selected: its claim went with it.
    if (!immunization) return 'skipped';

    const notSendable = notSendableReason(immunization);
    if (notSendable) {
      await this.settle(request, immunization, claim, {
        status: 'ERROR',
        ackCode: null,
        errorText: notSendable,
      });
      return 'notSent';
    }
    const student = await this.deps.students().assertExists(organizationId, immunization.studentId);
    let outcome: SubmissionOutcome;
    try {
      const { ack } = await client.submitImmunizationRecord({
        controlId: claim.controlId,
        patient: registryPatient(student),
        immunization: registryImmunization(immunization),
        sendingOrganizationId: organizationId,
      });
      const status = statusOfAck(ack.code);
      outcome = { status, ackCode: ack.code, errorText: status === 'ACCEPTED' ? null : errorTextOf(ack) };
    } catch (error) {
      const refusal = refusalOf(error);
      // Unreachable, overloaded or misconfigured: the claim stays PENDING for a re-send.
      if (refusal === null) throw error;
      await this.settle(request, immunization, claim, refusal);
      return 'notSent';
    }
    await this.settle(request, immunization, claim, outcome);
    if (outcome.status === 'ACCEPTED') return 'accepted';
    return outcome.status === 'ERROR' ? 'errors' : 'rejected';
  }

  private async settle(
    request: RegistryExportRequest,
    immunization: ImmunizationInstance,
    claim: Claim,
    outcome: SubmissionOutcome,
  ): Promise<void> {
    const { organizationId } = request;
    await this.deps.sequelize.transaction(async (transaction) => {
      const settled = await this.deps.claims.settle(organizationId, claim.submissionId, outcome, transaction);
      if (!settled) return;
      // Sending a record out is a disclosure of the student's health data.
      await this.deps.audit().record(
        {
          organizationId,
          userId: request.requestedBy ?? null,
          action: 'immunization.registry.submit',
          entityType: ENTITY,
          entityId: immunization.studentId,
          details: {
            immunizationId: immunization.id,
            controlId: claim.controlId,
            attempts: claim.attempts,
            status: outcome.status,
            ackCode: outcome.ackCode,
          },
        },
        transaction,
      );
    });
    await this.deps.students().invalidate(organizationId, immunization.studentId);
  }
}

/**
 * A failure of this one record, stored for the nurse: it cannot be written as HL7, or the
 * registry refused the message itself (too large, malformed). Null for anything else.
 */
function refusalOf(error: unknown): SubmissionOutcome | null {
  if (error instanceof Hl7BuildError) {
    return { status: 'ERROR', ackCode: null, errorText: capText(`Not sent: ${error.message}.`) };
  }
  if (error instanceof StateRegistryFault && error.faultCode === 'Sender' && !error.isSecurityFault) {
    const reason = error.reason ? `: ${error.reason}` : '';
    return {
      status: 'ERROR',
      ackCode: null,
      errorText: capText(`The registry refused the message (${error.faultType})${reason}`),
    };
  }
  return null;
}
