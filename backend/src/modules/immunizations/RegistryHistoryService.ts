/**
 * A student's history as the state registry holds it (QBP^Q11 / RSP^K11), offered to the
 * nurse for import: each dose marked when it is already on file (same vaccine, same day) or
 * cannot be imported (a vaccine code the platform does not know). Imported doses become
 * HISTORICAL records, marked as coming from the registry, so they are never sent back to it.
 * Both the query (a disclosure and a read) and the import are audited.
 */
import type { Sequelize, Transaction } from 'sequelize';
import type { StateRegistryClient } from '../../integrations/clients/StateRegistryClient.js';
import type { QueryStatus } from '../../integrations/hl7/qbp.js';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService } from '../students/index.js';
import type { ComplianceCache } from './complianceCache.js';
import type { ImmunizationModels } from './models.js';
import { PATIENT_ID_AUTHORITY, sexOf } from './registryMessage.js';
import { todayUtc } from './schemas.js';
import { normalizeCvx, vaccineFor } from './vaccineCodes.js';
import { immunizationView, type ImmunizationView } from './views.js';

export interface RegistryHistoryRecord {
  cvxCode: string;
  vaccineName: string;
  administeredOn: string;
  lotNumber: string | null;
  mvxCode: string | null;
  /** false when the registry's source gave the dose itself. */
  historical: boolean;
  /** A record of the same vaccine on the same day is already on file. */
  onFile: boolean;
  /** Can be imported: a known vaccine, not on file, dated between birth and today. */
  importable: boolean;
}

export interface RegistryHistory {
  /** QAK-2: OK found, NF not found, TM too many matches, PD protected, AE/AR the query failed. */
  status: QueryStatus;
  records: RegistryHistoryRecord[];
  /** Doses the registry sent that could not be read (no CVX code or no date). */
  unreadable: number;
}

export interface ImportRecordInput {
  cvxCode: string;
  administeredOn: string;
  lotNumber?: string | null;
  mvxCode?: string | null;
}

export interface ImportResult {
  imported: ImmunizationView[];
  /** Records skipped because the same vaccine on the same day was already on file. */
  alreadyOnFile: number;
}

export interface RegistryHistoryDependencies {
  sequelize: Sequelize;
  models: Pick<ImmunizationModels, 'Immunization'>;
  client: () => StateRegistryClient;
  students: () => StudentService;
  audit: () => AuditService;
  compliance: ComplianceCache;
}

const ENTITY = 'student';
const IMPORT_NOTE = 'Imported from the state immunization registry';
const MVX = /^[A-Z]{2,3}$/;
const LOT = /^.{1,50}$/;

const doseKey = (cvxCode: string, administeredOn: string) => `${normalizeCvx(cvxCode)}|${administeredOn}`;

export class RegistryHistoryService {
  constructor(private readonly deps: RegistryHistoryDependencies) {}

  async history(actor: Actor, studentId: string): Promise<RegistryHistory> {
    const { organizationId } = actor;
    const student = await this.deps.students().assertExists(organizationId, studentId);
    const answer = await this.deps.client().queryHistory(
      {
        id: student.id,
        assigningAuthority: PATIENT_ID_AUTHORITY,
        name: { family: student.lastName, given: student.firstName },
        dob: student.dateOfBirth,
        sex: sexOf(student.gender),
      },
      { sendingOrganizationId: organizationId },
    );
    await this.deps
      .audit()
      .recordFor(
        actor,
        'immunization.registry.history',
        { type: ENTITY, id: studentId },
        { status: answer.status, resultCount: answer.immunizations.length },
      );
    if (answer.status === 'AE' || answer.status === 'AR') {
      const reason = answer.errors.map((e) => e.text).find(Boolean) ?? 'no reason given';
      throw new AppError(502, `The state registry could not answer the query: ${reason.slice(0, 300)}`);
    }

    const onFile = await this.doseKeys(organizationId, studentId);
    const today = todayUtc();
    const records = answer.immunizations.map((dose): RegistryHistoryRecord => {
      const cvxCode = normalizeCvx(dose.cvx);
      const known = vaccineFor(cvxCode);
      const already = onFile.has(doseKey(cvxCode, dose.administeredOn));
      const datedWell = dose.administeredOn >= student.dateOfBirth && dose.administeredOn <= today;
      return {
        cvxCode,
        vaccineName: known?.name ?? (dose.vaccineName || `CVX ${cvxCode}`),
        administeredOn: dose.administeredOn,
        lotNumber: dose.lotNumber && LOT.test(dose.lotNumber) ? dose.lotNumber : null,
        mvxCode: dose.manufacturer && MVX.test(dose.manufacturer) ? dose.manufacturer : null,
        historical: dose.historical,
        onFile: already,
        importable: known !== undefined && !already && datedWell,
      };
    });
    records.sort(
      (a, b) => a.administeredOn.localeCompare(b.administeredOn) || a.cvxCode.localeCompare(b.cvxCode),
    );
    return { status: answer.status, records, unreadable: answer.unreadable };
  }

  /** Imports the chosen registry records as HISTORICAL immunizations, in one transaction. */
  async importRecords(actor: Actor, studentId: string, records: ImportRecordInput[]): Promise<ImportResult> {
    const { organizationId } = actor;
    const result = await this.deps.sequelize.transaction(async (transaction) => {
      const student = await this.deps.students().assertExists(organizationId, studentId, transaction);
      const onFile = await this.doseKeys(organizationId, studentId, transaction);
      const imported: ImmunizationView[] = [];
      let alreadyOnFile = 0;
      for (const record of records) {
        const cvxCode = normalizeCvx(record.cvxCode);
        const key = doseKey(cvxCode, record.administeredOn);
        if (onFile.has(key)) {
          alreadyOnFile += 1;
          continue;
        }
        if (record.administeredOn < student.dateOfBirth) {
          throw new AppError(422, 'administeredOn cannot be before the date of birth');
        }
        const row = await this.deps.models.Immunization.create(
          {
            organizationId,
            studentId,
            cvxCode,
            administeredOn: record.administeredOn,
            lotNumber: record.lotNumber || null,
            mvxCode: record.mvxCode || null,
            source: 'HISTORICAL',
            notes: IMPORT_NOTE,
            recordedBy: actor.userId,
            importedFromRegistryAt: new Date(),
          },
          { transaction },
        );
        onFile.add(key);
        imported.push(immunizationView(row));
      }
      await this.deps
        .audit()
        .recordFor(
          actor,
          'immunization.registry.import',
          { type: ENTITY, id: studentId },
          { immunizationIds: imported.map((i) => i.id), alreadyOnFile },
          transaction,
        );
      return { imported, alreadyOnFile };
    });
    await Promise.all([
      this.deps.students().invalidate(organizationId, studentId),
      this.deps.compliance.invalidate(organizationId),
    ]);
    return result;
  }

  private async doseKeys(
    organizationId: string,
    studentId: string,
    transaction?: Transaction,
  ): Promise<Set<string>> {
    const rows = await this.deps.models.Immunization.findAll({
      where: { organizationId, studentId },
      attributes: ['cvxCode', 'administeredOn'],
      transaction,
    });
    return new Set(rows.map((r) => doseKey(r.cvxCode, r.administeredOn)));
  }
}
