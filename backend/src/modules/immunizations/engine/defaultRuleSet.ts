/**
 * The rule set used when an organization has stored none. Checked against the same schema
 * as an uploaded one when the module loads, so a bad edit to the JSON fails at start-up.
 */
import defaultRules from '../rules/default.json' with { type: 'json' };
import { ruleSetSchema } from '../schemas.js';
import type { RuleSet } from './ruleSet.js';

function validated(rules: unknown): RuleSet {
  const { error, value } = ruleSetSchema.validate(rules, { abortEarly: false, allowUnknown: false });
  if (error) throw new Error(`rules/default.json is invalid: ${error.message}`);
  return Object.freeze(value as RuleSet);
}

export const DEFAULT_RULE_SET: RuleSet = validated(defaultRules);
