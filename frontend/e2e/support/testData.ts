/** Values journeys build their own data from, so no journey depends on another's. */
import { randomBytes } from 'node:crypto';

/** Letters only, so the name is valid and a search finds this student alone. */
export function uniqueName(prefix: string): string {
  const letters = [...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return `${prefix}${letters}`;
}

/** A calendar date a few days back: a prescription from then is active in any school time zone. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
