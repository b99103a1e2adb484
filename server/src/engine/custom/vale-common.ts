// What every Vale check shares: the compile context, the error a pattern that cannot run
// raises, Vale's message formatting and its exception test. vale-rules.ts (existence,
// substitution, conditional) and vale-more.ts (the other check types) both build on it.

import type { NewsDocument } from '../document.js';
import type { CustomRuleSpec, Finding, Fix } from '../types.js';
import { compileRegex, type Regex } from './regex.js';
import type { ScopeUnit } from './scopes.js';
import type { ValeSpec } from './vale-spec.js';

/** A pattern of a Vale rule that cannot run; `key` names the rule key it came from. */
export class ValeRuleError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

export type ValeCheckFn = (doc: NewsDocument) => Finding[];

export function mustRegex(pattern: string, ignoreCase: boolean, key: string): Regex {
  const compiled = compileRegex(pattern, ignoreCase);
  if (!compiled.ok) throw new ValeRuleError(key, `the pattern under "${key}" cannot run: ${compiled.error}`);
  return compiled.re;
}

/** Vale's FormatMessage: each %s takes the next value in order. */
export function formatMessage(message: string, ...values: string[]): string {
  let i = 0;
  return message.replace(/%s/g, (spec) => (i < values.length ? values[i++].replace(/\s+/g, ' ') : spec));
}

/** Vale's exception test: the exceptions, word-bounded and longest first, must match the whole text found. */
export function exceptionTest(exceptions: readonly string[]): (s: string) => boolean {
  if (exceptions.length === 0) return () => false;
  const sorted = [...exceptions].sort((a, b) => b.length - a.length);
  const re = mustRegex(`(?m)\\b(?:${sorted.join('|')})\\b`, false, 'exceptions');
  return (s) => re.first(s)?.start === 0 && re.first(s)?.end === s.length;
}

export interface RuleContext {
  spec: CustomRuleSpec;
  vale: ValeSpec;
  units(doc: NewsDocument): ScopeUnit[];
  finding(unit: ScopeUnit, start: number, end: number, message: string, fixes?: Fix[]): Finding;
}
