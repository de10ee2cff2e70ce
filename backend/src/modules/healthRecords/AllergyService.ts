/**
 * A student's allergies. Never deleted: an allergy that no longer applies is made inactive,
 * so the history stays. One active record per allergen and student (409 otherwise).
 */
import type { Transaction } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { readForStudent, updateForStudent, writeForStudent, type HealthRecordContext } from './context.js';
import { ALLERGY_SEVERITIES, type AllergySeverity, type AllergyType } from './enums.js';
import type { AllergyAttributes } from './models.js';
import { conflictOnDuplicate, ruleRefusal } from './rules.js';
import { allergyView, forActor, type AllergyView } from './views.js';

export interface CreateAllergyInput {
  allergen: string;
  allergyType: AllergyType;
  severity: AllergySeverity;
  reactions: string[];
  emergencyProtocol?: string | null;
  epiPenRequired?: boolean;
  epiPenLocation?: string | null;
  /** YYYY-MM-DD */
  epiPenExpiresOn?: string | null;
  notes?: string | null;
}
export type UpdateAllergyInput = Partial<CreateAllergyInput & { isActive: boolean }>;

const ENTITY = 'allergy';
const DUPLICATE = 'This student already has an active allergy record for this allergen';

/** Most dangerous first, so a glance at the top of the list is enough. */
function bySeverity(a: AllergyView, b: AllergyView): number {
  if (a.isActive !== b.isActive) return a.isActive ? -1 : 1;
  const rank = ALLERGY_SEVERITIES.indexOf(b.severity) - ALLERGY_SEVERITIES.indexOf(a.severity);
  return rank !== 0 ? rank : a.allergen.localeCompare(b.allergen);
}

function assertEpiPenDetailsAllowed(allergy: Partial<AllergyAttributes>): void {
  const hasDetails = allergy.epiPenLocation != null || allergy.epiPenExpiresOn != null;
  if (hasDetails && !allergy.epiPenRequired) {
    throw ruleRefusal('EpiPen location and expiry are recorded only when an EpiPen is required');
  }
}

export class AllergyService {
  constructor(private readonly ctx: HealthRecordContext) {}

  private get Allergy() {
    return this.ctx.models.Allergy;
  }

  async list(actor: Actor, studentId: string, options: { includeInactive: boolean }) {
    const records = await readForStudent(this.ctx, actor, studentId, ENTITY, async () => {
      const rows = await this.Allergy.findAll({
        where: {
          organizationId: actor.organizationId,
          studentId,
          ...(options.includeInactive ? {} : { isActive: true }),
        },
      });
      return rows.map(allergyView).sort(bySeverity);
    });
    return forActor(actor, records);
  }

  /** The profile section: the student's active allergies, most dangerous first. */
  async activeFor(organizationId: string, studentId: string): Promise<AllergyView[]> {
    const rows = await this.Allergy.findAll({ where: { organizationId, studentId, isActive: true } });
    return rows.map(allergyView).sort(bySeverity);
  }

  /** For the medications module's allergy check before a dose (inside its transaction). */
  async allergiesOf(organizationId: string, studentId: string, transaction?: Transaction) {
    const rows = await this.Allergy.findAll({
      where: { organizationId, studentId, isActive: true },
      attributes: ['allergen', 'allergyType', 'severity'],
      transaction,
    });
    return rows.map(({ allergen, allergyType, severity }) => ({ allergen, allergyType, severity }));
  }

  create(actor: Actor, studentId: string, input: CreateAllergyInput): Promise<AllergyView> {
    return conflictOnDuplicate(DUPLICATE, () =>
      writeForStudent(this.ctx, actor, studentId, async (transaction) => {
        assertEpiPenDetailsAllowed(input);
        const row = await this.Allergy.create(
          { ...input, organizationId: actor.organizationId, studentId },
          { transaction },
        );
        await this.ctx
          .audit()
          .recordFor(actor, `${ENTITY}.create`, { type: ENTITY, id: row.id }, { studentId }, transaction);
        return allergyView(row);
      }),
    );
  }

  update(
    actor: Actor,
    studentId: string,
    allergyId: string,
    input: UpdateAllergyInput,
  ): Promise<AllergyView> {
    return conflictOnDuplicate(DUPLICATE, () =>
      updateForStudent(this.ctx, actor, studentId, {
        model: this.Allergy,
        entity: ENTITY,
        label: 'Allergy',
        id: allergyId,
        input,
        view: allergyView,
        check: assertEpiPenDetailsAllowed,
      }),
    );
  }
}
