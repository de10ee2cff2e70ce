/**
 * Vision, hearing, BMI and scoliosis screenings. A REFER result always carries a referral;
 * a BMI screening stores the BMI computed from its measurements.
 */
import type { Actor } from '../../infrastructure/http/actor.js';
import { readForStudent, writeForStudent, type HealthRecordContext } from './context.js';
import type { ScreeningResult, ScreeningType } from './enums.js';
import { ruleRefusal } from './rules.js';
import { forActor, screeningView, type ScreeningView } from './views.js';

export interface CreateScreeningInput {
  type: ScreeningType;
  /** YYYY-MM-DD */
  screenedOn: string;
  result: ScreeningResult;
  /** Per type: vision { rightEye, leftEye }, hearing { right, left }, bmi { heightCm, weightKg }. */
  measurements?: Record<string, unknown>;
  /** Defaults to true for REFER, false otherwise. */
  referral?: boolean;
  notes?: string | null;
}

const ENTITY = 'screening';
const PROFILE_LIMIT = 20;
/** Outside this range the measurements are a typo, not a child. */
const PLAUSIBLE_BMI = { min: 8, max: 80 };

function computeBmi(measurements: Record<string, unknown> | undefined): number | null {
  const heightCm = Number(measurements?.heightCm);
  const weightKg = Number(measurements?.weightKg);
  const bmi = weightKg / (heightCm / 100) ** 2;
  if (!Number.isFinite(bmi) || bmi < PLAUSIBLE_BMI.min || bmi > PLAUSIBLE_BMI.max) {
    throw ruleRefusal('BMI screening: height and weight give an implausible BMI');
  }
  return Math.round(bmi * 10) / 10;
}

export class ScreeningService {
  constructor(private readonly ctx: HealthRecordContext) {}

  private get Screening() {
    return this.ctx.models.Screening;
  }

  async list(actor: Actor, studentId: string) {
    const records = await readForStudent(this.ctx, actor, studentId, ENTITY, () =>
      this.latestFor(actor.organizationId, studentId),
    );
    return forActor(actor, records);
  }

  /** Most recent first; the profile shows the latest few. */
  async latestFor(organizationId: string, studentId: string, limit?: number): Promise<ScreeningView[]> {
    const rows = await this.Screening.findAll({
      where: { organizationId, studentId },
      order: [
        ['screenedOn', 'DESC'],
        ['createdAt', 'DESC'],
      ],
      limit,
    });
    return rows.map(screeningView);
  }

  recentFor(organizationId: string, studentId: string): Promise<ScreeningView[]> {
    return this.latestFor(organizationId, studentId, PROFILE_LIMIT);
  }

  create(actor: Actor, studentId: string, input: CreateScreeningInput): Promise<ScreeningView> {
    return writeForStudent(this.ctx, actor, studentId, async (transaction) => {
      if (input.result === 'REFER' && input.referral === false) {
        throw ruleRefusal('A screening with result REFER must record a referral');
      }
      const row = await this.Screening.create(
        {
          ...input,
          measurements: input.measurements ?? {},
          bmi: input.type === 'BMI' ? computeBmi(input.measurements) : null,
          referral: input.referral ?? input.result === 'REFER',
          organizationId: actor.organizationId,
          studentId,
        },
        { transaction },
      );
      await this.ctx
        .audit()
        .recordFor(actor, `${ENTITY}.create`, { type: ENTITY, id: row.id }, { studentId }, transaction);
      return screeningView(row);
    });
  }
}
