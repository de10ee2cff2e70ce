import { describe, expect, it } from 'vitest';
import { build270 } from '../../../src/integrations/x12/eligibility270.js';
import { parse271 } from '../../../src/integrations/x12/eligibility271.js';
import { X12ParseError } from '../../../src/integrations/x12/errors.js';
import {
  RESPONSE_ACTIVE,
  RESPONSE_DEPENDENT,
  RESPONSE_INACTIVE,
  RESPONSE_REJECTED,
  inquiry,
} from './samples.js';

describe('parse271', () => {
  it('reads active coverage (EB*1), the plan, its dates and the echoed trace number', () => {
    const response = parse271(RESPONSE_ACTIVE);
    expect(response.coverage).toBe('active');
    expect(response.traceNumber).toBe('EV-20240316-0009');
    expect(response.respondedOn).toBe('2024-03-16');
    expect(response.payer).toEqual({ name: 'WASHINGTON APPLE HEALTH', id: 'WAMCD' });
    expect(response.planDates).toEqual([{ qualifier: '346', start: '2023-09-01' }]);
    expect(response.benefits[0]).toEqual({
      code: '1',
      meaning: 'Active Coverage',
      coverageLevel: 'IND',
      serviceTypes: ['30', '1', '35', '88', 'AL'],
      insuranceType: 'MC',
      planName: 'APPLE HEALTH FOR KIDS',
      dates: [{ qualifier: '307', start: '2024-01-01', end: '2024-12-31' }],
    });
    expect(response.benefits.map((b) => b.code)).toEqual(['1', 'L', 'B']);
    expect(response.rejections).toEqual([]);
  });

  it("reads the subscriber, not the primary care provider named in the benefit's 2120 loop", () => {
    expect(parse271(RESPONSE_ACTIVE).subscriber).toEqual({
      memberId: 'WA0048812734',
      lastName: 'OKAFOR',
      firstName: 'AMARA',
      middleName: 'C',
      dob: '2015-06-11',
      gender: 'F',
    });
  });

  it('reads inactive coverage (EB*6) with the period that ended', () => {
    const response = parse271(RESPONSE_INACTIVE);
    expect(response.coverage).toBe('inactive');
    expect(response.benefits).toEqual([
      {
        code: '6',
        meaning: 'Inactive',
        coverageLevel: 'IND',
        serviceTypes: ['30'],
        insuranceType: 'MC',
        dates: [{ qualifier: '307', start: '2022-09-01', end: '2023-12-31' }],
      },
    ]);
  });

  it('counts "inactive - pending" (EB*7, EB*8) as inactive', () => {
    for (const code of ['7', '8']) {
      const response = parse271(RESPONSE_INACTIVE.replace('EB*6*', `EB*${code}*`));
      expect(response.coverage).toBe('inactive');
      expect(response.benefits[0]?.meaning).toMatch(/^Inactive - Pending/);
    }
  });

  it('reads a rejection (AAA*N**72) with its reason and follow-up, coverage unknown', () => {
    const response = parse271(RESPONSE_REJECTED);
    expect(response.coverage).toBe('unknown');
    expect(response.benefits).toEqual([]);
    expect(response.rejections).toEqual([
      {
        loop: 'subscriber',
        validRequest: false,
        reasonCode: '72',
        reason: 'Invalid/Missing Subscriber/Insured ID',
        followUpAction: 'C',
        followUp: 'Please Correct and Resubmit',
      },
    ]);
    const withoutFollowUp = parse271(RESPONSE_REJECTED.replace('AAA*N**72*C~', 'AAA*N**72~'));
    expect(withoutFollowUp.rejections[0]).toEqual({
      loop: 'subscriber',
      validRequest: false,
      reasonCode: '72',
      reason: 'Invalid/Missing Subscriber/Insured ID',
    });
  });

  it('reads a student covered as a dependent (2000D) of the subscriber', () => {
    const response = parse271(RESPONSE_DEPENDENT);
    expect(response.coverage).toBe('active');
    expect(response.subscriber).toMatchObject({ memberId: 'CK77120044', lastName: 'HALVORSEN', dob: null });
    expect(response.dependent).toEqual({
      memberId: null,
      lastName: 'HALVORSEN',
      firstName: 'ELI',
      dob: '2016-04-22',
      gender: 'M',
    });
  });

  it('refuses an interchange that holds no 271, or whose counts disagree', () => {
    expect(() => parse271(build270(inquiry()))).toThrow(
      new X12ParseError('The interchange holds no 271 transaction'),
    );
    expect(() => parse271(RESPONSE_INACTIVE.replace('SE*13*0002', 'SE*12*0002'))).toThrow(/SE01/);
  });
});
