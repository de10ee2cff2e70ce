import { describe, expect, it } from 'vitest';
import { rangeLengthInDays, toCalendarDate, validateDateRange } from './dateRange';

describe('date ranges', () => {
  it('counts both ends, across a daylight-saving change and a leap day', () => {
    expect(rangeLengthInDays('2026-03-01', '2026-03-01')).toBe(1);
    expect(rangeLengthInDays('2026-03-07', '2026-03-09')).toBe(3);
    expect(rangeLengthInDays('2024-01-01', '2024-12-31')).toBe(366);
    expect(rangeLengthInDays('2026-02-30', '2026-03-02')).toBeNull();
  });

  it('says what is wrong, one message per field', () => {
    expect(validateDateRange('2024-01-01', '2024-12-31')).toEqual({});
    expect(validateDateRange('', '')).toEqual({ from: 'Enter the first day.', to: 'Enter the last day.' });
    expect(validateDateRange('2026-02-30', '2026-03-01')).toEqual({ from: 'Enter a date as YYYY-MM-DD.' });
    expect(validateDateRange('2026-03-02', '2026-03-01')).toEqual({
      to: 'The last day must be on or after the first day.',
    });
    expect(validateDateRange('2025-01-01', '2026-01-02').to).toMatch(/at most 366 days; this range has 367/);
  });

  it("writes a date as the reader's calendar day", () => {
    expect(toCalendarDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
