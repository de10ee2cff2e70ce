/**
 * X12 dates: D8 is CCYYMMDD, RD8 a range CCYYMMDD-CCYYMMDD. The platform writes YYYY-MM-DD.
 */
import { X12BuildError } from './errors.js';
import { type ParsedX12Segment, element } from './segments.js';

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 'YYYY-MM-DD' -> 'CCYYMMDD'; `label` names the input in the error, never its value. */
export function toX12Date(isoDate: string, label: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new X12BuildError(`${label} must be a date written YYYY-MM-DD`);
  }
  return `${match[1]}${match[2]}${match[3]}`;
}

/** 'CCYYMMDD' -> 'YYYY-MM-DD', or null when it is not a date. */
export function fromX12Date(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

export interface X12DatePeriod {
  /** DTP01, e.g. 291 plan, 346 plan begin, 356 eligibility begin, 307 eligibility. */
  qualifier: string;
  start: string;
  /** Only for a range (RD8). */
  end?: string;
}

/** A DTP segment as a date or a period, or null when its date cannot be read. */
export function readDtp(dtp: ParsedX12Segment): X12DatePeriod | null {
  const qualifier = element(dtp, 1);
  const format = element(dtp, 2);
  const value = element(dtp, 3);
  if (format === 'D8') {
    const start = fromX12Date(value);
    return start ? { qualifier, start } : null;
  }
  if (format === 'RD8') {
    const [from = '', to = ''] = value.split('-');
    const start = fromX12Date(from);
    const end = fromX12Date(to);
    return start && end ? { qualifier, start, end } : null;
  }
  return null;
}
