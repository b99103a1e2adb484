// Copydesk's own custom-rule kinds (existence, substitution, conditional as a style file's
// `custom:` writes them), compiled into the same check shape as Vale's checks (CheckContext ->
// CheckFn, vale-common.ts). Their semantics are Copydesk's: plain words on a Unicode-word trie,
// RE2 patterns, the preferred text re-cased like the text found, definitions counted from where
// they stand. custom-rules.ts picks the compiler; Vale's own checks are in vale-rules.ts.

import { RE2JS } from 're2js';
import type { Finding } from '../types.js';
import { PhraseTrie } from './phrase-trie.js';
import { matchCase } from '../text-case.js';
import { fillMessage, groupOffsets, type CheckContext, type CheckFn } from './vale-common.js';

/** Compiles a pattern or returns the engine's complaint (for config errors at the pattern's position). */
export function compilePattern(pattern: string, ignoreCase: boolean): { ok: true; re: RE2JS } | { ok: false; error: string } {
  try {
    return { ok: true, re: RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: message.replace(/^error parsing regexp: /, '') };
  }
}

function mustCompile(pattern: string, ignoreCase: boolean): RE2JS {
  const result = compilePattern(pattern, ignoreCase);
  if (!result.ok) throw new Error(`internal: unvalidated pattern ${pattern}: ${result.error}`);
  return result.re;
}

const wordBounded = (p: string) => `(?:^|\\b)(?:${p})(?:\\b|$)`;
const NEVER = '[^\\s\\S]';

type GroupReader = (i: number) => string | null;
type EachMatch = (start: number, end: number, group: GroupReader) => void;
/** Finds matches in prose; RE2 for the maintainer's patterns, a trie for plain phrases. */
interface TextMatcher {
  each(text: string, fn: EachMatch): void;
}

function re2Matcher(pattern: string, ignoreCase: boolean): TextMatcher {
  const re = mustCompile(pattern, ignoreCase);
  return {
    each(text, fn) {
      // The DFA-only test is far cheaper than a capturing search; most paragraphs never match.
      if (!re.test(text)) return;
      const m = re.matcher(text);
      while (m.find()) if (m.end() > m.start()) fn(m.start(), m.end(), (i) => m.group(i));
    },
  };
}

/**
 * Plain words and phrases need no regex at all: a trie finds them in time independent of
 * the list's length (a style may list 100,000 terms). The group reader answers for group
 * k+1 when phrase k matched, as a regex of one group per phrase would.
 */
function phraseMatcher(phrases: readonly string[], ignoreCase: boolean): TextMatcher {
  const trie = new PhraseTrie(phrases, ignoreCase);
  return {
    each(text, fn) {
      for (const m of trie.findAll(text)) fn(m.start, m.end, (i) => (i === 0 || i === m.phrase + 1 ? text.slice(m.start, m.end) : null));
    },
  };
}

/** Copydesk's messages: each "%s" takes the next value; one with no value left reads as nothing. */
const format = (message: string, ...values: string[]) => fillMessage(message, values, '');

export function compileExistence(ctx: CheckContext): CheckFn {
  const { spec } = ctx;
  const matchers = [
    ...(spec.words.length ? [phraseMatcher(spec.words, spec.ignoreCase)] : []),
    ...(spec.patterns.length ? [re2Matcher(spec.patterns.map((p) => `(?:${p})`).join('|'), spec.ignoreCase)] : []),
  ];
  return (doc) => {
    const findings: Finding[] = [];
    for (const unit of ctx.units(doc)) {
      const found: [number, number][] = [];
      for (const matcher of matchers) matcher.each(unit.text, (start, end) => found.push([start, end]));
      found.sort((a, b) => a[0] - b[0]);
      for (const [start, end] of found) findings.push(ctx.finding(unit, start, end, format(spec.message, unit.text.slice(start, end))));
    }
    return findings;
  };
}

export function compileSubstitution(ctx: CheckContext): CheckFn {
  const { spec } = ctx;
  // Groups inside user patterns shift the numbering: remember where each alternative's own group sits.
  const groupIndex = groupOffsets(spec.swap.map(([from]) => (spec.regex ? mustCompile(from, spec.ignoreCase).groupCount() : 0)));
  const matcher = spec.regex
    ? re2Matcher(spec.swap.length ? wordBounded(spec.swap.map(([from]) => `(${from})`).join('|')) : NEVER, spec.ignoreCase)
    : phraseMatcher(spec.swap.map(([from]) => from), spec.ignoreCase);
  return (doc) => {
    const findings: Finding[] = [];
    for (const unit of ctx.units(doc)) {
      matcher.each(unit.text, (start, end, group) => {
        const k = groupIndex.findIndex((g) => group(g) !== null);
        if (k === -1) return;
        const found = unit.text.slice(start, end);
        const preferred = matchCase(spec.swap[k][1], found);
        if (preferred === found) return;
        const f = ctx.finding(unit, start, end, format(spec.message, preferred, found));
        f.fix = { title: `Replace with "${preferred}"`, edits: [{ start: f.start, end: f.end, text: preferred }] };
        findings.push(f);
      });
    }
    return findings;
  };
}

export function compileConditional(ctx: CheckContext): CheckFn {
  const { spec } = ctx;
  const first = re2Matcher(spec.first, spec.ignoreCase);
  const second = re2Matcher(spec.second, spec.ignoreCase);
  const exceptions = new Set(spec.exceptions);
  return (doc) => {
    const findings: Finding[] = [];
    const satisfied = new Set<string>();
    for (const unit of ctx.units(doc)) {
      const defined: { at: number; key: string }[] = [];
      second.each(unit.text, (start, end, group) => {
        defined.push({ at: start, key: group(1) ?? unit.text.slice(start, end) });
      });
      let d = 0;
      first.each(unit.text, (start, end, group) => {
        while (d < defined.length && defined[d].at <= start) satisfied.add(defined[d++].key);
        const key = group(1) ?? unit.text.slice(start, end);
        if (satisfied.has(key) || exceptions.has(key)) return;
        findings.push(ctx.finding(unit, start, end, format(spec.message, key)));
      });
      for (; d < defined.length; d++) satisfied.add(defined[d].key);
    }
    return findings;
  };
}
