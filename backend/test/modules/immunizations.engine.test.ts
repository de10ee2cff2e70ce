/**
 * The compliance engine against hand-written histories. Every expected result below was
 * worked out by hand from the rules in rules/default.json (never computed by the engine).
 * Series rows read [status, validDoses, missing, dueOn]; requiredDoses comes from REQUIRED.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/modules/immunizations/engine/defaultRuleSet.js';
import {
  evaluateCompliance,
  type EngineInput,
} from '../../src/modules/immunizations/engine/evaluateCompliance.js';
import type { RuleSet } from '../../src/modules/immunizations/engine/ruleSet.js';

type Dose = { cvxCode: string; administeredOn: string };
type Row = [status: string, validDoses: number, missing: number, dueOn: string | null];

const REQUIRED: Record<string, number> = {
  DTaP: 5,
  Polio: 4,
  MMR: 2,
  HepB: 3,
  Varicella: 2,
  Tdap: 1,
  MenACWY: 1,
};

const d = (cvxCode: string, administeredOn: string): Dose => ({ cvxCode, administeredOn });

// Student A: born 2015-03-10 (1st birthday 2016-03-10, 4th birthday 2019-03-10), grade 4.
// Grade 4 is the 5th year since K, so a K-12 requirement was due on 2020-08-15.
const A = { dateOfBirth: '2015-03-10', grade: '4' as const, asOf: '2024-09-01' };
const A_DTAP = [
  d('20', '2015-05-10'),
  d('20', '2015-07-10'),
  d('20', '2015-09-10'),
  d('20', '2016-06-10'),
  d('20', '2019-03-15'),
];
const A_POLIO = [d('10', '2015-05-10'), d('10', '2015-07-10'), d('10', '2016-03-10'), d('10', '2019-03-15')];
const A_MMR = [d('03', '2016-03-10'), d('03', '2019-03-15')];
const A_HEPB = [d('08', '2015-03-10'), d('08', '2015-05-10'), d('08', '2015-09-10')];
const A_VAR = [d('21', '2016-03-10'), d('21', '2019-03-15')];
const A_ALL = [...A_DTAP, ...A_POLIO, ...A_MMR, ...A_HEPB, ...A_VAR];
const A_DUE = '2020-08-15';

// Student K: born 2019-05-01, in kindergarten; K requirements were due on 2024-08-15.
const K = { dateOfBirth: '2019-05-01', grade: 'K' as const };
const K_PARTIAL = [
  // DTaP: four doses, the 4th before the 4th birthday (2023-05-01): one more needed.
  d('20', '2019-07-01'),
  d('20', '2019-09-01'),
  d('20', '2019-11-01'),
  d('20', '2020-08-01'),
  // Polio: three doses, the 3rd before age 4: one more needed.
  d('10', '2019-07-01'),
  d('10', '2019-09-01'),
  d('10', '2020-08-01'),
  d('03', '2020-05-01'),
  d('08', '2019-05-01'),
  d('08', '2019-07-01'),
  d('08', '2019-11-01'),
  d('21', '2020-05-01'),
];

// Student S: born 2012-02-01 (4th birthday 2016-02-01), complete through grade 6.
const S = { dateOfBirth: '2012-02-01' };
const S_CHILDHOOD = [
  d('20', '2012-04-01'),
  d('20', '2012-06-01'),
  d('20', '2012-08-01'),
  d('20', '2013-05-01'),
  d('20', '2016-03-01'),
  d('10', '2012-04-01'),
  d('10', '2012-06-01'),
  d('10', '2013-02-01'),
  d('10', '2016-03-01'),
  d('03', '2013-02-01'),
  d('03', '2016-03-01'),
  d('08', '2012-02-01'),
  d('08', '2012-04-01'),
  d('08', '2012-08-01'),
  d('21', '2013-02-01'),
  d('21', '2016-03-01'),
];
const S_CHILDHOOD_OK: Record<string, Row> = {
  DTaP: ['COMPLIANT', 5, 0, null],
  Polio: ['COMPLIANT', 4, 0, null],
  MMR: ['COMPLIANT', 2, 0, null],
  HepB: ['COMPLIANT', 3, 0, null],
  Varicella: ['COMPLIANT', 2, 0, null],
};

const A_OK: Record<string, Row> = {
  DTaP: ['COMPLIANT', 5, 0, null],
  Polio: ['COMPLIANT', 4, 0, null],
  MMR: ['COMPLIANT', 2, 0, null],
  HepB: ['COMPLIANT', 3, 0, null],
  Varicella: ['COMPLIANT', 2, 0, null],
};

interface Case {
  name: string;
  input: Partial<EngineInput> & Pick<EngineInput, 'dateOfBirth' | 'grade' | 'asOf'>;
  expected: { status: string; series: Record<string, Row> };
}

const CASES: Case[] = [
  {
    name: 'a complete K-6 history is compliant',
    input: { ...A, immunizations: A_ALL },
    expected: { status: 'COMPLIANT', series: A_OK },
  },
  {
    name: 'no records at all in grade 4 is overdue; missing takes the cheapest open pattern',
    input: { ...A, immunizations: [] },
    expected: {
      status: 'OVERDUE',
      series: {
        DTaP: ['OVERDUE', 0, 4, A_DUE],
        Polio: ['OVERDUE', 0, 3, A_DUE],
        MMR: ['OVERDUE', 0, 2, A_DUE],
        HepB: ['OVERDUE', 0, 3, A_DUE],
        Varicella: ['OVERDUE', 0, 2, A_DUE],
      },
    },
  },
  {
    name: 'DTaP: 4 doses suffice when the 4th was after the 4th birthday',
    input: {
      ...A,
      immunizations: [...A_ALL.filter((x) => x.administeredOn !== '2016-06-10' || x.cvxCode !== '20')],
    },
    expected: { status: 'COMPLIANT', series: { ...A_OK, DTaP: ['COMPLIANT', 4, 0, null] } },
  },
  {
    name: 'DTaP: 4 doses, the 4th before the 4th birthday, need a 5th',
    input: {
      ...A,
      immunizations: [...A_DTAP.slice(0, 4), ...A_POLIO, ...A_MMR, ...A_HEPB, ...A_VAR],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, DTaP: ['OVERDUE', 4, 1, A_DUE] } },
  },
  {
    name: 'DTaP: a 4th dose exactly 4 days before the 4th birthday still counts (grace)',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP.slice(0, 3),
        d('20', '2019-03-06'),
        ...A_POLIO,
        ...A_MMR,
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'COMPLIANT', series: { ...A_OK, DTaP: ['COMPLIANT', 4, 0, null] } },
  },
  {
    name: 'DTaP: a 4th dose 5 days before the 4th birthday does not satisfy the 4-dose pattern',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP.slice(0, 3),
        d('20', '2019-03-05'),
        ...A_POLIO,
        ...A_MMR,
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, DTaP: ['OVERDUE', 4, 1, A_DUE] } },
  },
  {
    name: 'Polio: 3 doses suffice when the 3rd was on or after age 4',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        d('10', '2015-05-10'),
        d('10', '2015-07-10'),
        d('10', '2019-03-10'),
        ...A_MMR,
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'COMPLIANT', series: { ...A_OK, Polio: ['COMPLIANT', 3, 0, null] } },
  },
  {
    name: 'Polio: 3 doses with the 3rd before age 4 need a 4th',
    input: { ...A, immunizations: [...A_DTAP, ...A_POLIO.slice(0, 3), ...A_MMR, ...A_HEPB, ...A_VAR] },
    expected: { status: 'OVERDUE', series: { ...A_OK, Polio: ['OVERDUE', 3, 1, A_DUE] } },
  },
  {
    name: 'MMR: a 1st dose exactly 4 days before the 1st birthday counts',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        d('03', '2016-03-06'),
        d('03', '2019-03-15'),
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'COMPLIANT', series: A_OK },
  },
  {
    name: 'MMR: a 1st dose 5 days before the 1st birthday is invalid; the next dose becomes the 1st',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        d('03', '2016-03-05'),
        d('03', '2019-03-15'),
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, MMR: ['OVERDUE', 1, 1, A_DUE] } },
  },
  {
    name: 'MMR: a 2nd dose 24 days after the 1st counts (28 days less 4 of grace)',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        d('03', '2016-03-10'),
        d('03', '2016-04-03'),
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'COMPLIANT', series: A_OK },
  },
  {
    name: 'MMR: a 2nd dose 23 days after the 1st does not count',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        d('03', '2016-03-10'),
        d('03', '2016-04-02'),
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, MMR: ['OVERDUE', 1, 1, A_DUE] } },
  },
  {
    name: 'MMR: a dose at 11 months is skipped and two later doses complete the series',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        d('03', '2016-02-10'),
        d('03', '2016-03-15'),
        d('03', '2019-03-15'),
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'COMPLIANT', series: A_OK },
  },
  {
    name: 'Varicella: a 1st dose before the 1st birthday does not count',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        ...A_MMR,
        ...A_HEPB,
        d('21', '2016-01-10'),
        d('21', '2019-03-15'),
      ],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, Varicella: ['OVERDUE', 1, 1, A_DUE] } },
  },
  {
    name: 'Varicella: a 1st dose exactly 4 days before the 1st birthday counts',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        ...A_MMR,
        ...A_HEPB,
        d('21', '2016-03-06'),
        d('21', '2019-03-15'),
      ],
    },
    expected: { status: 'COMPLIANT', series: A_OK },
  },
  {
    name: 'HepB: 2 doses of 3 is overdue',
    input: { ...A, immunizations: [...A_DTAP, ...A_POLIO, ...A_MMR, ...A_HEPB.slice(0, 2), ...A_VAR] },
    expected: { status: 'OVERDUE', series: { ...A_OK, HepB: ['OVERDUE', 2, 1, A_DUE] } },
  },
  {
    name: 'MMRV (94) twice counts for both MMR and Varicella',
    input: {
      ...A,
      immunizations: [...A_DTAP, ...A_POLIO, ...A_HEPB, d('94', '2016-03-10'), d('94', '2019-03-15')],
    },
    expected: { status: 'COMPLIANT', series: A_OK },
  },
  {
    name: 'MMRV once plus MMR once completes MMR but leaves Varicella one short',
    input: {
      ...A,
      immunizations: [...A_DTAP, ...A_POLIO, ...A_HEPB, d('94', '2016-03-10'), d('03', '2019-03-15')],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, Varicella: ['OVERDUE', 1, 1, A_DUE] } },
  },
  {
    name: 'DTaP-HepB-IPV (110) counts toward DTaP, Polio and HepB',
    input: {
      ...A,
      immunizations: [
        d('110', '2015-05-10'),
        d('110', '2015-07-10'),
        d('110', '2015-09-10'),
        d('20', '2016-06-10'),
        d('20', '2019-03-15'),
        d('10', '2019-03-15'),
        ...A_MMR,
        ...A_VAR,
      ],
    },
    expected: { status: 'COMPLIANT', series: A_OK },
  },
  {
    name: 'DTaP-Hib-IPV (120) and DTaP-IPV (130) count toward DTaP and Polio',
    input: {
      ...A,
      immunizations: [
        d('120', '2015-05-10'),
        d('120', '2015-07-10'),
        d('120', '2015-09-10'),
        d('120', '2016-06-10'),
        d('130', '2019-03-15'),
        ...A_MMR,
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'COMPLIANT', series: { ...A_OK, Polio: ['COMPLIANT', 5, 0, null] } },
  },
  {
    name: 'Vaxelis (146) three times completes HepB only; DTaP and Polio each need one more',
    input: {
      ...A,
      immunizations: [
        d('146', '2015-05-10'),
        d('146', '2015-07-10'),
        d('146', '2015-09-10'),
        ...A_MMR,
        ...A_VAR,
      ],
    },
    expected: {
      status: 'OVERDUE',
      series: {
        ...A_OK,
        DTaP: ['OVERDUE', 3, 1, A_DUE],
        Polio: ['OVERDUE', 3, 1, A_DUE],
        HepB: ['COMPLIANT', 3, 0, null],
      },
    },
  },
  {
    name: 'two DTaP vaccines on the same day count as one dose',
    input: {
      ...A,
      immunizations: [
        d('20', '2015-05-10'),
        d('106', '2015-05-10'),
        d('20', '2015-07-10'),
        d('20', '2015-09-10'),
        d('20', '2016-06-10'),
        ...A_POLIO,
        ...A_MMR,
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, DTaP: ['OVERDUE', 4, 1, A_DUE] } },
  },
  {
    name: 'a dose dated after asOf is ignored',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        d('03', '2016-03-10'),
        d('03', '2024-10-01'),
        ...A_HEPB,
        ...A_VAR,
      ],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, MMR: ['OVERDUE', 1, 1, A_DUE] } },
  },
  {
    name: 'flu and HPV vaccines count toward no school series',
    input: {
      ...A,
      immunizations: [
        ...A_DTAP,
        ...A_POLIO,
        ...A_MMR,
        ...A_VAR,
        d('88', '2023-10-01'),
        d('62', '2024-01-10'),
      ],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, HepB: ['OVERDUE', 0, 3, A_DUE] } },
  },
  {
    name: 'an active exemption covering the only incomplete series makes the student EXEMPT',
    input: {
      ...A,
      immunizations: [...A_DTAP, ...A_POLIO, ...A_HEPB, ...A_VAR],
      exemptions: [{ series: 'MMR', expiresOn: null }],
    },
    expected: { status: 'EXEMPT', series: { ...A_OK, MMR: ['EXEMPT', 0, 2, null] } },
  },
  {
    name: 'an exemption that expired the day before asOf no longer applies',
    input: {
      ...A,
      immunizations: [...A_DTAP, ...A_POLIO, ...A_HEPB, ...A_VAR],
      exemptions: [{ series: 'MMR', expiresOn: '2024-08-31' }],
    },
    expected: { status: 'OVERDUE', series: { ...A_OK, MMR: ['OVERDUE', 0, 2, A_DUE] } },
  },
  {
    name: 'an exemption expiring on asOf still applies that day',
    input: {
      ...A,
      immunizations: [...A_DTAP, ...A_POLIO, ...A_HEPB, ...A_VAR],
      exemptions: [{ series: 'MMR', expiresOn: '2024-09-01' }],
    },
    expected: { status: 'EXEMPT', series: { ...A_OK, MMR: ['EXEMPT', 0, 2, null] } },
  },
  {
    name: 'an exemption for one series does not excuse another missing series',
    input: {
      ...A,
      immunizations: [...A_DTAP, ...A_POLIO, ...A_HEPB],
      exemptions: [{ series: 'MMR', expiresOn: null }],
    },
    expected: {
      status: 'OVERDUE',
      series: { ...A_OK, MMR: ['EXEMPT', 0, 2, null], Varicella: ['OVERDUE', 0, 2, A_DUE] },
    },
  },
  {
    name: 'an exempt series that is complete anyway leaves the student COMPLIANT',
    input: { ...A, immunizations: A_ALL, exemptions: [{ series: 'MMR', expiresOn: null }] },
    expected: { status: 'COMPLIANT', series: { ...A_OK, MMR: ['EXEMPT', 2, 0, null] } },
  },
  {
    name: 'kindergarten, 17 days into the school year: DUE',
    input: { ...K, asOf: '2024-09-01', immunizations: K_PARTIAL },
    expected: {
      status: 'DUE',
      series: {
        DTaP: ['DUE', 4, 1, '2024-08-15'],
        Polio: ['DUE', 3, 1, '2024-08-15'],
        MMR: ['DUE', 1, 1, '2024-08-15'],
        HepB: ['COMPLIANT', 3, 0, null],
        Varicella: ['DUE', 1, 1, '2024-08-15'],
      },
    },
  },
  {
    name: 'kindergarten, exactly 30 days past the due date: still DUE',
    input: { ...K, asOf: '2024-09-14', immunizations: K_PARTIAL },
    expected: {
      status: 'DUE',
      series: {
        DTaP: ['DUE', 4, 1, '2024-08-15'],
        Polio: ['DUE', 3, 1, '2024-08-15'],
        MMR: ['DUE', 1, 1, '2024-08-15'],
        HepB: ['COMPLIANT', 3, 0, null],
        Varicella: ['DUE', 1, 1, '2024-08-15'],
      },
    },
  },
  {
    name: 'kindergarten, 31 days past the due date: OVERDUE',
    input: { ...K, asOf: '2024-09-15', immunizations: K_PARTIAL },
    expected: {
      status: 'OVERDUE',
      series: {
        DTaP: ['OVERDUE', 4, 1, '2024-08-15'],
        Polio: ['OVERDUE', 3, 1, '2024-08-15'],
        MMR: ['OVERDUE', 1, 1, '2024-08-15'],
        HepB: ['COMPLIANT', 3, 0, null],
        Varicella: ['OVERDUE', 1, 1, '2024-08-15'],
      },
    },
  },
  {
    name: 'kindergarten in July belongs to the school year that began the previous August',
    input: { ...K, asOf: '2024-07-01', immunizations: K_PARTIAL },
    expected: {
      status: 'OVERDUE',
      series: {
        DTaP: ['OVERDUE', 4, 1, '2023-08-15'],
        Polio: ['OVERDUE', 3, 1, '2023-08-15'],
        MMR: ['OVERDUE', 1, 1, '2023-08-15'],
        HepB: ['COMPLIANT', 3, 0, null],
        Varicella: ['OVERDUE', 1, 1, '2023-08-15'],
      },
    },
  },
  {
    name: 'grade 7 at the start of the year without Tdap or MenACWY: DUE',
    input: { ...S, grade: '7', asOf: '2024-09-01', immunizations: S_CHILDHOOD },
    expected: {
      status: 'DUE',
      series: {
        ...S_CHILDHOOD_OK,
        Tdap: ['DUE', 0, 1, '2024-08-15'],
        MenACWY: ['DUE', 0, 1, '2024-08-15'],
      },
    },
  },
  {
    name: 'grade 7 with Tdap (115) and MenACWY (114): COMPLIANT',
    input: {
      ...S,
      grade: '7',
      asOf: '2024-09-01',
      immunizations: [...S_CHILDHOOD, d('115', '2023-09-01'), d('114', '2023-09-01')],
    },
    expected: {
      status: 'COMPLIANT',
      series: { ...S_CHILDHOOD_OK, Tdap: ['COMPLIANT', 1, 0, null], MenACWY: ['COMPLIANT', 1, 0, null] },
    },
  },
  {
    name: 'grade 8 without Tdap: the requirement began a year earlier, so OVERDUE',
    input: { ...S, grade: '8', asOf: '2024-09-01', immunizations: [...S_CHILDHOOD, d('136', '2023-09-01')] },
    expected: {
      status: 'OVERDUE',
      series: {
        ...S_CHILDHOOD_OK,
        Tdap: ['OVERDUE', 0, 1, '2023-08-15'],
        MenACWY: ['COMPLIANT', 1, 0, null],
      },
    },
  },
  {
    name: 'grade 10 with MenQuadfi (203) and Tdap: COMPLIANT',
    input: {
      ...S,
      grade: '10',
      asOf: '2024-09-01',
      immunizations: [...S_CHILDHOOD, d('115', '2023-09-01'), d('203', '2023-09-01')],
    },
    expected: {
      status: 'COMPLIANT',
      series: { ...S_CHILDHOOD_OK, Tdap: ['COMPLIANT', 1, 0, null], MenACWY: ['COMPLIANT', 1, 0, null] },
    },
  },
  {
    name: 'grade 6: Tdap and MenACWY do not apply yet',
    input: { ...S, grade: '6', asOf: '2024-09-01', immunizations: S_CHILDHOOD },
    expected: { status: 'COMPLIANT', series: S_CHILDHOOD_OK },
  },
  {
    name: 'pre-kindergarten: no series applies',
    input: { dateOfBirth: '2020-06-01', grade: 'PK', asOf: '2024-09-01', immunizations: [] },
    expected: { status: 'COMPLIANT', series: {} },
  },
  {
    name: 'grade 7, Tdap exempt but MenACWY missing: DUE',
    input: {
      ...S,
      grade: '7',
      asOf: '2024-09-01',
      immunizations: S_CHILDHOOD,
      exemptions: [{ series: 'Tdap', expiresOn: null }],
    },
    expected: {
      status: 'DUE',
      series: { ...S_CHILDHOOD_OK, Tdap: ['EXEMPT', 0, 1, null], MenACWY: ['DUE', 0, 1, '2024-08-15'] },
    },
  },
  {
    name: 'grade 7, every incomplete series exempt: EXEMPT',
    input: {
      ...S,
      grade: '7',
      asOf: '2024-09-01',
      immunizations: S_CHILDHOOD,
      exemptions: [
        { series: 'Tdap', expiresOn: '2025-06-30' },
        { series: 'MenACWY', expiresOn: null },
      ],
    },
    expected: {
      status: 'EXEMPT',
      series: { ...S_CHILDHOOD_OK, Tdap: ['EXEMPT', 0, 1, null], MenACWY: ['EXEMPT', 0, 1, null] },
    },
  },
  {
    name: 'born on 29 February: the 1st birthday is 1 March, so a dose on 25 February is 4 days early',
    input: {
      dateOfBirth: '2016-02-29',
      grade: '3',
      asOf: '2024-09-01',
      immunizations: [
        d('20', '2016-05-01'),
        d('20', '2016-07-01'),
        d('20', '2016-09-01'),
        d('20', '2020-03-02'),
        d('10', '2016-05-01'),
        d('10', '2016-07-01'),
        d('10', '2020-03-02'),
        d('03', '2017-02-25'),
        d('03', '2020-03-02'),
        d('08', '2016-02-29'),
        d('08', '2016-05-01'),
        d('08', '2016-09-01'),
        d('21', '2017-02-24'),
        d('21', '2020-03-02'),
      ],
    },
    expected: {
      status: 'OVERDUE',
      series: {
        DTaP: ['COMPLIANT', 4, 0, null],
        Polio: ['COMPLIANT', 3, 0, null],
        MMR: ['COMPLIANT', 2, 0, null],
        HepB: ['COMPLIANT', 3, 0, null],
        // 24 February is 5 days early: invalid, so the 2020 dose is the only valid one.
        Varicella: ['OVERDUE', 1, 1, '2021-08-15'],
      },
    },
  },
];

function check(
  input: Case['input'],
  expected: Case['expected'],
  ruleSet: RuleSet = DEFAULT_RULE_SET,
  required = REQUIRED,
) {
  const result = evaluateCompliance({ immunizations: [], exemptions: [], ...input }, ruleSet);
  expect(result.status).toBe(expected.status);
  expect(result.series.map((s) => s.series)).toEqual(Object.keys(expected.series));
  for (const s of result.series) {
    const [status, validDoses, missing, dueOn] = expected.series[s.series]!;
    expect(s, s.series).toEqual({
      series: s.series,
      status,
      validDoses,
      requiredDoses: required[s.series],
      missing,
      dueOn,
    });
  }
}

describe('evaluateCompliance with the default rules', () => {
  it('has at least 30 histories', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$name', ({ input, expected }) => check(input, expected));
});

describe('evaluateCompliance with custom rules (data, not code)', () => {
  const strict: RuleSet = {
    name: 'Strict test state',
    graceDays: 0,
    overdueAfterDays: 0,
    schoolYearStart: '09-01',
    series: [
      {
        series: 'MMR',
        grades: ['K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
        requiredDoses: 3,
        doseConditions: [{ dose: 1, minAge: { years: 1 } }],
      },
    ],
  };

  it('without grace, a dose 4 days early does not count; only listed series are evaluated', () => {
    check(
      { ...A, immunizations: [...A_DTAP, d('03', '2016-03-06'), d('03', '2019-03-15')] },
      // 2016-03-06 is before the 1st birthday with no grace; 2019-03-15 becomes dose 1.
      // Grade 4 under a 09-01 school year: asOf 2024-09-01 is the year's first day, so grade 4
      // began 2024-09-01 and K four years earlier, 2020-09-01.
      { status: 'OVERDUE', series: { MMR: ['OVERDUE', 1, 2, '2020-09-01'] } },
      strict,
      { MMR: 3 },
    );
  });

  it('overdueAfterDays 0: the day after the due date is already OVERDUE', () => {
    check(
      { ...K, asOf: '2024-09-02', immunizations: [d('03', '2020-05-01')] },
      { status: 'OVERDUE', series: { MMR: ['OVERDUE', 1, 2, '2024-09-01'] } },
      strict,
      { MMR: 3 },
    );
    check(
      { ...K, asOf: '2024-09-01', immunizations: [d('03', '2020-05-01')] },
      { status: 'DUE', series: { MMR: ['DUE', 1, 2, '2024-09-01'] } },
      strict,
      { MMR: 3 },
    );
  });
});
