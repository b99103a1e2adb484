// Vale's occurrence, repetition, consistency and metric checks, as Vale's documentation
// describes them: counts of a token per scope, a token repeated back to back, two spellings
// mixed in one draft, a formula over the draft. Capitalization: vale-capitalization.ts;
// custom-rules.ts picks the compiler.

import type { Finding } from '../types.js';
import type { NewsDocument } from '../document.js';
import { formatMessage, mustRegex, ValeRuleError, type RuleContext, type ValeCheckFn } from './vale-common.js';
import type { ScopeUnit } from './scopes.js';
import { PLACEHOLDER } from '../prose.js';
import { actionFixes } from './vale-actions.js';
import { evaluateMetric, metricVariables } from './vale-metric.js';

export function compileOccurrence(ctx: RuleContext): ValeCheckFn {
  const { spec, vale } = ctx;
  const re = mustRegex(vale.pattern, spec.ignoreCase, 'token');
  return (doc) => {
    const findings: Finding[] = [];
    for (const unit of ctx.units(doc)) {
      // Vale counts the text of inline code too, but does not point at a match inside it.
      const { text, code, index } = withCodeText(unit);
      const spans: [number, number][] = [];
      re.each(text, (s, e) => spans.push([s, e]));
      const n = spans.length;
      if ((vale.max > 0 && n > vale.max) || (vale.min > 0 && n < vale.min)) {
        // Zero matches leave nothing to point at: Vale reports the start of the scope.
        const [s, e] = n === 0 ? [0, 0] : spans.find(([a]) => !code[a]) ?? spans[0];
        const start = n === 0 ? 0 : index[s];
        const end = n === 0 ? Math.min(1, unit.text.length) : index[e - 1] + 1;
        findings.push(ctx.finding(unit, start, end, spec.message));
      }
    }
    return findings;
  };
}

/** A unit's text with each inline code span's content in place of its placeholder. */
function withCodeText(unit: ScopeUnit): { text: string; code: boolean[]; index: number[] } {
  if (!unit.text.includes(PLACEHOLDER)) return { text: unit.text, code: [], index: [...unit.text].map((_, i) => i) };
  let text = '';
  const code: boolean[] = [];
  const index: number[] = [];
  for (let i = 0; i < unit.text.length; i++) {
    const content = unit.text[i] === PLACEHOLDER ? codeSpanAt(unit.source, unit.toSource(i)) : null;
    const piece = content ?? unit.text[i];
    for (let k = 0; k < piece.length; k++) {
      code.push(content !== null);
      index.push(i);
    }
    text += piece;
  }
  return { text, code, index };
}

/** The content of the inline code span opening at source offset at, as CommonMark reads it; else null. */
function codeSpanAt(source: string, at: number): string | null {
  const fence = /^`+/.exec(source.slice(at, at + 20))?.[0];
  if (!fence) return null;
  const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
  close.lastIndex = at + fence.length;
  const m = close.exec(source);
  if (!m) return null;
  const content = source.slice(at + fence.length, m.index).replace(/\r?\n/g, ' ');
  return /^ .*[^ ].* $/.test(content) ? content.slice(1, -1) : content;
}

/** Vale's usual repetition token, "any run of non-space": RE2's \s is ASCII white space only. */
const NON_SPACE = /^\((?:\[\^\\s\]\+|\\S\+)\)$/;

export function compileRepetition(ctx: RuleContext): ValeCheckFn {
  const { spec, vale } = ctx;
  const regex = mustRegex(vale.pattern, spec.ignoreCase, 'tokens');
  // The common token needs no regex engine: the same runs, found by a native scan.
  const native = NON_SPACE.test(vale.pattern);
  const re = native
    ? { each: (text: string, fn: (s: number, e: number) => void) => { for (const m of text.matchAll(/[^\t\n\f\r ]+/g)) fn(m.index ?? 0, (m.index ?? 0) + m[0].length); } }
    : regex;
  return (doc) => {
    const findings: Finding[] = [];
    for (const unit of ctx.units(doc)) {
      let prev = '';
      let prevStart = 0;
      let count = 0;
      re.each(unit.text, (start, end) => {
        const curr = unit.text.slice(start, end).trim();
        let hit = curr !== '' && curr.length === prev.length && (curr === prev || (spec.ignoreCase && curr.toLowerCase() === prev.toLowerCase()));
        // Only white space may stand between the two (always so between runs of non-space).
        hit &&= native || /^\s+$/.test(unit.text.slice(prevStart + prev.length, start));
        hit &&= !vale.alpha || /^\p{L}+$/u.test(curr);
        if (hit) count++;
        else count = 0;
        if (hit && count > vale.max) {
          findings.push(ctx.finding(unit, prevStart, end, formatMessage(spec.message, curr), actionFixes(vale.action, unit, prevStart, end, [])));
        }
        prev = curr;
        prevStart = start;
      });
    }
    return findings;
  };
}

export function compileConsistency(ctx: RuleContext): ValeCheckFn {
  const { spec, vale } = ctx;
  const pairs = vale.either.map(([a, b]) => mustRegex(vale.nonword ? `(?:(${a})|(${b}))` : `\\b(?:(${a})|(${b}))\\b`, spec.ignoreCase, 'either'));
  return (doc) => {
    const findings: Finding[] = [];
    // Which spellings of each pair the draft has used so far, scope by scope.
    const seen = pairs.map(() => new Set<number>());
    for (const unit of ctx.units(doc)) {
      pairs.forEach((re, k) => {
        let last: [number, number] | null = null;
        re.each(unit.text, (start, end, group) => {
          seen[k].add(group(1) !== null ? 1 : 2);
          last = [start, end];
        });
        // Vale reports a scope once, once both spellings have appeared: the text of its last
        // match, placed where that text first stands in the scope.
        if (!last || seen[k].size < 2) return;
        const [s, e] = last as [number, number];
        const found = unit.text.slice(s, e);
        const at = unit.text.indexOf(found);
        findings.push(ctx.finding(unit, at, at + found.length, formatMessage(spec.message, found)));
      });
    }
    return findings;
  };
}

export function compileMetric(ctx: RuleContext): ValeCheckFn {
  const { spec, vale } = ctx;
  const condition = /^\s*(>=|<=|==|!=|>|<)\s*(-?[\d.]+)\s*$/.exec(vale.condition);
  if (!condition) throw new ValeRuleError('condition', `the metric condition "${vale.condition}" is not a comparison such as "> 3"`);
  // An unknown variable or a syntax error in the formula is the rule's error, found at load time.
  const probe = evaluateMetric(vale.formula, null);
  if (typeof probe === 'string') throw new ValeRuleError('formula', probe);
  const limit = Number(condition[2]);
  const holds = (v: number): boolean => {
    switch (condition[1]) {
      case '>': return v > limit;
      case '<': return v < limit;
      case '>=': return v >= limit;
      case '<=': return v <= limit;
      case '==': return v === limit;
      default: return v !== limit;
    }
  };
  return (doc: NewsDocument) => {
    const value = evaluateMetric(vale.formula, metricVariables(doc));
    if (typeof value === 'string' || !Number.isFinite(value) || !holds(value)) return [];
    // A metric is about the whole draft: reported at its first character, as Vale does.
    const base = doc.hasBom ? 1 : 0;
    const unit = { text: doc.source.slice(base), toSource: (i: number) => i + base, toSourceEnd: (i: number) => i + base, block: null, source: doc.source };
    return [ctx.finding(unit, 0, Math.min(1, unit.text.length), formatMessage(spec.message, value.toFixed(2)))];
  };
}
