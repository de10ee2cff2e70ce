/**
 * What a drill is: a function that starts real processes on loopback, applies one fault,
 * measures, and answers its figures. `passed` says whether the figures keep the promise
 * (0 lost jobs, 0 lost alerts, ...); the figures are printed whatever the outcome.
 */
export interface DrillOptions {
  /** The test suite's short form: fewer requests, shorter outages, same assertions. */
  short: boolean;
}

export type Figures = Record<string, number | string>;

export interface DrillResult {
  name: string;
  passed: boolean;
  figures: Figures;
}

export type Drill = (options: DrillOptions) => Promise<DrillResult>;

/** One line: `PASS redis-outage  requests=1200 failed=3 lostJobs=0 ...`. */
export function formatResult(result: DrillResult): string {
  const figures = Object.entries(result.figures)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  return `${result.passed ? 'PASS' : 'FAIL'} ${result.name.padEnd(16)} ${figures}`;
}
