/**
 * `npm run bench [-- <section> ...] [--write]`: starts the real server on loopback over a fresh
 * database, loads a district (BENCH_STUDENTS, default 5,000), runs each section in turn and
 * prints one table: ours beside the bare library measured in the same run. A failing section
 * prints its error and the others still run (exit code 1). BENCHMARKS.md's table is rewritten
 * only after a full run with every section, or with --write.
 */
import { existsSync } from 'node:fs';
import { withTimeout } from '../src/startup/localProcess.js';
import { startBenchServer, type BenchServer } from './support/benchServer.js';
import type { BenchContext, BenchRow, BenchSection } from './support/context.js';
import { loadDistrict } from './support/district.js';
import { describeMachine } from './support/machine.js';
import { BENCHMARKS_FILE, formatTable, writeBenchmarksFile } from './support/table.js';

const SECTIONS = ['websocket', 'jobs', 'pdf', 'cache', 'api', 'health'];

const say = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith('--'));
const unknown = [
  ...named.filter((n) => !SECTIONS.includes(n)),
  ...args.filter((a) => a.startsWith('--') && a !== '--write'),
];
if (unknown.length > 0) {
  process.stderr.write(`Unknown: ${unknown.join(', ')}. Sections: ${SECTIONS.join(', ')}; option: --write\n`);
  process.exit(2);
}
const studentCount = Number(process.env.BENCH_STUDENTS ?? 5_000);
if (!Number.isInteger(studentCount) || studentCount < 100) {
  process.stderr.write(`BENCH_STUDENTS must be a whole number of at least 100\n`);
  process.exit(2);
}
const chosen = named.length > 0 ? SECTIONS.filter((s) => named.includes(s)) : SECTIONS;
/** A section is bounded by design; this only keeps a hung one from hanging the whole run. */
const SECTION_TIMEOUT_MS = Number(process.env.BENCH_SECTION_TIMEOUT_S ?? 300) * 1000;

/** A section's module, or null while its file does not exist yet. */
async function loadSection(name: string): Promise<BenchSection | null> {
  if (!existsSync(new URL(`./sections/${name}.ts`, import.meta.url))) return null;
  const module = (await import(`./sections/${name}.js`)) as Record<string, BenchSection | undefined>;
  const section = module[`${name}Section`];
  if (!section) throw new Error(`sections/${name}.ts exports no ${name}Section`);
  return section;
}

/** Ctrl-C or SIGTERM: stop the servers and drop the database before leaving. */
function cleanUpOnSignal(server: BenchServer): void {
  let leaving = false;
  const leave = (signal: NodeJS.Signals) => {
    if (leaving) return;
    leaving = true;
    say(`\n${signal}: stopping the servers and removing the bench database...`);
    void server.close().finally(() => process.exit(130));
  };
  process.on('SIGINT', leave);
  process.on('SIGTERM', leave);
}

interface Outcome {
  rows: BenchRow[];
  failed: string[];
  skipped: string[];
  times: Array<[string, number]>;
}

async function runSections(server: BenchServer, context: BenchContext): Promise<Outcome> {
  const outcome: Outcome = { rows: [], failed: [], skipped: [], times: [] };
  for (const name of chosen) {
    if (server.app.child.exitCode !== null || server.app.child.signalCode !== null) {
      say(`\n${name}: not run, the server has exited:\n${server.app.output()}`);
      outcome.failed.push(name);
      continue;
    }
    const started = performance.now();
    try {
      const section = await loadSection(name);
      if (!section) {
        say(`\n${name}: skipped, bench/sections/${name}.ts does not exist yet`);
        outcome.skipped.push(name);
        continue;
      }
      say(`\n${name}: running...`);
      const rows = await withTimeout(section.run(context), SECTION_TIMEOUT_MS, `section ${name}`);
      outcome.rows.push(...rows);
      say(`${name} (${seconds(performance.now() - started)}):\n${formatTable(rows)}`);
    } catch (error) {
      outcome.failed.push(name);
      say(
        `${name} FAILED after ${seconds(performance.now() - started)}: ${(error as Error).stack ?? String(error)}`,
      );
    } finally {
      // A section's replicas must not run (and take jobs) during the next section.
      await server.stopReplicas();
      outcome.times.push([name, performance.now() - started]);
    }
  }
  return outcome;
}

const runStarted = performance.now();
let server: BenchServer;
try {
  server = await startBenchServer();
} catch (error) {
  process.stderr.write(`The bench server did not start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
cleanUpOnSignal(server);
// A section's stray promise must not end the run before the cleanup; it still fails the run.
let unhandledRejections = 0;
process.on('unhandledRejection', (reason) => {
  unhandledRejections += 1;
  say(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);
});

let outcome: Outcome = { rows: [], failed: ['district'], skipped: [], times: [] };
let machine = '';
let sectionsMs = 0;
try {
  say(`Server ready in ${seconds(server.startMs)} (migrated an empty database); log: ${server.app.logFile}`);
  machine = await describeMachine(server.env);
  say(`Machine: ${machine}`);
  const loaded = await loadDistrict(server, studentCount);
  await server.clearCache();
  say(
    `District of ${studentCount} students loaded in ${seconds(loaded.totalMs)}: organization and admin ` +
      `by the CLI ${seconds(loaded.cliMs)}, records inserted ${seconds(loaded.insertMs)}, ` +
      `checked through the API ${seconds(loaded.checkMs)}`,
  );
  const context: BenchContext = {
    env: server.env,
    app: server.app,
    logFile: server.app.logFile!,
    district: loaded.district,
    startReplica: () => server.startReplica(),
  };
  outcome = await runSections(server, context);
  sectionsMs = performance.now() - runStarted;
} catch (error) {
  say(`The bench stopped: ${(error as Error).stack ?? String(error)}`);
} finally {
  await server.close().catch((error: unknown) => say(`Cleaning up failed: ${String(error)}`));
}

say(`\n${formatTable(outcome.rows)}\n`);
say(outcome.times.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', '));
say(`Total ${seconds(performance.now() - runStarted)}`);

const errors = await server.loggedErrors();
say(
  `Server log: ${errors.length} unexpected errors or lines at level >= 50 (${server.logFiles().join(', ')})`,
);
for (const line of errors.slice(0, 5)) say(`  ${line.slice(0, 300)}`);

const complete = outcome.failed.length === 0 && outcome.skipped.length === 0 && named.length === 0;
if (outcome.rows.length > 0 && (complete || args.includes('--write'))) {
  writeBenchmarksFile(outcome.rows, { date: new Date(), machine, totalMs: sectionsMs });
  say(`Table written to ${BENCHMARKS_FILE}`);
} else {
  say(`${BENCHMARKS_FILE} not written (only after a full run with every section, or with --write)`);
}
if (outcome.failed.length > 0) say(`Failed: ${outcome.failed.join(', ')}`);
if (unhandledRejections > 0) say(`Unhandled rejections: ${unhandledRejections}`);
process.exit(outcome.failed.length > 0 || errors.length > 0 || unhandledRejections > 0 ? 1 : 0);
