// The contract every rule file fulfils (metadata beside a check function), declared by the
// engine in engine/rule.ts: a rule reads the parsed NewsDocument and reports findings with
// source offsets; it never parses or does I/O. Rule files import it from here.

export type { RuleContext, RuleDefinition } from '../engine/rule.js';
