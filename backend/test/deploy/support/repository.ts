/** Paths and small readers over the repository the deployment files live in. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}

export function readRepoFile(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

/** `.env.example` as name -> default value (commented-out lines are not defaults). */
export function envExampleDefaults(): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const line of readRepoFile('.env.example').split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) defaults.set(match[1]!, match[2]!);
  }
  return defaults;
}

/** Every variable `.env.example` names, including the commented-out ones. */
export function envExampleNames(): Set<string> {
  const names = new Set<string>();
  for (const line of readRepoFile('.env.example').split('\n')) {
    const match = /^#?\s?([A-Z][A-Z0-9_]*)=/.exec(line);
    if (match) names.add(match[1]!);
  }
  return names;
}

/**
 * How long the process may take to exit after SIGTERM, in seconds: it serves for the drain
 * delay, then `index.ts` bounds the rest by jobs + shutdown timeouts + 5 s.
 */
export function processExitBoundSeconds(setting: (name: string) => string | undefined): number {
  const ms = (name: string) => {
    const value = setting(name) ?? envExampleDefaults().get(name);
    if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${name} has no numeric value`);
    return Number(value);
  };
  const totalMs = ms('SHUTDOWN_DRAIN_DELAY_MS') + ms('JOBS_SHUTDOWN_TIMEOUT_MS') + ms('SHUTDOWN_TIMEOUT_MS');
  return totalMs / 1000 + 5;
}
