/**
 * The Redis cache. First, its hit rate over a replayed nurse day (support/nurseDay.ts): several
 * nurses at once, each her own browser, from a cold cache (08:00: nothing read yet), counted by
 * the app's own counters on GET /metrics. Every profile a nurse reads of her medicated students
 * is checked against the doses she has recorded: a stale profile is a failure, not a hit.
 * Second, the cache-aside read path's throughput against bare hapi doing one Redis GET of
 * the same JSON (support/cachedProfileRead.ts).
 */
import { Redis } from 'ioredis';
import { deleteKeysMatching } from '../../src/config/redisKeys.js';
import { startBareHapi } from '../support/baselineProcess.js';
import { runLoad } from '../support/autocannon.js';
import { countersSince, readCacheCounters } from '../support/cacheCounters.js';
import {
  CACHED_READ_CONNECTIONS,
  CACHED_READ_SECONDS,
  copyRedisValue,
  deleteRedisKey,
  measureCachedProfileRead,
} from '../support/cachedProfileRead.js';
import type { BenchContext, BenchRow, BenchSection, BenchUser } from '../support/context.js';
import {
  DAY_MINUTES,
  planNurseDay,
  seededRandom,
  type CaseStudent,
  type NurseDay,
} from '../support/nurseDay.js';

const NURSES = 4;
const CASELOAD = 30;
const MEDICATED = 10;
const WALK_IN_POOL = 300;
const DOSE = { dose: '10 mg', route: 'ORAL' };

interface ProfileMedication {
  id: string;
  dosesOnHand: number;
  lastAdministration: { id: string } | null;
}

/** What a nurse has recorded for a student, which every later read of the profile must show. */
interface Expected {
  prescriptionId: string;
  lastAdministrationId: string | null;
  dosesOnHand: number;
}

class Replay {
  requests = 0;
  doses = 0;
  complianceReads = 0;
  staleReads: string[] = [];
  /** Profile reads that must miss by design: a student's first, and the first after a dose. */
  firstReads = 0;
  readsAfterDose = 0;
  private readonly read = new Set<string>();
  private readonly dosed = new Set<string>();
  readonly expected = new Map<string, Expected>();
  private readonly dayStart = Date.now() - (DAY_MINUTES + 5) * 60_000;

  constructor(private readonly url: string) {}

  /** After the setup's reads (names, prescriptions): the day starts from here. */
  resetCounts(): void {
    this.requests = 0;
    this.complianceReads = 0;
    this.firstReads = 0;
    this.readsAfterDose = 0;
    this.read.clear();
  }

  async call<T>(nurse: BenchUser, path: string, body?: object): Promise<T> {
    this.requests += 1;
    const response = await fetch(`${this.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${nurse.token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${body ? 'POST' : 'GET'} ${path.split('?')[0]}: ${response.status}`);
    return (await response.json()) as T;
  }

  async dashboard(nurse: BenchUser, withCompliance: boolean): Promise<void> {
    const from = new Date();
    from.setHours(0, 0, 0, 0);
    const to = new Date(from.getTime() + 86_400_000 - 1);
    if (withCompliance) this.complianceReads += 1;
    const panels = [
      '/api/v1/alerts?status=open&limit=200',
      `/api/v1/appointments?from=${from.toISOString()}&to=${to.toISOString()}&pageSize=100`,
      '/api/v1/incidents?pageSize=5',
      '/api/v1/inventory?lowStock=true&pageSize=10',
      '/api/v1/inventory?expiringWithinDays=30&pageSize=10',
      ...(withCompliance ? ['/api/v1/immunizations/compliance'] : []),
    ];
    await Promise.all(panels.map((path) => this.call(nurse, path)));
  }

  /** The profile screen: the profile (checked), immunization status and Medicaid eligibility. */
  async profile(nurse: BenchUser, studentId: string): Promise<void> {
    if (!this.read.has(studentId)) this.firstReads += 1;
    else if (this.dosed.has(studentId)) this.readsAfterDose += 1;
    this.read.add(studentId);
    this.dosed.delete(studentId);
    const base = `/api/v1/students/${studentId}`;
    const [profile] = await Promise.all([
      this.call<{ medications?: ProfileMedication[] }>(nurse, base),
      this.call(nurse, `${base}/immunization-status`),
      this.call(nurse, `${base}/medicaid-eligibility`),
    ]);
    const expected = this.expected.get(studentId);
    if (!expected) return;
    const shown = profile.medications?.find((m) => m.id === expected.prescriptionId);
    const last = shown?.lastAdministration?.id ?? null;
    if (last !== expected.lastAdministrationId || shown?.dosesOnHand !== expected.dosesOnHand) {
      this.staleReads.push(`${studentId}: shows dose ${last} and ${shown?.dosesOnHand} on hand`);
    }
  }

  async dose(nurse: BenchUser, student: CaseStudent & { prescriptionId: string }, minute: number) {
    await this.profile(nurse, student.id);
    const administeredAt = new Date(this.dayStart + minute * 60_000).toISOString();
    const path = `/api/v1/students/${student.id}/medications/${student.prescriptionId}/administrations`;
    const given = await this.call<{ id: string }>(nurse, path, { status: 'GIVEN', ...DOSE, administeredAt });
    this.doses += 1;
    this.dosed.add(student.id);
    const expected = this.expected.get(student.id)!;
    expected.lastAdministrationId = given.id;
    expected.dosesOnHand -= 1;
    // The SPA refreshes the profile once the dose is recorded: it must show the dose.
    await this.profile(nurse, student.id);
  }

  async run(day: NurseDay): Promise<void> {
    for (const action of day.actions) {
      if (action.kind === 'dashboard') await this.dashboard(day.nurse, action.withCompliance);
      else if (action.kind === 'dose') await this.dose(day.nurse, action.student, action.minute);
      else {
        const term = encodeURIComponent(action.student.lastName);
        await this.call(day.nurse, `/api/v1/students?search=${term}`);
        await this.profile(day.nurse, action.student.id);
      }
    }
  }
}

async function caseStudents(replay: Replay, nurse: BenchUser, ids: string[]): Promise<CaseStudent[]> {
  return Promise.all(
    ids.map(async (id) => {
      const { lastName } = await replay.call<{ lastName: string }>(nurse, `/api/v1/students/${id}`);
      return { id, lastName };
    }),
  );
}

/** The formulary entry and a PRN prescription per medicated student, as a nurse enters them. */
async function prescribe(replay: Replay, nurse: BenchUser, students: CaseStudent[]): Promise<void> {
  const medication = await replay.call<{ id: string }>(nurse, '/api/v1/medications', {
    // Unique per run and nurse: the formulary refuses a second entry with the same identity.
    name: `Bench replay PRN ${nurse.id.slice(0, 8)} ${Date.now().toString(36)}`,
    form: 'TABLET',
    strength: DOSE.dose,
  });
  const startDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  for (const student of students) {
    const prescription = await replay.call<{ id: string; dosesOnHand: number }>(
      nurse,
      `/api/v1/students/${student.id}/medications`,
      {
        medicationId: medication.id,
        ...DOSE,
        prn: true,
        minIntervalMinutes: 60,
        startDate,
        prescriber: 'Dr. Bench',
        parentConsentOnFile: true,
        dosesOnHand: 50,
      },
    );
    student.prescriptionId = prescription.id;
    replay.expected.set(student.id, {
      prescriptionId: prescription.id,
      lastAdministrationId: null,
      dosesOnHand: prescription.dosesOnHand,
    });
  }
}

/** 08:00: nothing the day reads is in the cache yet. */
async function evict(ctx: BenchContext, studentIds: string[]): Promise<void> {
  const { keyPrefix, redisUrl } = ctx.env;
  const org = ctx.district.organizationId;
  const redis = new Redis(redisUrl, { keyPrefix });
  try {
    await redis.del(
      `cache:inventory:${org}`,
      ...studentIds.map((id) => `cache:student:${org}:${id}:profile`),
    );
    // Every compliance summary of the organization (each filter, date and generation).
    await deleteKeysMatching(redis, `cache:report:${org}:compliance:*`);
  } finally {
    redis.disconnect();
  }
}

/** Caseloads from the end of the district's list, walk-ins from its middle: apart from other sections' students. */
async function planDays(ctx: BenchContext, replay: Replay): Promise<NurseDay[]> {
  const { studentIds, nurses } = ctx.district;
  const team = nurses.slice(0, NURSES);
  if (team.length === 0) throw new Error('the district has no nurses');
  const middle = Math.floor(studentIds.length / 2);
  const walkIns = await caseStudents(replay, team[0]!, studentIds.slice(middle, middle + WALK_IN_POOL));
  const random = seededRandom(20_261_129);
  const days: NurseDay[] = [];
  for (const [k, nurse] of team.entries()) {
    const end = studentIds.length - k * CASELOAD;
    const caseload = await caseStudents(replay, nurse, studentIds.slice(end - CASELOAD, end));
    await prescribe(replay, nurse, caseload.slice(0, MEDICATED));
    days.push(planNurseDay(nurse, caseload, walkIns, random));
  }
  const read = new Set(
    days.flatMap((d) => d.actions.flatMap((a) => (a.kind === 'dashboard' ? [] : [a.student.id]))),
  );
  await evict(ctx, [...read]);
  return days;
}

async function hitRateRow(ctx: BenchContext): Promise<BenchRow> {
  const replay = new Replay(ctx.app.url);
  const days = await planDays(ctx, replay);
  replay.resetCounts();
  const before = await readCacheCounters(ctx.app.url);
  await Promise.all(days.map((day) => replay.run(day)));
  const counted = countersSince(before, await readCacheCounters(ctx.app.url));
  const lookups = counted.hits + counted.misses;
  const hitRate = lookups === 0 ? 0 : counted.hits / lookups;
  const stale = replay.staleReads.length;
  if (stale > 0) process.stderr.write(`Cache: stale profile reads:\n  ${replay.staleReads.join('\n  ')}\n`);
  return {
    section: 'Cache',
    metric: `hit rate, replayed nurse day from a cold cache (${days.length} nurses, ${replay.requests.toLocaleString('en-US')} requests, ${replay.complianceReads} compliance summaries, ${replay.doses} doses recorded)`,
    seedTarget: '> 80 %',
    ours: `${(hitRate * 100).toFixed(1)} % (${counted.hits}/${lookups}; misses: ${replay.firstReads} first reads of a profile, ${replay.readsAfterDose} re-reads after a dose, ${counted.misses - replay.firstReads - replay.readsAfterDose} other; ${stale} stale reads)`,
    raw: '',
    ratio: null,
    target: '>= 95 %, no stale read',
    met: hitRate >= 0.95 && stale === 0,
  };
}

async function readPathRow(ctx: BenchContext): Promise<BenchRow> {
  const cached = await measureCachedProfileRead(ctx);
  const copyKey = `${ctx.env.keyPrefix}bench:bare:profile`;
  await copyRedisValue(ctx.env.redisUrl, cached.medianProfileKey, copyKey);
  const bare = await startBareHapi(ctx.env.redisUrl, `${ctx.env.keyPrefix}bench:bare:`);
  try {
    const raw = await runLoad({
      url: `${bare.url}/redis/profile`,
      connections: CACHED_READ_CONNECTIONS,
      durationSeconds: CACHED_READ_SECONDS,
    });
    const ratio = cached.requestsPerSecond / raw.requestsPerSecond;
    const figure = (r: { requestsPerSecond: number; latencyP99: number }) =>
      `${Math.round(r.requestsPerSecond).toLocaleString('en-US')} req/s, p99 ${r.latencyP99} ms`;
    return {
      section: 'Cache',
      metric: `cache-aside read: cached GET /api/v1/students/{id}, ${CACHED_READ_CONNECTIONS} connections, ${CACHED_READ_SECONDS} s; raw: bare hapi + one Redis GET of the same ${cached.profileBytes.toLocaleString('en-US')} B JSON`,
      seedTarget: '',
      ours: figure(cached),
      raw: figure(raw),
      ratio,
      target: '>= 0.50',
      met: ratio >= 0.5,
    };
  } finally {
    await bare.stop();
    await deleteRedisKey(ctx.env.redisUrl, copyKey);
  }
}

export const cacheSection: BenchSection = {
  name: 'cache',
  async run(ctx: BenchContext) {
    return [await hitRateRow(ctx), await readPathRow(ctx)];
  },
};
