/**
 * docker-compose.yml: valid for Compose (v2 `docker compose`, or v1 `docker-compose`, which
 * .ci/run installs) and keeping what it promises. Compose needs the `.env` the app reads,
 * which a fresh clone lacks: the check runs in a scratch folder with `.env.example` as `.env`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envExampleDefaults, processExitBoundSeconds, repoPath } from './support/repository.js';

const workdir = mkdtempSync(path.join(tmpdir(), 'wc-compose-'));
copyFileSync(repoPath('docker-compose.yml'), path.join(workdir, 'docker-compose.yml'));
copyFileSync(repoPath('.env.example'), path.join(workdir, '.env'));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

function composeCommand(): string[] {
  for (const candidate of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(candidate[0]!, [...candidate.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  throw new Error(
    'Neither `docker compose` nor `docker-compose` is installed: `sudo apt-get install -y docker-compose` ' +
      '(.ci/run installs it).',
  );
}

const compose = composeCommand();

function runCompose(...args: string[]): string {
  const result = spawnSync(compose[0]!, [...compose.slice(1), ...args], { cwd: workdir, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${compose.join(' ')} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string | null>;
  volumes?: ({ source?: string; target: string; type?: string } | string)[];
  depends_on?: Record<string, { condition: string }>;
  ports?: ({ published: string | number; target: number } | string)[];
  profiles?: string[];
  healthcheck?: unknown;
  stop_grace_period?: string;
}

let resolvedConfig: { services: Record<string, Service> } | undefined;
/** The configuration as Compose resolves it (.env merged in), read once. */
const resolved = () =>
  (resolvedConfig ??= parse(runCompose('--profile', 'replicas', 'config')) as {
    services: Record<string, Service>;
  });

function mountTargets(service: Service): string[] {
  return (service.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[1]! : v.target));
}

function publishedPorts(service: Service): string[] {
  return (service.ports ?? []).map((p) => (typeof p === 'string' ? p : String(p.published)));
}

function seconds(duration: string | undefined): number {
  const match = /^(\d+)(s|m)$/.exec(duration ?? '');
  if (!match) throw new Error(`unreadable duration ${duration}`);
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}

describe('docker-compose.yml', () => {
  it('passes `config -q`', () => {
    expect(runCompose('config', '-q')).toBe('');
  });

  it('keeps PostgreSQL 16+ and Redis 7 data in volumes, Redis with AOF and noeviction', () => {
    const { postgres, redis } = resolved().services;
    expect(Number(/^postgres:(\d+)/.exec(postgres!.image ?? '')?.[1])).toBeGreaterThanOrEqual(16);
    expect(mountTargets(postgres!)).toContain('/var/lib/postgresql/data');
    expect(redis!.image).toMatch(/^redis:7/);
    expect(mountTargets(redis!)).toContain('/data');
    const command = [redis!.command ?? []].flat().join(' ');
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(postgres!.healthcheck).toBeDefined();
    expect(redis!.healthcheck).toBeDefined();
  });

  it('starts the app from .env once PostgreSQL and Redis are healthy', () => {
    const { app } = resolved().services;
    expect(app!.build).toBeDefined();
    // The value only .env could have supplied.
    expect(app!.environment?.JWT_SECRET).toBe(envExampleDefaults().get('JWT_SECRET'));
    expect(app!.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(app!.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(app!.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(app!.depends_on?.redis?.condition).toBe('service_healthy');
  });

  it('gives the app longer to stop than its own shutdown bound', () => {
    const { app } = resolved().services;
    const env = app!.environment ?? {};
    expect(seconds(app!.stop_grace_period)).toBeGreaterThan(
      processExitBoundSeconds((name) => env[name] ?? undefined),
    );
  });

  it('has a second replica behind the "replicas" profile, on another host port', () => {
    const services = resolved().services;
    const second = services['app-2']!;
    expect(second.profiles).toEqual(['replicas']);
    expect(second.environment).toEqual(services.app!.environment);
    expect(second.depends_on?.app?.condition).toBe('service_healthy');
    const firstPorts = publishedPorts(services.app!);
    for (const port of publishedPorts(second)) expect(firstPorts).not.toContain(port);
  });
});
