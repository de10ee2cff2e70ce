/**
 * The compliance engine: a pure function of a student's history, a date and a rule set.
 *
 * Semantics (also in the module's README section of the final report):
 * - Only the series whose rule lists the student's grade are evaluated and reported.
 * - A dose counts toward every series its CVX code belongs to (combination vaccines).
 *   Doses after `asOf` are ignored. Doses of a series are taken in date order; a dose on the
 *   same day as the previous valid dose of that series does not count again.
 * - The n-th VALID dose must meet the rule's condition for dose n: given on or after the age
 *   `minAge` and at least `minIntervalDays` after the previous valid dose, each less
 *   `graceDays` (4 by default: a dose up to 4 days early counts, 5 days early does not).
 *   A dose that violates a minimum is not valid and the next dose is tried in its place.
 * - A series is complete when validDoses >= requiredDoses, or when an alternative pattern
 *   holds: at least `doses` valid doses and the `doses`-th was given on or after
 *   `lastDoseMinAge` (less the grace period).
 * - `missing` is the fewest further doses that could complete the series: the smallest gap
 *   over the main count and every alternative still open (an alternative whose deciding dose
 *   was already given too young is closed). 0 when complete.
 * - An exemption active on `asOf` (no expiry, or expiresOn >= asOf) makes its series EXEMPT.
 * - Due date: the requirement starts to apply on the first day of the school year in which
 *   the student entered the lowest grade of the rule, assuming one grade per year
 *   (schoolYearStart of the year containing asOf, minus the grade difference in years).
 *   An incomplete, non-exempt series is DUE until asOf is more than `overdueAfterDays` past
 *   that date, then OVERDUE. `dueOn` is reported for DUE and OVERDUE series, else null.
 * - The student: OVERDUE if any series is OVERDUE, else DUE if any is DUE; else EXEMPT if an
 *   incomplete series is exempt (every incomplete series is); else COMPLIANT (which includes
 *   a student no series applies to, e.g. PK).
 */
import { GRADES, type Grade } from '../../students/index.js';
import { seriesOf, type SeriesName } from '../vaccineCodes.js';
import { dateAtAge, dayNumber, minusYears, schoolYearStartOn } from './calendar.js';
import type { AgeSpec, RuleSet, SeriesRule } from './ruleSet.js';

export const COMPLIANCE_STATUSES = ['COMPLIANT', 'DUE', 'OVERDUE', 'EXEMPT'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export interface EngineInput {
  /** YYYY-MM-DD */
  dateOfBirth: string;
  grade: Grade;
  immunizations: ReadonlyArray<{ cvxCode: string; administeredOn: string }>;
  exemptions: ReadonlyArray<{ series: string; expiresOn: string | null }>;
  /** YYYY-MM-DD */
  asOf: string;
}

export interface SeriesResult {
  series: SeriesName;
  status: ComplianceStatus;
  validDoses: number;
  requiredDoses: number;
  missing: number;
  dueOn: string | null;
}

export interface ComplianceResult {
  status: ComplianceStatus;
  series: SeriesResult[];
}

/** Whether `date` is on or after the day the child reaches `age`, less the grace period. */
function reachedAge(dateOfBirth: string, age: AgeSpec, date: string, graceDays: number): boolean {
  return dayNumber(date) >= dayNumber(dateAtAge(dateOfBirth, age)) - graceDays;
}

/** The dates of the valid doses of one series, in order. */
function validDoseDates(rule: SeriesRule, input: EngineInput, graceDays: number): string[] {
  const dates = input.immunizations
    .filter((i) => i.administeredOn <= input.asOf && seriesOf(i.cvxCode).includes(rule.series))
    .map((i) => i.administeredOn)
    .sort();
  const valid: string[] = [];
  for (const date of dates) {
    const previous = valid.at(-1);
    if (previous === date) continue;
    const condition = rule.doseConditions?.find((c) => c.dose === valid.length + 1);
    if (condition?.minAge && !reachedAge(input.dateOfBirth, condition.minAge, date, graceDays)) continue;
    if (
      condition?.minIntervalDays !== undefined &&
      previous !== undefined &&
      dayNumber(date) - dayNumber(previous) < condition.minIntervalDays - graceDays
    )
      continue;
    valid.push(date);
  }
  return valid;
}

/** Fewest further doses that could complete the series (0 when it is complete). */
function missingDoses(rule: SeriesRule, valid: string[], input: EngineInput, graceDays: number): number {
  let fewest = Math.max(0, rule.requiredDoses - valid.length);
  for (const alternative of rule.alternatives ?? []) {
    const deciding = valid[alternative.doses - 1];
    if (deciding === undefined) fewest = Math.min(fewest, alternative.doses - valid.length);
    else if (reachedAge(input.dateOfBirth, alternative.lastDoseMinAge, deciding, graceDays)) return 0;
  }
  return fewest;
}

function isExempt(series: SeriesName, input: EngineInput): boolean {
  return input.exemptions.some(
    (e) => e.series === series && (e.expiresOn === null || e.expiresOn >= input.asOf),
  );
}

/** The first day of the school year in which the student entered the rule's lowest grade. */
function dueDate(rule: SeriesRule, input: EngineInput, ruleSet: RuleSet): string {
  const lowest = Math.min(...rule.grades.map((g) => GRADES.indexOf(g)));
  const yearsInRequirement = GRADES.indexOf(input.grade) - lowest;
  return minusYears(schoolYearStartOn(input.asOf, ruleSet.schoolYearStart), yearsInRequirement);
}

function evaluateSeries(rule: SeriesRule, input: EngineInput, ruleSet: RuleSet): SeriesResult {
  const valid = validDoseDates(rule, input, ruleSet.graceDays);
  const missing = missingDoses(rule, valid, input, ruleSet.graceDays);
  const base = { series: rule.series, validDoses: valid.length, requiredDoses: rule.requiredDoses, missing };
  if (isExempt(rule.series, input)) return { ...base, status: 'EXEMPT', dueOn: null };
  if (missing === 0) return { ...base, status: 'COMPLIANT', dueOn: null };
  const dueOn = dueDate(rule, input, ruleSet);
  const overdue = dayNumber(input.asOf) > dayNumber(dueOn) + ruleSet.overdueAfterDays;
  return { ...base, status: overdue ? 'OVERDUE' : 'DUE', dueOn };
}

function overallStatus(series: SeriesResult[]): ComplianceStatus {
  if (series.some((s) => s.status === 'OVERDUE')) return 'OVERDUE';
  if (series.some((s) => s.status === 'DUE')) return 'DUE';
  if (series.some((s) => s.status === 'EXEMPT' && s.missing > 0)) return 'EXEMPT';
  return 'COMPLIANT';
}

export function evaluateCompliance(input: EngineInput, ruleSet: RuleSet): ComplianceResult {
  const series = ruleSet.series
    .filter((rule) => rule.grades.includes(input.grade))
    .map((rule) => evaluateSeries(rule, input, ruleSet));
  return { status: overallStatus(series), series };
}
