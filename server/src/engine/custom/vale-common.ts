// The one shape every custom check compiles to (CheckContext -> CheckFn), Copydesk's own kinds
// (native-rules.ts) and Vale's checks (vale-rules.ts, vale-more.ts) alike, and what they share:
// message filling, where each swap key's group sits, the error a Vale pattern that cannot run
// raises, and Vale's exception test. custom-rules.ts holds the one table of compilers.

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

/** A compiled check: the findings it makes in a draft. */
export type CheckFn = (doc: NewsDocument) => Finding[];
export type ValeCheckFn = CheckFn;

export function mustRegex(pattern: string, ignoreCase: boolean, key: string): Regex {
  const compiled = compileRegex(pattern, ignoreCase);
  if (!compiled.ok) throw new ValeRuleError(key, `the pattern under "${key}" cannot run: ${compiled.error}`);
  return compiled.re;
}

/** Vale's FormatMessage: each %s takes the next value in order. */
export function formatMessage(message: string, ...values: string[]): string {
  return fillMessage(message, values, null);
}

/**
 * Fills each "%s" with the next value, text found across a line break read as one line; a "%s"
 * with no value left stays as it is (`missing` null, as Vale does) or reads `missing`.
 */
export function fillMessage(message: string, values: readonly string[], missing: string | null): string {
  let i = 0;
  return message.replace(/%s/g, (spec) => (i < values.length ? values[i++].replace(/\s+/g, ' ') : missing ?? spec));
}

/** Where each alternative's own group sits once every one is wrapped in a group: `own` holds each one's inner group count. */
export function groupOffsets(own: readonly number[]): number[] {
  const at: number[] = [];
  let next = 1;
  for (const count of own) {
    at.push(next);
    next += 1 + count;
  }
  return at;
}

/** Vale's exception test: the exceptions, word-bounded and longest first, must match the whole text found. */
export function exceptionTest(exceptions: readonly string[]): (s: string) => boolean {
  if (exceptions.length === 0) return () => false;
  const sorted = [...exceptions].sort((a, b) => b.length - a.length);
  const re = mustRegex(`(?m)\\b(?:${sorted.join('|')})\\b`, false, 'exceptions');
  return (s) => re.first(s)?.start === 0 && re.first(s)?.end === s.length;
}

/** What a check compiler is given: the rule, the stretches of a draft it reads, and how a match becomes a finding. */
export interface CheckContext {
  spec: CustomRuleSpec;
  units(doc: NewsDocument): ScopeUnit[];
  finding(unit: ScopeUnit, start: number, end: number, message: string, fixes?: Fix[]): Finding;
}

/** A Vale check's context: the rule's Vale fields too. */
export interface RuleContext extends CheckContext {
  vale: ValeSpec;
}
