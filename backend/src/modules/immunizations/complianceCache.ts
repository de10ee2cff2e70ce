/**
 * The compliance summary in the cache (strategy table: report, 15 min). Every nurse's
 * dashboard asks for it and it evaluates every student of the organization, while what it
 * depends on changes rarely: immunizations, exemptions, the rule set and the roster (a
 * student's grade, school, birth date, enrollment). Each of those writes drops all of the
 * organization's summaries (every school, grade and date) once it has committed.
 */
import { CACHE_TTL, cacheKeys, type Cache } from '../../config/redis.js';
import type { Grade } from '../students/index.js';

export interface SummaryFilter {
  schoolId?: string;
  grade?: Grade;
  /** YYYY-MM-DD, already resolved (today by default): a new day is a new key. */
  asOf: string;
}

const family = (organizationId: string) => cacheKeys.report(organizationId, 'compliance');

export class ComplianceCache {
  constructor(private readonly cache: Cache) {}

  summary<T>(organizationId: string, filter: SummaryFilter, load: () => Promise<T>): Promise<T> {
    const member = `${filter.schoolId ?? 'all'}:${filter.grade ?? 'all'}:${filter.asOf}`;
    return this.cache.getOrLoadInFamily(family(organizationId), member, CACHE_TTL.report, load);
  }

  /** After a committed write that may change any student's compliance or group. */
  invalidate(organizationId: string): Promise<void> {
    return this.cache.invalidateFamily(family(organizationId), CACHE_TTL.report);
  }
}
