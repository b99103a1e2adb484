// Vale's existence, substitution and conditional checks with Vale's own semantics: the one
// pattern built from raw + tokens, word boundaries unless nonword, swap keys longest first,
// exceptions as whole-match patterns, $n in suggestions, re-casing only with capitalize,
// fixes only where the rule names an action; and the context and filters every Vale check
// runs in. Other check types live in vale-more.ts; custom-rules.ts picks the compiler.

import type { CustomRuleSpec, Finding } from '../types.js';
import { compileRegex } from './regex.js';
import { parseSelector, placed, unitsOf, urlSpans } from './scopes.js';
import type { ValeSpec } from './vale-spec.js';
import { actionFixes } from './vale-actions.js';
import { exceptionTest, formatMessage, groupOffsets, mustRegex, type CheckFn, type RuleContext, type ValeCheckFn } from './vale-common.js';
import { PhraseTrie, asciiWordChar } from './phrase-trie.js';

/** The context a Vale check compiles in: the rule's scope selector, and findings placed where Vale puts them. */
export function valeContext(spec: CustomRuleSpec, vale: ValeSpec): RuleContext {
  const { selector } = parseSelector(vale.scope);
  selector.skip = vale.skipped ?? [];
  return {
    spec,
    vale,
    units: (doc) => unitsOf(doc, selector),
    finding(unit, start, end, message, fixes = []) {
      const f: Finding = { rule: spec.id, severity: spec.severity, start: placed(unit, start, end), end: unit.toSourceEnd(end), message };
      if (unit.block === null) f.raw = true;
      if (fixes.length === 1) f.fix = fixes[0];
      else if (fixes.length > 1) f.suggestions = fixes;
      return f;
    },
  };
}

/** What Vale does after any check: nothing inside a bare URL or an ignored span, and at most `limit` findings. */
export function valeFilters(vale: ValeSpec, run: CheckFn): CheckFn {
  const ignores = vale.ignores.map((p) => compileRegex(p, false, false)).flatMap((c) => (c.ok ? [c.re] : []));
  return (doc) => {
    // Vale reads a bare URL as a link target, not as prose: nothing is reported inside one.
    const urls = urlSpans(doc);
    let findings = run(doc).filter((f) => !urls.some(([s, e]) => f.start >= s && f.end <= e));
    if (ignores.length) {
      const spans: [number, number][] = [];
      for (const re of ignores) re.each(doc.source, (s, e) => spans.push([s, e]));
      findings = findings.filter((f) => !spans.some(([s, e]) => f.start < e && f.end > s));
    }
    return vale.limit > 0 ? findings.slice(0, vale.limit) : findings;
  };
}

/** A matcher giving (start, end) of each match: the rule's regex, or a trie for the plain words of a list. */
function existenceMatcher(spec: CustomRuleSpec, vale: ValeSpec): (text: string, fn: (start: number, end: number) => void) => void {
  const re = mustRegex(vale.pattern, spec.ignoreCase, 'tokens');
  if (vale.literals.length === 0) return (text, fn) => re.each(text, fn);
  // Same semantics as the regex: ASCII word boundaries, literal spaces, the first listed token wins.
  const trie = new PhraseTrie(vale.literals, spec.ignoreCase, { wordChar: asciiWordChar, exactSpace: true, prefer: 'first' });
  const rest = vale.rest ? mustRegex(vale.rest, spec.ignoreCase, 'tokens') : null;
  // The other tokens' plain stretches: a block holding none of them cannot match, and skips the regex.
  const hints = vale.rest ? literalHints(vale.rest, spec.ignoreCase) : null;
  if (!rest) {
    return (text, fn) => {
      for (const m of trie.findAll(text)) fn(m.start, m.end);
    };
  }
  return (text, fn) => {
    const found: [number, number][] = trie.findAll(text).map((m) => [m.start, m.end]);
    const folded = hints && spec.ignoreCase ? text.toLowerCase() : text;
    if (!hints || hints.some((h) => folded.includes(h))) {
      rest.each(text, (s, e) => found.push([s, e]));
      found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    }
    let last = -1;
    for (const [s, e] of found) {
      if (s < last) continue;
      fn(s, e);
      last = e;
    }
  };
}

/**
 * For `\b(?:a|b|c)\b` of tokens without groups or classes: a plain stretch each token must
 * contain (its longest run of letters and spaces not made optional). Null when any has none.
 */
function literalHints(pattern: string, ignoreCase: boolean): string[] | null {
  const body = /^\(\?m\)\\b\(\?:(.*)\)\\b$/.exec(pattern)?.[1];
  if (!body || /[()[\]\\]/.test(body)) return null;
  const hints: string[] = [];
  for (const token of body.split('|')) {
    // Drop a character a quantifier makes optional or repeatable, then keep the longest plain run.
    const runs = token.replace(/.[?*+]|\{[^}]*\}/g, '\0').split(/[^A-Za-z0-9 '-]/);
    const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (best.length < 3) return null;
    hints.push(ignoreCase ? best.toLowerCase() : best);
  }
  return hints;
}

export function compileValeExistence(ctx: RuleContext): ValeCheckFn {
  const { spec, vale } = ctx;
  const each = existenceMatcher(spec, vale);
  const excepted = exceptionTest(vale.exceptions);
  return (doc) => {
    const findings: Finding[] = [];
    for (const unit of ctx.units(doc)) {
      each(unit.text, (start, end) => {
        const found = unit.text.slice(start, end);
        if (excepted(found)) return;
        findings.push(ctx.finding(unit, start, end, formatMessage(spec.message, found), actionFixes(vale.action, unit, start, end, [])));
      });
    }
    return findings;
  };
}

/** Vale's `matchToken`: an expected text with a space is a pattern the found text may match; else they must be equal. */
function alreadyPreferred(expected: string, observed: string): boolean {
  if (!/\s/.test(expected)) return expected === observed;
  const compiled = compileRegex(`^(?:${expected})$`, false, false);
  return compiled.ok ? compiled.re.test(observed) : expected === observed;
}

/** $1, ${2}: the key's own groups, matched again on the text found; a missing group is empty. */
function expand(template: string, groups: (i: number) => string | null): string {
  return template.replace(/\$(?:\{(\d+)\}|(\d+))/g, (_, a: string | undefined, b: string | undefined) => groups(Number(a ?? b)) ?? '');
}

const capitalise = (s: string) => s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/** Vale's ToSentence: 'a' or 'b'; 'a', 'b' or 'c'. */
function toSentence(words: readonly string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  if (quoted.length <= 2) return quoted.join(' or ');
  quoted[quoted.length - 1] = `or ${quoted[quoted.length - 1]}`;
  return quoted.join(', ');
}

/** Vale drops the quotes around the first '%s' when it lists several suggestions itself. */
function unquoteFirst(message: string): string {
  for (const spec of ["'%s'", '"%s"']) if (message.split(spec).length - 1 === 2) return message.replace(spec, '%s');
  return message;
}

export function compileValeSubstitution(ctx: RuleContext): ValeCheckFn {
  const { spec, vale } = ctx;
  const keys = vale.swap.map(([from], k) => ({ from, to: vale.swap[k][1], re: mustRegex(`^(?:${from})$`, spec.ignoreCase, `swap key '${from}'`) }));
  // Where each key's own group sits once every key is wrapped in a group of its own.
  const groupIndex = groupOffsets(keys.map((key) => key.re.groupCount));
  const alternatives = keys.map((k) => `(${k.from})`).join('|');
  const pattern = keys.length === 0 ? '[^\\s\\S]' : vale.nonword ? `(?m)(?:${alternatives})` : `(?m)\\b(?:${alternatives})\\b`;
  const re = mustRegex(pattern, spec.ignoreCase, 'swap');
  const excepted = exceptionTest(vale.exceptions);
  const replace = vale.action?.name === 'replace';
  const message = replace && (vale.action?.params.length ?? 0) === 0 ? unquoteFirst(spec.message) : spec.message;
  return (doc) => {
    const findings: Finding[] = [];
    for (const unit of ctx.units(doc)) {
      re.each(unit.text, (_start, _end, group, groupStart) => {
        const k = groupIndex.findIndex((g) => group(g) !== null);
        if (k === -1) return;
        const raw = group(groupIndex[k])!;
        const start = groupStart(groupIndex[k]);
        const end = start + raw.length;
        const observed = raw.trim();
        const own = keys[k].re.first(observed);
        let expected = expand(keys[k].to, (i) => (own ? own.group(i) : null));
        if (vale.capitalize && /^\p{Lu}/u.test(observed)) expected = expected.split('|').map(capitalise).join('|');
        if (alreadyPreferred(expected, observed) || excepted(observed)) return;
        let shown = expected;
        let params: string[] = [];
        if (replace) {
          params = vale.action!.params.length ? vale.action!.params.map((p) => expand(p, (i) => (own ? own.group(i) : null))) : expected.split('|');
          if (vale.action!.params.length === 0) shown = toSentence(params);
        }
        const fixes = actionFixes(vale.action, unit, start, end, params);
        findings.push(ctx.finding(unit, start, end, formatMessage(message, shown, observed), fixes));
      });
    }
    return findings;
  };
}

export function compileValeConditional(ctx: RuleContext): ValeCheckFn {
  const { spec, vale } = ctx;
  const first = mustRegex(vale.swap[0]?.[0] ?? '', spec.ignoreCase, 'first');
  const second = mustRegex(vale.swap[0]?.[1] ?? '', spec.ignoreCase, 'second');
  const excepted = exceptionTest(vale.exceptions);
  return (doc) => {
    const findings: Finding[] = [];
    // Definitions seen so far in the draft: a block's own definitions count for the whole block.
    const defined = new Set<string>();
    for (const unit of ctx.units(doc)) {
      // Every group of `second` may hold the defined term (Vale reads them all).
      second.each(unit.text, (_s, _e, group) => {
        for (let g = 1; g <= second.groupCount; g++) {
          const key = group(g);
          if (key) defined.add(key);
        }
      });
      first.each(unit.text, (start, end) => {
        const found = unit.text.slice(start, end);
        if (defined.has(found) || excepted(found)) return;
        findings.push(ctx.finding(unit, start, end, formatMessage(spec.message, found)));
      });
    }
    return findings;
  };
}
