/**
 * A small Dockerfile reader for the tests (no engine runs here to build it): instructions per
 * stage, with line continuations joined, comments dropped and global ARG defaults substituted
 * into FROM.
 */
import path from 'node:path';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  name: string | undefined;
  image: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = '';
  }
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const entry of logical) {
    const match = /^(\w+)\s*(.*)$/s.exec(entry);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const args = match[2]!;
    const current = stages.at(-1);
    if (keyword === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`unreadable FROM: ${args}`);
      const image = from[1]!.replace(/\$\{?(\w+)\}?/g, (_, name: string) => globalArgs.get(name) ?? '');
      stages.push({ name: from[2], image, instructions: [] });
    } else if (!current && keyword === 'ARG') {
      const [name, value = ''] = args.split('=', 2);
      globalArgs.set(name!.trim(), value.trim());
    } else if (current) {
      current.instructions.push({ keyword, args });
    }
  }
  return stages;
}

export function instructions(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** `KEY=value KEY2="value"` pairs of every ENV in the stage. */
export function stageEnv(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const args of instructions(stage, 'ENV')) {
    for (const pair of args.matchAll(/(\w+)=("[^"]*"|\S+)/g))
      env.set(pair[1]!, pair[2]!.replace(/^"|"$/g, ''));
  }
  return env;
}

export interface Copy {
  fromStage: string | undefined;
  sources: string[];
  /** Absolute path in the image. */
  destination: string;
}

/** Every COPY with its destination resolved against the WORKDIR in force at that point. */
export function stageCopies(stage: Stage): Copy[] {
  let workdir = '/';
  const copies: Copy[] = [];
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'WORKDIR') workdir = path.posix.resolve(workdir, args);
    if (keyword !== 'COPY') continue;
    const words = args.split(/\s+/);
    const flags = words.filter((w) => w.startsWith('--'));
    const paths = words.filter((w) => !w.startsWith('--'));
    const fromFlag = flags.find((f) => f.startsWith('--from='));
    const destination = path.posix.resolve(workdir, paths.at(-1)!);
    copies.push({ fromStage: fromFlag?.slice('--from='.length), sources: paths.slice(0, -1), destination });
  }
  return copies;
}

/** The WORKDIR the stage ends with (where CMD runs). */
export function finalWorkdir(stage: Stage): string {
  return instructions(stage, 'WORKDIR').reduce((dir, next) => path.posix.resolve(dir, next), '/');
}

/** The JSON (exec) form of CMD/HEALTHCHECK arguments; shell form answers undefined. */
export function execForm(args: string): string[] | undefined {
  const json = args.slice(args.indexOf('['));
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}
