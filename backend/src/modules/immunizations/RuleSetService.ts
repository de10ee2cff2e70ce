/**
 * Which compliance rules an organization uses: its own stored rule set, else the default.
 * Saving one changes every student's status, so every cached profile and compliance summary
 * of the organization is dropped after the commit.
 */
import type { Sequelize, Transaction } from 'sequelize';
import { cacheKeys, type Cache } from '../../config/redis.js';
import type { Actor } from '../../infrastructure/http/actor.js';
import type { AuditService } from '../audit/index.js';
import type { ComplianceCache } from './complianceCache.js';
import { DEFAULT_RULE_SET } from './engine/defaultRuleSet.js';
import type { RuleSet } from './engine/ruleSet.js';
import type { RuleSetRowModel } from './models.js';

export type RuleSetSource = 'ORGANIZATION' | 'DEFAULT';

export interface ActiveRuleSet {
  source: RuleSetSource;
  ruleSet: RuleSet;
  updatedAt: Date | null;
}

const ENTITY = 'immunization-rule-set';

export class RuleSetService {
  constructor(
    private readonly RuleSetRow: RuleSetRowModel,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly cache: Cache,
    private readonly compliance: ComplianceCache,
  ) {}

  async activeFor(organizationId: string, transaction?: Transaction): Promise<ActiveRuleSet> {
    const row = await this.RuleSetRow.findByPk(organizationId, { transaction });
    if (!row) return { source: 'DEFAULT', ruleSet: DEFAULT_RULE_SET, updatedAt: null };
    return { source: 'ORGANIZATION', ruleSet: row.rules as RuleSet, updatedAt: row.updatedAt };
  }

  async get(actor: Actor): Promise<ActiveRuleSet> {
    return this.activeFor(actor.organizationId);
  }

  /** Replaces the organization's rule set (the caller has validated it against the schema). */
  async save(actor: Actor, ruleSet: RuleSet): Promise<ActiveRuleSet> {
    const saved = await this.sequelize.transaction(async (transaction) => {
      const [row] = await this.RuleSetRow.upsert(
        { organizationId: actor.organizationId, rules: ruleSet, updatedBy: actor.userId },
        { transaction, returning: true },
      );
      await this.audit().recordFor(
        actor,
        'immunization.rule-set.save',
        { type: ENTITY, id: actor.organizationId },
        { seriesCount: ruleSet.series.length },
        transaction,
      );
      return { source: 'ORGANIZATION' as const, ruleSet: row.rules as RuleSet, updatedAt: row.updatedAt };
    });
    await Promise.all([
      this.cache.invalidatePattern(cacheKeys.studentProfile(actor.organizationId, '*')),
      this.compliance.invalidate(actor.organizationId),
    ]);
    return saved;
  }
}
