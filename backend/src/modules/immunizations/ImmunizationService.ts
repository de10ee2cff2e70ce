/**
 * A student's immunization records, exemptions and compliance status. Every method takes the
 * actor, checks the student belongs to the actor's organization (404 otherwise), audits the
 * read or write (writes inside their transaction) and, once a write has committed, drops the
 * student's cached profile and the organization's cached compliance summaries.
 */
import type { Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService, StudentView } from '../students/index.js';
import type { ComplianceCache } from './complianceCache.js';
import { evaluateCompliance, type ComplianceResult } from './engine/evaluateCompliance.js';
import type { ExemptionType, ImmunizationModels, ImmunizationSource } from './models.js';
import { latestRegistryStatuses } from './registryStatus.js';
import type { RuleSetService, RuleSetSource } from './RuleSetService.js';
import { todayUtc } from './schemas.js';
import { normalizeCvx, type SeriesName } from './vaccineCodes.js';
import {
  exemptionView,
  immunizationView,
  mayReadDetail,
  minimalExemption,
  minimalImmunization,
  type ExemptionView,
  type ImmunizationView,
} from './views.js';

export interface RecordImmunizationInput {
  cvxCode: string;
  administeredOn: string;
  doseNumber?: number | null;
  lotNumber?: string | null;
  mvxCode?: string | null;
  source: ImmunizationSource;
  notes?: string | null;
  doseMl?: number | null;
  route?: string | null;
  site?: string | null;
  vfcEligibility?: string | null;
}

export interface RecordExemptionInput {
  series: SeriesName;
  type: ExemptionType;
  expiresOn?: string | null;
  notes?: string | null;
}

export type StudentComplianceStatus = ComplianceResult & {
  asOf: string;
  ruleSet: { name: string; source: RuleSetSource };
};

/** The profile's `immunizations` section. */
export interface ImmunizationSection {
  records: ImmunizationView[];
  exemptions: ExemptionView[];
  compliance: StudentComplianceStatus;
}

// Audited against the student, so the audit log's student filter finds these entries.
const ENTITY = 'student';

export class ImmunizationService {
  constructor(
    private readonly models: ImmunizationModels,
    private readonly sequelize: Sequelize,
    private readonly students: () => StudentService,
    private readonly audit: () => AuditService,
    private readonly ruleSets: RuleSetService,
    private readonly compliance: ComplianceCache,
  ) {}

  async listImmunizations(actor: Actor, studentId: string): Promise<ImmunizationView[]> {
    await this.students().assertExists(actor.organizationId, studentId);
    const records = await this.loadImmunizations(actor.organizationId, studentId);
    await this.audit().recordFor(
      actor,
      'immunization.list',
      { type: ENTITY, id: studentId },
      { resultCount: records.length },
    );
    return mayReadDetail(actor) ? records : records.map(minimalImmunization);
  }

  async recordImmunization(
    actor: Actor,
    studentId: string,
    input: RecordImmunizationInput,
  ): Promise<ImmunizationView> {
    const created = await this.sequelize.transaction(async (transaction) => {
      const student = await this.students().assertExists(actor.organizationId, studentId, transaction);
      if (input.administeredOn < student.dateOfBirth) {
        throw new AppError(422, 'administeredOn cannot be before the date of birth');
      }
      const row = await this.models.Immunization.create(
        {
          ...input,
          cvxCode: normalizeCvx(input.cvxCode),
          organizationId: actor.organizationId,
          studentId,
          recordedBy: actor.userId,
        },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'immunization.create',
        { type: ENTITY, id: studentId },
        { immunizationId: row.id },
        transaction,
      );
      return immunizationView(row);
    });
    await this.afterWrite(actor.organizationId, studentId);
    return created;
  }

  async listExemptions(actor: Actor, studentId: string): Promise<ExemptionView[]> {
    await this.students().assertExists(actor.organizationId, studentId);
    const exemptions = await this.loadExemptions(actor.organizationId, studentId);
    await this.audit().recordFor(
      actor,
      'immunization-exemption.list',
      { type: ENTITY, id: studentId },
      { resultCount: exemptions.length },
    );
    return mayReadDetail(actor) ? exemptions : exemptions.map(minimalExemption);
  }

  async recordExemption(
    actor: Actor,
    studentId: string,
    input: RecordExemptionInput,
  ): Promise<ExemptionView> {
    const created = await this.sequelize.transaction(async (transaction) => {
      await this.students().assertExists(actor.organizationId, studentId, transaction);
      if (input.expiresOn && input.expiresOn < todayUtc()) {
        throw new AppError(422, 'An exemption cannot be recorded already expired (expiresOn is past)');
      }
      const row = await this.models.Exemption.create(
        { ...input, organizationId: actor.organizationId, studentId, recordedBy: actor.userId },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'immunization-exemption.create',
        { type: ENTITY, id: studentId },
        { exemptionId: row.id },
        transaction,
      );
      return exemptionView(row);
    });
    await this.afterWrite(actor.organizationId, studentId);
    return created;
  }

  /** The student's compliance on `asOf` (default today) under the organization's rules. */
  async status(actor: Actor, studentId: string, asOf = todayUtc()): Promise<StudentComplianceStatus> {
    const student = await this.students().assertExists(actor.organizationId, studentId);
    const result = await this.evaluate(student, asOf);
    await this.audit().recordFor(actor, 'immunization.status.read', { type: ENTITY, id: studentId });
    return result;
  }

  /** The profile section: loaded without an actor (the profile read itself is audited). */
  async section(organizationId: string, studentId: string): Promise<ImmunizationSection> {
    const student = await this.students().assertExists(organizationId, studentId);
    const [records, exemptions] = await Promise.all([
      this.loadImmunizations(organizationId, studentId),
      this.loadExemptions(organizationId, studentId),
    ]);
    const compliance = await this.evaluate(student, todayUtc(), { records, exemptions });
    return { records, exemptions, compliance };
  }

  private async afterWrite(organizationId: string, studentId: string): Promise<void> {
    await Promise.all([
      this.students().invalidate(organizationId, studentId),
      this.compliance.invalidate(organizationId),
    ]);
  }

  private async evaluate(
    student: StudentView,
    asOf: string,
    loaded?: { records: ImmunizationView[]; exemptions: ExemptionView[] },
  ): Promise<StudentComplianceStatus> {
    const [active, records, exemptions] = await Promise.all([
      this.ruleSets.activeFor(student.organizationId),
      loaded?.records ?? this.loadImmunizations(student.organizationId, student.id),
      loaded?.exemptions ?? this.loadExemptions(student.organizationId, student.id),
    ]);
    const result = evaluateCompliance(
      {
        dateOfBirth: student.dateOfBirth,
        grade: student.grade,
        immunizations: records,
        exemptions: exemptions.map((e) => ({ series: e.series, expiresOn: e.expiresOn })),
        asOf,
      },
      active.ruleSet,
    );
    return { ...result, asOf, ruleSet: { name: active.ruleSet.name, source: active.source } };
  }

  private async loadImmunizations(organizationId: string, studentId: string): Promise<ImmunizationView[]> {
    const rows = await this.models.Immunization.findAll({
      where: { organizationId, studentId },
      order: [
        ['administeredOn', 'ASC'],
        ['cvxCode', 'ASC'],
      ],
    });
    const registry = await latestRegistryStatuses(
      this.sequelize,
      organizationId,
      rows.map((r) => r.id),
    );
    return rows.map((row) => immunizationView(row, registry.get(row.id)));
  }

  private async loadExemptions(organizationId: string, studentId: string): Promise<ExemptionView[]> {
    const rows = await this.models.Exemption.findAll({
      where: { organizationId, studentId },
      order: [
        ['series', 'ASC'],
        ['createdAt', 'ASC'],
      ],
    });
    return rows.map(exemptionView);
  }
}
