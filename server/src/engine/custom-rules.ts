// Declarative rules a style maintainer writes in YAML, no code: existence (flag phrases),
// substitution (phrase -> preferred, with fix) and conditional (X requires Y earlier), as
// Vale's checks of the same names; rules loaded from a Vale style run with Vale's own
// semantics (custom/vale-rules.ts). Patterns run on RE2 (re2js): linear time, so no
// pattern can hang the desk. Plain phrase lists use a trie. Compiled once per config; pure.

import { RE2JS } from 're2js';
import type { NewsDocument } from './document.js';
import type { ProseBlock } from './prose.js';
import type { CustomRuleSpec, Finding } from './types.js';
import { PhraseTrie } from './custom/phrase-trie.js';
import { escapeRegExp, matchCase } from './text-case.js';
import { compileValeCheck } from './custom/vale-rules.js';

export type { CustomRuleKind, CustomRuleSpec } from './types.js';

/** A custom rule's matcher: the findings it makes in a draft. The catalogue (catalogue.ts) wraps it as a rule. */
export interface CompiledCustomRule {
  spec: CustomRuleSpec;
  check(doc: NewsDocument): Finding[];
}

/** Escapes a plain phrase for RE2, letting any run of white space match a line break too. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('\\s+');
}

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
/** Finds matches in prose; RE2 for the maintainer's patterns, native RegExp for escaped plain phrases. */
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

export function compileCustomRule(spec: CustomRuleSpec): CompiledCustomRule {
  if (spec.vale) {
    const check = compileValeCheck(spec, spec.vale);
    return { spec, check };
  }
  switch (spec.kind) {
    case 'existence':
      return compileExistence(spec);
    case 'substitution':
      return compileSubstitution(spec);
    case 'conditional':
      return compileConditional(spec);
    default:
      throw new Error(`internal: ${spec.kind} is a Vale check; it needs the rule's Vale fields`);
  }
}

function blocksInScope(doc: NewsDocument, scope: CustomRuleSpec['scope']): ProseBlock[] {
  if (scope === 'body') return doc.body;
  if (scope === 'headline') return doc.headline ? [doc.headline.block] : [];
  return doc.blocks;
}

/** Fills "%s" in order; text found across a line break reads as one line in a message. */
function format(message: string, ...values: string[]): string {
  let i = 0;
  return message.replace(/%s/g, () => (values[i++] ?? '').replace(/\s+/g, ' '));
}

function compileExistence(spec: CustomRuleSpec): CompiledCustomRule {
  const matchers = [
    ...(spec.words.length ? [phraseMatcher(spec.words, spec.ignoreCase)] : []),
    ...(spec.patterns.length ? [re2Matcher(spec.patterns.map((p) => `(?:${p})`).join('|'), spec.ignoreCase)] : []),
  ];
  return {
    spec,
    check(doc) {
      const findings: Finding[] = [];
      for (const block of blocksInScope(doc, spec.scope)) {
        const found: [number, number][] = [];
        for (const matcher of matchers) matcher.each(block.text, (start, end) => found.push([start, end]));
        found.sort((a, b) => a[0] - b[0]);
        for (const [start, end] of found) findings.push(finding(spec, block, start, end, format(spec.message, block.text.slice(start, end))));
      }
      return findings;
    },
  };
}

function compileSubstitution(spec: CustomRuleSpec): CompiledCustomRule {
  // Groups inside user patterns shift the numbering: remember where each alternative's own group sits.
  const groupIndex: number[] = [];
  let next = 1;
  for (const [from] of spec.swap) {
    groupIndex.push(next);
    next += 1 + (spec.regex ? mustCompile(from, spec.ignoreCase).groupCount() : 0);
  }
  const matcher = spec.regex
    ? re2Matcher(spec.swap.length ? wordBounded(spec.swap.map(([from]) => `(${from})`).join('|')) : NEVER, spec.ignoreCase)
    : phraseMatcher(spec.swap.map(([from]) => from), spec.ignoreCase);
  return {
    spec,
    check(doc) {
      const findings: Finding[] = [];
      for (const block of blocksInScope(doc, spec.scope)) {
        matcher.each(block.text, (start, end, group) => {
          const k = groupIndex.findIndex((g) => group(g) !== null);
          if (k === -1) return;
          const found = block.text.slice(start, end);
          const preferred = matchCase(spec.swap[k][1], found);
          if (preferred === found) return;
          const f = finding(spec, block, start, end, format(spec.message, preferred, found));
          f.fix = { title: `Replace with "${preferred}"`, edits: [{ start: f.start, end: f.end, text: preferred }] };
          findings.push(f);
        });
      }
      return findings;
    },
  };
}

function compileConditional(spec: CustomRuleSpec): CompiledCustomRule {
  const first = re2Matcher(spec.first, spec.ignoreCase);
  const second = re2Matcher(spec.second, spec.ignoreCase);
  const exceptions = new Set(spec.exceptions);
  return {
    spec,
    check(doc) {
      const findings: Finding[] = [];
      const satisfied = new Set<string>();
      for (const block of blocksInScope(doc, spec.scope)) {
        const defined: { at: number; key: string }[] = [];
        second.each(block.text, (start, end, group) => {
          defined.push({ at: start, key: group(1) ?? block.text.slice(start, end) });
        });
        let d = 0;
        first.each(block.text, (start, end, group) => {
          while (d < defined.length && defined[d].at <= start) satisfied.add(defined[d++].key);
          const key = group(1) ?? block.text.slice(start, end);
          if (satisfied.has(key) || exceptions.has(key)) return;
          findings.push(finding(spec, block, start, end, format(spec.message, key)));
        });
        for (; d < defined.length; d++) satisfied.add(defined[d].key);
      }
      return findings;
    },
  };
}

function finding(spec: CustomRuleSpec, block: ProseBlock, start: number, end: number, message: string): Finding {
  return { rule: spec.id, severity: spec.severity, start: block.map.toSource(start), end: block.map.toSourceEnd(end), message };
}
