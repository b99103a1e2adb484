// Declarative rules a style maintainer writes in YAML, no code: existence (flag phrases),
// substitution (phrase -> preferred, with fix) and conditional (X requires Y earlier), as
// Vale's checks of the same names; rules loaded from a Vale style run with Vale's own
// semantics. This is the one compile path for both: every check compiles from one context
// shape to one check shape (custom/vale-common.ts), picked from the one table below. Patterns
// run on RE2 (re2js): linear time, so no pattern can hang the desk. Compiled once per config; pure.

import type { NewsDocument } from './document.js';
import type { CustomRuleSpec, Finding } from './types.js';
import type { ScopeUnit } from './custom/scopes.js';
import { ValeRuleError, type CheckContext, type CheckFn, type RuleContext } from './custom/vale-common.js';
import type { ValeCheck } from './custom/vale-spec.js';
import { compileConditional, compileExistence, compileSubstitution } from './custom/native-rules.js';
import { compileValeConditional, compileValeExistence, compileValeSubstitution, valeContext, valeFilters } from './custom/vale-rules.js';
import { compileConsistency, compileMetric, compileOccurrence, compileRepetition } from './custom/vale-more.js';
import { compileCapitalization } from './custom/vale-capitalization.js';

export type { CustomRuleKind, CustomRuleSpec } from './types.js';
export { compilePattern } from './custom/native-rules.js';

/** A custom rule's matcher: the findings it makes in a draft. The catalogue (catalogue.ts) wraps it as a rule. */
export interface CompiledCustomRule {
  spec: CustomRuleSpec;
  check(doc: NewsDocument): Finding[];
}

/** Every check a custom rule can run: Copydesk's own kinds, and Vale's checks (the three shared names with Vale's semantics). */
const NATIVE: Record<string, (ctx: CheckContext) => CheckFn> = {
  existence: compileExistence,
  substitution: compileSubstitution,
  conditional: compileConditional,
};
const VALE: Record<ValeCheck, (ctx: RuleContext) => CheckFn> = {
  existence: compileValeExistence,
  substitution: compileValeSubstitution,
  conditional: compileValeConditional,
  occurrence: compileOccurrence,
  repetition: compileRepetition,
  consistency: compileConsistency,
  capitalization: compileCapitalization,
  metric: compileMetric,
};

/** Compiles a rule of either dialect; a Vale rule whose pattern cannot run throws ValeRuleError. */
export function compileCustomRule(spec: CustomRuleSpec): CompiledCustomRule {
  const vale = spec.vale;
  if (vale) {
    const compile = Object.hasOwn(VALE, vale.check) ? VALE[vale.check] : undefined;
    if (!compile) throw new ValeRuleError('extends', `no check type "${vale.check}"`);
    return { spec, check: valeFilters(vale, compile(valeContext(spec, vale))) };
  }
  const compile = Object.hasOwn(NATIVE, spec.kind) ? NATIVE[spec.kind] : undefined;
  if (!compile) throw new Error(`internal: ${spec.kind} is a Vale check; it needs the rule's Vale fields`);
  return { spec, check: compile(nativeContext(spec)) };
}

/** A Copydesk rule reads whole prose blocks of its scope (body, headline or all); a finding maps straight back to the source. */
function nativeContext(spec: CustomRuleSpec): CheckContext {
  return {
    spec,
    units(doc) {
      const blocks = spec.scope === 'body' ? doc.body : spec.scope === 'headline' ? (doc.headline ? [doc.headline.block] : []) : doc.blocks;
      return blocks.map((block): ScopeUnit => ({ text: block.text, toSource: (i) => block.map.toSource(i), toSourceEnd: (i) => block.map.toSourceEnd(i), block, source: doc.source }));
    },
    finding: (unit, start, end, message) => ({ rule: spec.id, severity: spec.severity, start: unit.toSource(start), end: unit.toSourceEnd(end), message }),
  };
}
