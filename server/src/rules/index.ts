// The rule registry: every rule Copydesk knows, in the order they run.

import type { RuleDefinition } from './rule.js';
import { dateline } from './dateline.js';
import { quoteAttribution } from './quote-attribution.js';
import { acronymFirstUse } from './acronym-first-use.js';
import { terms } from './terms.js';
import { acronymConsistency } from './acronym-consistency.js';
import { quoteBalance } from './quote-balance.js';
import { residue } from './residue.js';
import { attributionVerb } from './attribution-verb.js';
import { dateFormat } from './date-format.js';
import { numbers } from './numbers.js';
import { headline } from './headline.js';
import { nameConsistency } from './name-consistency.js';
import { secondReference } from './second-reference.js';
import { capitalisationConsistency } from './capitalisation-consistency.js';
import { hyphenationConsistency } from './hyphenation-consistency.js';
import { spellingConsistency } from './spelling-consistency.js';

export const RULES: readonly RuleDefinition[] = [
  dateline,
  quoteAttribution,
  acronymFirstUse,
  terms,
  acronymConsistency,
  quoteBalance,
  residue,
  attributionVerb,
  dateFormat,
  numbers,
  headline,
  nameConsistency,
  secondReference,
  capitalisationConsistency,
  hyphenationConsistency,
  spellingConsistency,
];

export function findRule(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}
