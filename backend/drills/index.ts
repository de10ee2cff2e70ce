/**
 * `npm run drill [-- name ...] [-- --short]`: each drill in turn (or those named), one line of
 * figures each; exit 1 if any drill's figures break its promise.
 */
import type { Drill } from './drill.js';
import { formatResult } from './drill.js';

const DRILLS: Record<string, () => Promise<Drill>> = {
  'redis-outage': async () => (await import('./redisOutage.js')).redisOutageDrill,
  'postgres-restart': async () => (await import('./postgresRestart.js')).postgresRestartDrill,
  'rolling-restart': async () => (await import('./rollingRestart.js')).rollingRestartDrill,
  'sis-outage': async () => (await import('./sisOutage.js')).sisOutageDrill,
  'bad-input': async () => (await import('./badInput.js')).badInputDrill,
  'auth-attacks': async () => (await import('./authAttacks.js')).authAttacksDrill,
};

const args = process.argv.slice(2);
const short = args.includes('--short');
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((n) => !(n in DRILLS));
if (unknown.length > 0) {
  process.stderr.write(`Unknown drill: ${unknown.join(', ')}. Drills: ${Object.keys(DRILLS).join(', ')}\n`);
  process.exit(2);
}

let failed = 0;
for (const name of named.length > 0 ? named : Object.keys(DRILLS)) {
  const drill = await DRILLS[name]!();
  try {
    const result = await drill({ short });
    if (!result.passed) failed += 1;
    process.stdout.write(`${formatResult(result)}\n`);
  } catch (error) {
    failed += 1;
    process.stdout.write(`FAIL ${name.padEnd(16)} error=${JSON.stringify(String(error))}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
