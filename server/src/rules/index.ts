// The rule registry: every rule Copydesk knows, in the order they run.

import type { RuleDefinition } from './rule.js';
import { dateline } from './dateline.js';
import { quoteAttribution } from './quote-attribution.js';
import { acronymFirstUse } from './acronym-first-use.js';
import { terms } from './terms.js';

export const RULES: readonly RuleDefinition[] = [
  dateline,
  quoteAttribution,
  acronymFirstUse,
  terms,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

export function findRule(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}
