export type ComplianceStatus = 'COMPLIANT' | 'DUE' | 'OVERDUE' | 'EXEMPT';

export interface SeriesStatus {
  /** DTaP, Polio, MMR, HepB, Varicella, Tdap, MenACWY. */
  series: string;
  status: ComplianceStatus | string;
  validDoses: number;
  requiredDoses: number;
  /** How many doses are missing, or a description of them. */
  missing?: number | string | string[] | null;
  /** Calendar date the next dose is due, when one is. */
  dueOn?: string | null;
}

export interface ImmunizationStatus {
  status: ComplianceStatus | string;
  series: SeriesStatus[];
}
