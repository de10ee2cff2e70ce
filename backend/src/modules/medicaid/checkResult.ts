/**
 * What is kept of a 271: coverage, the plan, the EB01 codes, the coverage period and, when the
 * payer could not answer, its reasons. Names, birth dates and member ids the payer echoed are
 * not kept: the student's own record holds them.
 */
import type { Benefit, Eligibility271, Rejection } from '../../integrations/x12/eligibility271.js';
import type { X12DatePeriod } from '../../integrations/x12/dates.js';
import { ACTIVE_CODES, INACTIVE_CODES } from '../../integrations/x12/eligibilityCodes.js';
import type { Coverage } from './models.js';

export interface CheckResult {
  coverage: Coverage;
  planName: string | null;
  benefitCodes: string[];
  coverageStart: string | null;
  coverageEnd: string | null;
  rejection: string | null;
}

const MAX_PLAN_NAME = 200;
const MAX_REJECTION = 500;
/** DTP qualifiers of a whole period: 291 plan, 307 eligibility. */
const PERIOD = ['291', '307'];
/** Begin and end dates sent on their own: 346/347 plan, 356/357 eligibility. */
const BEGIN = ['346', '356'];
const END = ['347', '357'];

export function checkResultOf(response: Eligibility271): CheckResult {
  const deciding = decidingBenefit(response);
  const planName = deciding?.planName ?? response.benefits.find((b) => b.planName)?.planName ?? null;
  const period = coveragePeriod([...(deciding?.dates ?? []), ...response.planDates]);
  return {
    coverage: response.coverage,
    planName: planName ? planName.slice(0, MAX_PLAN_NAME) : null,
    benefitCodes: [...new Set(response.benefits.map((b) => b.code).filter(Boolean))],
    coverageStart: period.start,
    coverageEnd: period.end,
    rejection: describeRejections(response.rejections),
  };
}

/** The EB that made the coverage what it is (the first active one, else the first inactive one). */
function decidingBenefit(response: Eligibility271): Benefit | undefined {
  const codes = response.coverage === 'active' ? ACTIVE_CODES : INACTIVE_CODES;
  return response.benefits.find((b) => codes.includes(b.code));
}

function coveragePeriod(dates: readonly X12DatePeriod[]): { start: string | null; end: string | null } {
  const whole = dates.find((d) => PERIOD.includes(d.qualifier));
  const begin = dates.find((d) => BEGIN.includes(d.qualifier));
  const end = dates.find((d) => END.includes(d.qualifier));
  const period = whole
    ? { start: whole.start, end: whole.end ?? null }
    : { start: begin?.start ?? null, end: end?.start ?? null };
  // A payer's inverted dates are not worth refusing the whole answer for: keep the start.
  return period.start && period.end && period.end < period.start ? { ...period, end: null } : period;
}

/** "75 Subscriber/Insured Not Found (Please Correct and Resubmit)"; several joined by "; ". */
function describeRejections(rejections: readonly Rejection[]): string | null {
  if (rejections.length === 0) return null;
  const text = rejections
    .map((r) => `${r.reasonCode} ${r.reason}${r.followUp ? ` (${r.followUp})` : ''}`)
    .join('; ');
  return text.slice(0, MAX_REJECTION);
}
