/** Immunization exemptions and student changes made through the API, as a nurse would. */
import type { Server } from '@hapi/hapi';
import { bearer, type TestOrganization } from './fixtures.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD in UTC, `days` from today: the server's calendar (todayUtc). */
export const utcDateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

export async function recordExemption(
  server: Server,
  org: TestOrganization,
  studentId: string,
  payload: { series: string; type?: string; expiresOn?: string | null },
): Promise<{ id: string; expiresOn: string | null }> {
  const res = await server.inject({
    method: 'POST',
    url: `/api/v1/students/${studentId}/immunization-exemptions`,
    headers: bearer(org.nurse),
    payload: { type: 'RELIGIOUS', ...payload },
  });
  if (res.statusCode !== 201) throw new Error(`exemption refused: ${res.statusCode} ${res.payload}`);
  return res.result as { id: string; expiresOn: string | null };
}

export async function updateStudent(
  server: Server,
  org: TestOrganization,
  studentId: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const res = await server.inject({
    method: 'PATCH',
    url: `/api/v1/students/${studentId}`,
    headers: bearer(org.nurse),
    payload,
  });
  if (res.statusCode !== 200) throw new Error(`student change refused: ${res.statusCode} ${res.payload}`);
}

/** Born on BORN_K6, this history completes every K-6 series (see the engine tests). */
export const BORN_K6 = '2015-03-10';
export const COMPLETE_K6_HISTORY: Array<[cvxCode: string, administeredOn: string]> = [
  ['20', '2015-05-10'],
  ['20', '2015-07-10'],
  ['20', '2015-09-10'],
  ['20', '2016-06-10'],
  ['20', '2019-03-15'],
  ['10', '2015-05-10'],
  ['10', '2015-07-10'],
  ['10', '2016-03-10'],
  ['10', '2019-03-15'],
  ['03', '2016-03-10'],
  ['03', '2019-03-15'],
  ['08', '2015-03-10'],
  ['08', '2015-05-10'],
  ['08', '2015-09-10'],
  ['21', '2016-03-10'],
  ['21', '2019-03-15'],
];
