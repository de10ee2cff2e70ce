/**
 * The CDC CVX vaccine codes the platform knows, as data: each code's name and the school
 * series it counts toward. A combination vaccine counts toward each of its components
 * (CVX 94, MMRV, is one MMR dose and one Varicella dose). A code not listed here is refused
 * on entry, so the compliance engine never meets a dose it cannot place.
 */

export const SERIES = ['DTaP', 'Polio', 'MMR', 'HepB', 'Varicella', 'Tdap', 'MenACWY'] as const;
export type SeriesName = (typeof SERIES)[number];

export interface VaccineCode {
  cvx: string;
  name: string;
  /** Empty for vaccines no school series requires (influenza, HPV, ...): recorded, never counted. */
  series: readonly SeriesName[];
}

export const VACCINE_CODES: readonly VaccineCode[] = [
  { cvx: '01', name: 'DTP', series: ['DTaP'] },
  { cvx: '02', name: 'OPV (oral polio)', series: ['Polio'] },
  { cvx: '03', name: 'MMR', series: ['MMR'] },
  { cvx: '08', name: 'Hep B, adolescent or pediatric', series: ['HepB'] },
  { cvx: '09', name: 'Td (adult), adsorbed', series: [] },
  { cvx: '10', name: 'IPV', series: ['Polio'] },
  { cvx: '20', name: 'DTaP', series: ['DTaP'] },
  { cvx: '21', name: 'Varicella', series: ['Varicella'] },
  { cvx: '22', name: 'DTP-Hib', series: ['DTaP'] },
  { cvx: '43', name: 'Hep B, adult', series: ['HepB'] },
  { cvx: '44', name: 'Hep B, dialysis', series: ['HepB'] },
  { cvx: '45', name: 'Hep B, unspecified formulation', series: ['HepB'] },
  { cvx: '49', name: 'Hib (PRP-OMP)', series: [] },
  { cvx: '50', name: 'DTaP-Hib', series: ['DTaP'] },
  { cvx: '51', name: 'Hib-Hep B', series: ['HepB'] },
  { cvx: '62', name: 'HPV, quadrivalent', series: [] },
  { cvx: '83', name: 'Hep A, pediatric/adolescent, 2 dose', series: [] },
  { cvx: '88', name: 'Influenza, unspecified formulation', series: [] },
  { cvx: '89', name: 'Polio, unspecified formulation', series: ['Polio'] },
  { cvx: '94', name: 'MMRV', series: ['MMR', 'Varicella'] },
  { cvx: '106', name: 'DTaP, 5 pertussis antigens', series: ['DTaP'] },
  { cvx: '107', name: 'DTaP, unspecified formulation', series: ['DTaP'] },
  { cvx: '110', name: 'DTaP-Hep B-IPV', series: ['DTaP', 'HepB', 'Polio'] },
  { cvx: '113', name: 'Td (adult), preservative free', series: [] },
  { cvx: '114', name: 'MenACWY-D (Menactra)', series: ['MenACWY'] },
  { cvx: '115', name: 'Tdap', series: ['Tdap'] },
  { cvx: '120', name: 'DTaP-Hib-IPV', series: ['DTaP', 'Polio'] },
  { cvx: '130', name: 'DTaP-IPV', series: ['DTaP', 'Polio'] },
  { cvx: '133', name: 'Pneumococcal conjugate PCV 13', series: [] },
  { cvx: '136', name: 'MenACWY-CRM (Menveo)', series: ['MenACWY'] },
  { cvx: '140', name: 'Influenza, seasonal, injectable, preservative free', series: [] },
  { cvx: '141', name: 'Influenza, seasonal, injectable', series: [] },
  { cvx: '146', name: 'DTaP-IPV-Hib-Hep B (Vaxelis)', series: ['DTaP', 'Polio', 'HepB'] },
  { cvx: '147', name: 'MenACWY, unspecified formulation', series: ['MenACWY'] },
  { cvx: '165', name: 'HPV9', series: [] },
  { cvx: '189', name: 'Hep B (CpG adjuvanted)', series: ['HepB'] },
  { cvx: '203', name: 'MenACWY-TT (MenQuadfi)', series: ['MenACWY'] },
  { cvx: '208', name: 'COVID-19, mRNA, 30 mcg/0.3 mL', series: [] },
  { cvx: '213', name: 'COVID-19, unspecified', series: [] },
  { cvx: '316', name: 'MenACWY-B (Penbraya)', series: ['MenACWY'] },
];

const BY_CODE = new Map(VACCINE_CODES.map((v) => [v.cvx, v]));

/** CVX codes are written with at least two digits ("03"); "3" is the same code. */
export function normalizeCvx(code: string): string {
  return code.trim().padStart(2, '0');
}

export function vaccineFor(code: string): VaccineCode | undefined {
  return BY_CODE.get(normalizeCvx(code));
}

/** The series a dose of this vaccine counts toward (none for an unknown code). */
export function seriesOf(code: string): readonly SeriesName[] {
  return vaccineFor(code)?.series ?? [];
}
