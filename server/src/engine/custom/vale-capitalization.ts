// Vale's capitalization check: each scope's text against $title (AP or Chicago small
// words), $sentence (with indicators), $lower, $upper or a pattern, with exceptions and a
// prefix cut from the start; a text passes when its share of well-cased words beats the threshold.

import type { Finding } from '../types.js';
import { formatMessage, mustRegex, type RuleContext, type ValeCheckFn } from './vale-rules.js';

/** Small words kept in lower case inside a title (Chicago's list is the longer). */
const CHICAGO_SMALL = new Set('a an and as at but by en for if in nor of on or per the to v v. vs vs. via with from into onto over up'.split(' '));
const AP_SMALL = new Set('a an and at but by for in nor of on or so the to up yet'.split(' '));

interface Word {
  text: string;
  start: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
}

const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const isLower = (w: string) => w === w.toLowerCase();
/** An acronym (all capitals) or a token without letters (a number, code): its case is its own. */
const fixedCase = (w: string) => !/\p{Ll}/u.test(w) && (w.length > 1 || !/\p{L}/u.test(w));
/** Where words of the exceptions (phrases too) stand in the text: those words always pass. */
type Excepted = (word: Word) => boolean;

function exceptedWords(text: string, exceptions: ReturnType<typeof exceptionSpans>): Excepted {
  const spans = exceptions(text);
  return (w) => spans.some(([s, e]) => w.start >= s && w.start + w.text.length <= e + 1);
}

function exceptionSpans(exceptions: readonly string[]): (text: string) => [number, number][] {
  if (exceptions.length === 0) return () => [];
  const sorted = [...exceptions].sort((a, b) => b.length - a.length);
  const re = mustRegex(`(?m)\\b(?:${sorted.join('|')})(?:\\b|$)`, false, 'exceptions');
  return (text) => {
    const spans: [number, number][] = [];
    re.each(text, (s, e) => spans.push([s, e]));
    return spans;
  };
}

function sentenceScore(text: string, excepted: Excepted, indicators: readonly string[]): number {
  const words = wordsOf(text);
  if (words.length === 0) return 1;
  // The first word is the first that is not a list number ("1.", "2)").
  const first = words.findIndex((w) => !/^[\d.)(\]]+$/.test(w.text));
  let ok = 0;
  words.forEach((word, i) => {
    const w = bare(word.text);
    const prev = words[i - 1]?.text ?? '';
    if (excepted(word) || fixedCase(w)) ok++;
    else if (i === first) ok += /^\P{Ll}/u.test(w) ? 1 : 0;
    else if (indicators.some((c) => prev.endsWith(c))) ok++;
    else ok += isLower(w) ? 1 : 0;
  });
  return ok / words.length;
}

function titleScore(text: string, excepted: Excepted, style: string): number {
  const words = wordsOf(text);
  if (words.length === 0) return 1;
  const small = style.toLowerCase() === 'chicago' ? CHICAGO_SMALL : AP_SMALL;
  let ok = 0;
  words.forEach((word, i) => {
    const w = bare(word.text);
    const edge = i === 0 || i === words.length - 1;
    if (excepted(word) || fixedCase(w) || w.includes('-')) ok++;
    else if (!edge && small.has(w.toLowerCase())) ok += isLower(w) ? 1 : 0;
    else ok += /^\P{Ll}/u.test(w) ? 1 : 0;
  });
  return ok / words.length;
}

export function compileCapitalization(ctx: RuleContext): ValeCheckFn {
  const { spec, vale } = ctx;
  const spans = exceptionSpans(vale.exceptions);
  const prefix = vale.prefix ? mustRegex(vale.prefix, false, 'prefix') : null;
  const custom = vale.match.startsWith('$') ? null : mustRegex(vale.match, spec.ignoreCase, 'match');
  const passes = (whole: string): boolean => {
    const cut = prefix?.first(whole);
    const text = cut && cut.start === 0 ? whole.slice(cut.end) : whole;
    switch (vale.match) {
      case '$title':
        return titleScore(text, exceptedWords(text, spans), vale.titleStyle) > vale.threshold;
      case '$sentence':
        return sentenceScore(text, exceptedWords(text, spans), vale.indicators) > vale.threshold;
      case '$lower':
        return text === text.toLowerCase();
      case '$upper':
        return text === text.toUpperCase();
      default: {
        const m = custom!.first(text);
        return m !== null && m.start === 0 && m.end === text.length;
      }
    }
  };
  return (doc) => {
    const findings: Finding[] = [];
    for (const unit of ctx.units(doc)) {
      const text = unit.text.trim();
      if (text === '' || passes(text)) continue;
      const start = unit.text.indexOf(text);
      findings.push(ctx.finding(unit, start, start + text.length, formatMessage(spec.message, text)));
    }
    return findings;
  };
}
