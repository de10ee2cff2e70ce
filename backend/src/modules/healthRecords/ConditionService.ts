/**
 * A student's health conditions. Never deleted: a condition that no longer applies is
 * RESOLVED. A flagged condition that is not resolved shows as an alert on every list row.
 */
import { Op } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { readForStudent, updateForStudent, writeForStudent, type HealthRecordContext } from './context.js';
import { CONDITION_STATUSES, type ConditionStatus } from './enums.js';
import { conditionView, forActor, type ConditionView } from './views.js';

export interface CreateConditionInput {
  condition: string;
  icd10Code?: string | null;
  status: ConditionStatus;
  actionPlan?: string | null;
  accommodations?: string | null;
  triggers?: string[];
  /** Shown as an alert. Explicit: nothing is flagged by guessing from the name. */
  flagged?: boolean;
  notes?: string | null;
}
export type UpdateConditionInput = Partial<CreateConditionInput>;

const ENTITY = 'condition';

/** ACTIVE, then MANAGED, then RESOLVED; alphabetical within each. */
function byStatus(a: ConditionView, b: ConditionView): number {
  const rank = CONDITION_STATUSES.indexOf(a.status) - CONDITION_STATUSES.indexOf(b.status);
  return rank !== 0 ? rank : a.condition.localeCompare(b.condition);
}

export class ConditionService {
  constructor(private readonly ctx: HealthRecordContext) {}

  private get Condition() {
    return this.ctx.models.Condition;
  }

  async list(actor: Actor, studentId: string) {
    const records = await readForStudent(this.ctx, actor, studentId, ENTITY, async () => {
      const rows = await this.Condition.findAll({
        where: { organizationId: actor.organizationId, studentId },
      });
      return rows.map(conditionView).sort(byStatus);
    });
    return forActor(actor, records);
  }

  /** The profile section: what still applies (resolved conditions are in the list route). */
  async currentFor(organizationId: string, studentId: string): Promise<ConditionView[]> {
    const rows = await this.Condition.findAll({
      where: { organizationId, studentId, status: { [Op.ne]: 'RESOLVED' } },
    });
    return rows.map(conditionView).sort(byStatus);
  }

  create(actor: Actor, studentId: string, input: CreateConditionInput): Promise<ConditionView> {
    return writeForStudent(this.ctx, actor, studentId, async (transaction) => {
      const row = await this.Condition.create(
        { ...input, organizationId: actor.organizationId, studentId },
        { transaction },
      );
      await this.ctx
        .audit()
        .recordFor(actor, `${ENTITY}.create`, { type: ENTITY, id: row.id }, { studentId }, transaction);
      return conditionView(row);
    });
  }

  update(
    actor: Actor,
    studentId: string,
    conditionId: string,
    input: UpdateConditionInput,
  ): Promise<ConditionView> {
    return updateForStudent(this.ctx, actor, studentId, {
      model: this.Condition,
      entity: ENTITY,
      label: 'Condition',
      id: conditionId,
      input,
      view: conditionView,
    });
  }
}
