/** What is kept of a 271: the payer's answers written by hand from the guide (x12/samples.ts). */
import { describe, expect, it } from 'vitest';
import { parse271 } from '../../src/integrations/x12/eligibility271.js';
import { checkResultOf } from '../../src/modules/medicaid/checkResult.js';
import { RESPONSE_ACTIVE, RESPONSE_INACTIVE, RESPONSE_REJECTED } from './x12/samples.js';

describe('checkResultOf', () => {
  it('keeps active coverage, the plan of the deciding EB and its eligibility period', () => {
    expect(checkResultOf(parse271(RESPONSE_ACTIVE))).toEqual({
      coverage: 'active',
      planName: 'APPLE HEALTH FOR KIDS',
      benefitCodes: ['1', 'L', 'B'],
      coverageStart: '2024-01-01',
      coverageEnd: '2024-12-31',
      rejection: null,
    });
  });

  it('keeps inactive coverage and the period that ended', () => {
    expect(checkResultOf(parse271(RESPONSE_INACTIVE))).toMatchObject({
      coverage: 'inactive',
      planName: null,
      benefitCodes: ['6'],
      coverageStart: '2022-09-01',
      coverageEnd: '2023-12-31',
      rejection: null,
    });
  });

  it('keeps the reason and follow-up of a rejection, with coverage unknown', () => {
    expect(checkResultOf(parse271(RESPONSE_REJECTED))).toEqual({
      coverage: 'unknown',
      planName: null,
      benefitCodes: [],
      coverageStart: null,
      coverageEnd: null,
      rejection: '72 Invalid/Missing Subscriber/Insured ID (Please Correct and Resubmit)',
    });
  });
});
