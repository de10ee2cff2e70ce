/**
 * Medicaid eligibility of one student: ask the payer now (a 270 answered by a 271), keep the
 * answer with its date, and show the latest answer and the history. Every query names the
 * actor's organization (another organization's student is a 404 before anything is sent);
 * every read, check and change is audited. No transaction is held open while the payer is
 * asked: the answer is stored, with its audit entry, in one short transaction afterwards.
 */
import type { Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { EligibilityCheck, EligibilityRequest } from '../../integrations/clients/MedicaidClient.js';
import { IntegrationError } from '../../integrations/clients/integrationErrors.js';
import { X12BuildError } from '../../integrations/x12/errors.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService, StudentView } from '../students/index.js';
import { checkResultOf } from './checkResult.js';
import type { MedicaidIdStore } from './MedicaidIdStore.js';
import type { EligibilityCheckAttributes, EligibilityCheckModel } from './models.js';

/** The one call this service makes to the payer (MedicaidClient). */
export interface EligibilityChecker {
  checkEligibility(request: EligibilityRequest): Promise<EligibilityCheck>;
}

export type EligibilityCheckView = Omit<EligibilityCheckAttributes, 'organizationId'>;

export interface EligibilityHistory {
  medicaidId: string | null;
  latest: EligibilityCheckView | null;
  /** Newest first, at most HISTORY_LIMIT. */
  history: EligibilityCheckView[];
}

export interface EligibilityServiceDeps {
  checks: EligibilityCheckModel;
  sequelize: Sequelize;
  medicaidIds: MedicaidIdStore;
  students: () => StudentService;
  audit: () => AuditService;
  /** Undefined when no Medicaid endpoint is configured. */
  checker: EligibilityChecker | undefined;
}

export const HISTORY_LIMIT = 20;
// Audited against the student, so the audit log's student filter finds these entries.
const ENTITY = 'student';

function view(row: EligibilityCheckAttributes): EligibilityCheckView {
  return {
    id: row.id,
    studentId: row.studentId,
    checkedAt: row.checkedAt,
    coverage: row.coverage,
    planName: row.planName,
    benefitCodes: row.benefitCodes,
    coverageStart: row.coverageStart,
    coverageEnd: row.coverageEnd,
    rejection: row.rejection,
    traceNumber: row.traceNumber,
    checkedBy: row.checkedBy,
  };
}

/** X12 DMG03 knows F, M and U; anything else is left out rather than guessed. */
function x12Gender(gender: string | null): EligibilityRequest['gender'] {
  const first = gender?.trim().charAt(0).toUpperCase();
  return first === 'F' || first === 'M' ? first : undefined;
}

export class EligibilityService {
  constructor(private readonly deps: EligibilityServiceDeps) {}

  async check(actor: Actor, studentId: string): Promise<EligibilityCheckView> {
    const student = await this.deps.students().assertExists(actor.organizationId, studentId);
    const checker = this.deps.checker;
    if (!checker) throw new AppError(503, 'Medicaid eligibility checks are not configured on this server');
    const medicaidId = (await this.deps.medicaidIds.get(actor.organizationId, studentId)) ?? null;
    const answer = await this.ask(actor, studentId, checker, this.inquiryFor(student, medicaidId));
    const result = checkResultOf(answer.response);
    return this.deps.sequelize.transaction(async (transaction) => {
      const row = await this.deps.checks.create(
        {
          ...result,
          organizationId: actor.organizationId,
          studentId,
          traceNumber: answer.traceNumber,
          checkedBy: actor.userId,
        },
        { transaction },
      );
      // Identifiers only: the coverage itself is the student's data.
      await this.deps
        .audit()
        .recordFor(
          actor,
          'medicaid-eligibility.check',
          { type: ENTITY, id: studentId },
          { checkId: row.id },
          transaction,
        );
      return view(row);
    });
  }

  async history(actor: Actor, studentId: string): Promise<EligibilityHistory> {
    await this.deps.students().assertExists(actor.organizationId, studentId);
    const [medicaidId, rows] = await Promise.all([
      this.deps.medicaidIds.get(actor.organizationId, studentId),
      this.deps.checks.findAll({
        where: { organizationId: actor.organizationId, studentId },
        order: [
          ['checkedAt', 'DESC'],
          ['id', 'DESC'],
        ],
        limit: HISTORY_LIMIT,
      }),
    ]);
    await this.deps
      .audit()
      .recordFor(
        actor,
        'medicaid-eligibility.read',
        { type: ENTITY, id: studentId },
        { resultCount: rows.length },
      );
    const history = rows.map(view);
    return { medicaidId: medicaidId ?? null, latest: history[0] ?? null, history };
  }

  async setMedicaidId(
    actor: Actor,
    studentId: string,
    medicaidId: string | null,
  ): Promise<{ medicaidId: string | null }> {
    await this.deps.sequelize.transaction(async (transaction) => {
      const found = await this.deps.medicaidIds.set(actor.organizationId, studentId, medicaidId, transaction);
      if (!found) throw AppError.notFound('Student');
      await this.deps
        .audit()
        .recordFor(
          actor,
          'medicaid-id.update',
          { type: ENTITY, id: studentId },
          { recorded: medicaidId !== null },
          transaction,
        );
    });
    return { medicaidId };
  }

  private inquiryFor(student: StudentView, medicaidId: string | null): EligibilityRequest {
    const hasNameAndBirthDate = Boolean(
      student.lastName.trim() && student.firstName.trim() && student.dateOfBirth,
    );
    if (!medicaidId && !hasNameAndBirthDate) {
      throw AppError.badRequest(
        "A Medicaid eligibility check needs the student's Medicaid id, or their name and date of birth",
      );
    }
    return {
      memberId: medicaidId,
      lastName: student.lastName,
      firstName: student.firstName,
      dob: student.dateOfBirth,
      gender: x12Gender(student.gender),
    };
  }

  /** The payer's answer; a failure to reach it is audited too, since the inquiry may have left. */
  private async ask(
    actor: Actor,
    studentId: string,
    checker: EligibilityChecker,
    request: EligibilityRequest,
  ): Promise<EligibilityCheck> {
    try {
      return await checker.checkEligibility(request);
    } catch (error) {
      if (error instanceof X12BuildError) {
        // The message names the X12 element, never its value.
        throw AppError.badRequest(`This student cannot be sent in a Medicaid inquiry: ${error.message}`);
      }
      if (error instanceof IntegrationError) {
        await this.deps
          .audit()
          .recordFor(
            actor,
            'medicaid-eligibility.check-failed',
            { type: ENTITY, id: studentId },
            { error: error.name },
          )
          .catch(() => undefined);
      }
      throw error;
    }
  }
}
