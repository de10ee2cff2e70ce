/**
 * The environment for a child process: ours without vitest's own variables (and without
 * NODE_ENV, which vitest sets to "test"), plus what the child needs.
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key !== 'NODE_ENV' && !key.startsWith('VITEST')) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Keeps the last part of a child's output for error messages, without growing forever. */
export class OutputTail {
  private text = '';

  constructor(private readonly limit = 20_000) {}

  append(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.limit);
  }

  toString(): string {
    return this.text;
  }
}
