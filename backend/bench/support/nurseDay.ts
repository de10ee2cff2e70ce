/**
 * A school nurse's day in the SPA, compressed: what her browser asks the server, in order.
 * The dashboard is her home screen, so she comes back to it after every visit and dose; a
 * visit is a search by name and the profile screen; a dose is the profile, the POST of the
 * administration and the profile's refresh. Most visits are her own caseload, a few regulars
 * most of all (the child with diabetes, the inhalers): weights 1/rank. Seeded, so every run
 * replays the same day.
 */
import type { BenchUser } from './context.js';

/** Simulated minutes from 08:00; the bench maps them onto the last hours of real time. */
export const DAY_MINUTES = 7 * 60;
const VISITS = 45;
const WALK_IN_SHARE = 0.15;
/**
 * The SPA keeps the compliance panel 5 min (getComplianceSummary's staleTime) and asks again
 * on the first dashboard after that; the other panels keep 30 s, shorter than a visit, so
 * every return to the dashboard asks them.
 */
const COMPLIANCE_STALE_MINUTES = 5;

export interface CaseStudent {
  id: string;
  lastName: string;
  /** The PRN prescription the replay doses, for the medicated part of the caseload. */
  prescriptionId?: string;
}

export type NurseAction =
  | { kind: 'dashboard'; withCompliance: boolean }
  | { kind: 'visit'; student: CaseStudent }
  | { kind: 'dose'; student: CaseStudent & { prescriptionId: string }; minute: number };

export interface NurseDay {
  nurse: BenchUser;
  actions: NurseAction[];
}

/** mulberry32: small, fast, good enough to pick students. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pickByRank(caseload: CaseStudent[], random: () => number): CaseStudent {
  const weights = caseload.map((_, rank) => 1 / (rank + 1));
  let left = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < caseload.length; i += 1) {
    left -= weights[i]!;
    if (left <= 0) return caseload[i]!;
  }
  return caseload[caseload.length - 1]!;
}

/**
 * One or two PRN doses per medicated student, a morning one and sometimes an afternoon one:
 * at least 60 minutes apart, the prescriptions' minimum interval.
 */
function doseTimes(random: () => number): number[] {
  const morning = 30 + Math.floor(random() * 150);
  return random() < 0.5 ? [morning] : [morning, 240 + Math.floor(random() * 150)];
}

export function planNurseDay(
  nurse: BenchUser,
  caseload: CaseStudent[],
  walkIns: CaseStudent[],
  random: () => number,
): NurseDay {
  const timed: Array<{ minute: number; action: NurseAction }> = [];
  for (let i = 0; i < VISITS; i += 1) {
    const walkIn = random() < WALK_IN_SHARE && walkIns.length > 0;
    const student = walkIn ? walkIns[Math.floor(random() * walkIns.length)]! : pickByRank(caseload, random);
    timed.push({ minute: Math.floor(random() * DAY_MINUTES), action: { kind: 'visit', student } });
  }
  for (const student of caseload) {
    const { prescriptionId } = student;
    if (!prescriptionId) continue;
    for (const minute of doseTimes(random)) {
      timed.push({ minute, action: { kind: 'dose', student: { ...student, prescriptionId }, minute } });
    }
  }
  timed.sort((a, b) => a.minute - b.minute);
  const actions: NurseAction[] = [{ kind: 'dashboard', withCompliance: true }];
  let complianceAsked = 0;
  for (const { minute, action } of timed) {
    const withCompliance = minute - complianceAsked >= COMPLIANCE_STALE_MINUTES;
    if (withCompliance) complianceAsked = minute;
    actions.push(action, { kind: 'dashboard', withCompliance });
  }
  return { nurse, actions };
}
