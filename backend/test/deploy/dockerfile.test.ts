/**
 * No container engine runs where these tests run, so the image is checked by reading the
 * Dockerfile: its stages, what the runtime stage copies and runs, and that everything the
 * backend loads at run time survives `npm ci --omit=dev`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  execForm,
  finalWorkdir,
  instructions,
  parseDockerfile,
  stageCopies,
  stageEnv,
} from './support/dockerfile.js';
import { readRepoFile, repoPath } from './support/repository.js';
import { runtimePackages } from './support/runtimeImports.js';

const stages = parseDockerfile(readRepoFile('Dockerfile'));
const build = stages[0]!;
const runtime = stages.at(-1)!;
const backendPackage = JSON.parse(readRepoFile('backend', 'package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('Dockerfile', () => {
  it('builds in one stage and runs from another, both on slim Node 20', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.name).toBeDefined();
    for (const stage of [build, runtime]) expect(stage.image).toMatch(/^node:20(\.\d+){0,2}-\w+-slim$/);
    expect(instructions(build, 'RUN').join('\n')).toMatch(/npm ci\b/);
    expect(instructions(build, 'RUN').join('\n')).toMatch(/npm run build -w frontend/);
  });

  it('installs production dependencies only and sets NODE_ENV=production', () => {
    expect(stageEnv(runtime).get('NODE_ENV')).toBe('production');
    const installs = instructions(runtime, 'RUN').filter((run) => /npm ci\b/.test(run));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/--omit=dev/);
  });

  it('runs as a numeric non-root user, so Kubernetes runAsNonRoot can verify it', () => {
    const user = instructions(runtime, 'USER').at(-1);
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user!.split(':')[0])).toBeGreaterThan(0);
  });

  it('checks its health on /health/live with Node (slim images have no curl)', () => {
    const [healthcheck] = instructions(runtime, 'HEALTHCHECK');
    const command = execForm(healthcheck ?? '');
    expect(command?.[0]).toBe('node');
    expect(command?.join(' ')).toContain('/health/live');
    expect(instructions(runtime, 'EXPOSE')).toEqual([String(3001)]);
  });

  it('starts the backend the way `npm start -w backend` does, from sources it copied', () => {
    const command = execForm(instructions(runtime, 'CMD').at(-1) ?? '');
    expect(command?.join(' ')).toBe(backendPackage.scripts.start);
    const entry = path.posix.resolve(finalWorkdir(runtime), command!.at(-1)!);
    // The deepest COPY destination holding the entry file is the one that brought it.
    const copied = stageCopies(runtime)
      .filter((copy) => !copy.fromStage && entry.startsWith(`${copy.destination}/`))
      .sort((a, b) => b.destination.length - a.destination.length)[0];
    expect(copied, `${entry} is copied into the image`).toBeDefined();
    const relative = path.posix.relative(copied!.destination, entry);
    expect(existsSync(repoPath(copied!.sources[0]!, relative))).toBe(true);
  });

  it('serves the SPA the build stage compiled', () => {
    const spa = stageCopies(runtime).find((copy) => copy.fromStage === build.name);
    expect(spa?.sources).toEqual(['/app/frontend/dist']);
    expect(stageEnv(runtime).get('SPA_DIST_DIR')).toBe(spa?.destination);
  });

  it('keeps build output, dependencies and local secrets out of the build context', () => {
    const ignored = readRepoFile('.dockerignore').split('\n');
    for (const pattern of [
      '**/node_modules',
      '**/dist',
      '**/.data',
      '**/coverage',
      '**/*.log',
      '**/.env',
      '.git',
    ]) {
      expect(ignored).toContain(pattern);
    }
  });
});

describe('runtime dependencies', () => {
  it('lists every package backend/src loads at run time under "dependencies"', () => {
    const loaded = runtimePackages(repoPath('backend', 'src'));
    expect(loaded.size).toBeGreaterThan(10);
    const missing = [...loaded].filter(([name]) => !(name in backendPackage.dependencies));
    expect(missing, 'imported at run time but not a production dependency').toEqual([]);
    // The image's CMD loads tsx itself.
    expect(backendPackage.dependencies).toHaveProperty('tsx');
  });
});
