/**
 * The shape of a compliance rule set: data, not code. The default ships as rules/default.json;
 * a district may store its state's rules (POST /api/v1/immunizations/rule-sets), validated by
 * the joi schema in ../schemas.ts against these types.
 */
import type { Grade } from '../../students/index.js';
import type { SeriesName } from '../vaccineCodes.js';

/** A calendar age: the birthday plus years, then months, then days. */
export interface AgeSpec {
  years?: number;
  months?: number;
  days?: number;
}

/** A condition on the n-th VALID dose of a series (1-based). */
export interface DoseCondition {
  dose: number;
  /** The dose must be given on or after the child reaches this age (less the grace period). */
  minAge?: AgeSpec;
  /** Days since the previous valid dose of the series (less the grace period). */
  minIntervalDays?: number;
}

/** Another way to satisfy a series: fewer doses, provided the last of them came at an age. */
export interface AlternativePattern {
  doses: number;
  lastDoseMinAge: AgeSpec;
}

export interface SeriesRule {
  series: SeriesName;
  /** The grades the requirement applies to; the lowest is where it starts to apply. */
  grades: Grade[];
  requiredDoses: number;
  doseConditions?: DoseCondition[];
  alternatives?: AlternativePattern[];
}

export interface RuleSet {
  name: string;
  /** A dose given up to this many days before an age or interval minimum still counts. */
  graceDays: number;
  /** A missing series is DUE until this many days after its due date, then OVERDUE. */
  overdueAfterDays: number;
  /** MM-DD: the first day of a school year, when a grade's requirements start to apply. */
  schoolYearStart: string;
  series: SeriesRule[];
}
