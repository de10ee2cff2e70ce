/**
 * The organization's formulary: the medications prescriptions point at. One entry per name,
 * form and strength, so an inline medication on a prescription finds the existing entry.
 */
import {
  col,
  fn,
  Op,
  where as sqlWhere,
  type Sequelize,
  type Transaction,
  type WhereOptions,
} from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuditService } from '../audit/index.js';
import type { ControlledSchedule, MedicationForm } from './constants.js';
import type { MedicationInstance, MedicationModels } from './models.js';
import { toMedicationView, type MedicationView } from './views.js';

export interface MedicationInput {
  name: string;
  form: MedicationForm;
  strength: string;
  ndc?: string | null;
  controlledSchedule?: ControlledSchedule | null;
}

export interface MedicationQuery {
  search?: string;
  form?: MedicationForm;
  page: number;
  pageSize: number;
}

const ENTITY = 'medication';

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class FormularyService {
  constructor(
    private readonly models: MedicationModels,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
  ) {}

  async list(
    actor: Actor,
    query: MedicationQuery,
  ): Promise<{ data: MedicationView[]; page: number; pageSize: number; total: number }> {
    const where: WhereOptions[] = [{ organizationId: actor.organizationId }];
    if (query.form) where.push({ form: query.form });
    if (query.search) {
      const like = `%${escapeLike(query.search)}%`;
      where.push({ [Op.or]: [{ name: { [Op.iLike]: like } }, { ndc: { [Op.iLike]: like } }] });
    }
    const { rows, count } = await this.models.Medication.findAndCountAll({
      where: { [Op.and]: where },
      order: [
        ['name', 'ASC'],
        ['strength', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    await this.audit().recordFor(actor, 'medication.list', { type: ENTITY }, { resultCount: rows.length });
    return { data: rows.map(toMedicationView), page: query.page, pageSize: query.pageSize, total: count };
  }

  async create(actor: Actor, input: MedicationInput): Promise<MedicationView> {
    return this.sequelize.transaction(async (transaction) => {
      const medication = await this.models.Medication.create(
        { ...input, organizationId: actor.organizationId },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'medication.create',
        { type: ENTITY, id: medication.id },
        undefined,
        transaction,
      );
      return toMedicationView(medication);
    });
  }

  /** 404 unless the medication is in this organization's formulary. */
  async get(organizationId: string, id: string, transaction: Transaction): Promise<MedicationView> {
    const medication = await this.models.Medication.findOne({ where: { id, organizationId }, transaction });
    if (!medication) throw AppError.notFound('Medication');
    return toMedicationView(medication);
  }

  /**
   * The formulary entry for an inline medication, created if new. An existing entry that
   * disagrees on NDC or controlled schedule is refused: silently using either would hide a
   * controlled drug or the wrong product.
   */
  async findOrCreate(
    actor: Actor,
    input: MedicationInput,
    transaction: Transaction,
  ): Promise<MedicationView> {
    const existing = await this.findByIdentity(actor.organizationId, input, transaction);
    if (existing) {
      const sameNdc = (input.ndc ?? null) === null || input.ndc === existing.ndc;
      if (!sameNdc || (input.controlledSchedule ?? null) !== existing.controlledSchedule) {
        throw AppError.conflict(
          'A formulary medication with this name, form and strength exists with a different NDC or controlled schedule; use its medicationId',
        );
      }
      return toMedicationView(existing);
    }
    const medication = await this.models.Medication.create(
      { ...input, organizationId: actor.organizationId },
      { transaction },
    );
    await this.audit().recordFor(
      actor,
      'medication.create',
      { type: ENTITY, id: medication.id },
      undefined,
      transaction,
    );
    return toMedicationView(medication);
  }

  private findByIdentity(
    organizationId: string,
    input: MedicationInput,
    transaction: Transaction,
  ): Promise<MedicationInstance | null> {
    return this.models.Medication.findOne({
      where: {
        [Op.and]: [
          { organizationId, form: input.form },
          sqlWhere(fn('lower', col('name')), input.name.toLowerCase()),
          sqlWhere(fn('lower', col('strength')), input.strength.toLowerCase()),
        ],
      },
      transaction,
    });
  }
}
