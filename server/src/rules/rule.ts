// The contract every rule file fulfils (metadata beside a check function), declared by the
// engine in engine/rule.ts: a rule reads the parsed NewsDocument and reports findings with
// source offsets; it never parses or does I/O. Rule files import it from here, with the
// option declarations more than one rule shares.

import type { OptionSpec } from '../engine/types.js';

export type { RuleContext, RuleDefinition } from '../engine/rule.js';

/** The `preferred` option of a consistency rule: the house forms that win when a story mixes them. */
export function preferredFormsOption(description: string): OptionSpec {
  return { type: 'string[]', default: [], description };
}
