// Finds acronyms in the body and tells definitions ("Interior Ministry (MVD)") from uses.
// The dictionary, not the initials, decides what a correct expansion is. Shared by the
// acronym rules and the editor's hover and go-to-definition. Memoised per document+style.

import type { NewsDocument } from './document.js';
import { parseDateline } from './dateline.js';
import type { ProseBlock } from './prose.js';
import type { AcronymStyle } from './types.js';

export interface Expansion {
  /** [start, end) in the block text, quotes excluded. */
  start: number;
  end: number;
  text: string;
}

export interface AcronymOccurrence {
  acronym: string;
  block: ProseBlock;
  /** The acronym's letters, [start, end) in block.text (a plural "s" or possessive excluded). */
  start: number;
  end: number;
  kind: 'use' | 'definition';
  /** For definitions: the spelled-out name. */
  expansion: Expansion | null;
  /** For definitions of dictionary acronyms: whether the name is one the dictionary accepts. */
  matchesDictionary: boolean | null;
  plural: boolean;
}

export interface AcronymAnalysis {
  occurrences: AcronymOccurrence[];
  /** Occurrences per acronym, in document order; iteration order is first appearance. */
  byAcronym: Map<string, AcronymOccurrence[]>;
}

const cache = new WeakMap<NewsDocument, WeakMap<AcronymStyle, AcronymAnalysis>>();

export function analyseAcronyms(doc: NewsDocument, style: AcronymStyle): AcronymAnalysis {
  let perStyle = cache.get(doc);
  if (!perStyle) cache.set(doc, (perStyle = new WeakMap()));
  let analysis = perStyle.get(style);
  if (!analysis) {
    analysis = findAcronyms(doc, style);
    perStyle.set(style, analysis);
  }
  return analysis;
}

/** Two or more capitals (with & inside: AT&T), an optional plural s; not part of a longer word. */
const ACRONYM = /(?<![\p{L}\p{N}&'’.<])([A-Z][A-Z&]*[A-Z])(s?)(?![\p{L}\p{N}]|\.\p{L}|-\d)/gu;
/** A company's legal form after initials makes them a name (MCA Inc, FMC Corp), not an acronym to spell out. */
const COMPANY_SUFFIX = /^(?:\s+\p{Lu}[\p{L}&'’-]*){0,2}\s+(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC|LLP|LP|AG|SA|NV|BV|AB|ASA|SpA|GmbH|KK|Group|Holding|Holdings|Bancorp|Industries)\b/u;
/** A label opening a paragraph ("NOTE: ...") is not an acronym. */
const LABEL = /^[A-Z]{4,}:/;
const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

function findAcronyms(doc: NewsDocument, style: AcronymStyle): AcronymAnalysis {
  const occurrences: AcronymOccurrence[] = [];
  const companyNames = findCompanyNames(doc, style);
  for (const block of doc.body) {
    if (isShouting(block.text)) continue;
    // Any paragraph may open with a dateline (roundups carry several): its words are not acronyms.
    const skipUntil = LABEL.test(block.text) ? block.text.indexOf(':') : datelineEnd(block);
    const tokens = tokensOf(block.text, skipUntil);
    const emphasis = allCapsRuns(block.text, tokens, style);
    for (const token of tokens) {
      if (emphasis.has(token.start)) continue;
      if (!isAcronym(token.acronym, style)) continue;
      if (companyNames.has(token.acronym)) continue;
      occurrences.push(classify(block, token, style));
    }
  }
  const byAcronym = new Map<string, AcronymOccurrence[]>();
  for (const occ of occurrences) {
    const list = byAcronym.get(occ.acronym);
    if (list) list.push(occ);
    else byAcronym.set(occ.acronym, [occ]);
  }
  return { occurrences, byAcronym };
}

/** Initials that name a company somewhere in the draft ("MCA Inc"): every use of them is a name. */
function findCompanyNames(doc: NewsDocument, style: AcronymStyle): Set<string> {
  const names = new Set<string>();
  for (const block of doc.body) {
    for (const token of tokensOf(block.text, 0)) {
      if (style.dictionary.has(token.acronym)) continue;
      if (COMPANY_SUFFIX.test(block.text.slice(token.end, token.end + 48))) names.add(token.acronym);
    }
  }
  return names;
}

function datelineEnd(block: ProseBlock): number {
  if (!/^\p{Lu}{2}/u.test(block.text)) return 0;
  return parseDateline(block)?.separator.start ?? 0;
}

interface Token {
  acronym: string;
  start: number;
  end: number;
  plural: boolean;
}

function tokensOf(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  ACRONYM.lastIndex = from;
  for (let m = ACRONYM.exec(text); m; m = ACRONYM.exec(text)) {
    tokens.push({ acronym: m[1], start: m.index, end: m.index + m[1].length, plural: m[2] === 's' });
  }
  return tokens;
}

function isAcronym(word: string, style: AcronymStyle): boolean {
  if (style.exempt.has(word)) return false;
  if (style.dictionary.has(word)) return true;
  return !ROMAN.test(word);
}

/** A paragraph written mostly in capitals is emphasis or a wire headline, not acronyms. */
function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  // A lone capitalised sign-off or label paragraph ("REUTER") reads the same way.
  if (upper === letters && letters >= 5 && !/\s/.test(text.trim())) return true;
  return letters >= 12 && upper / letters > 0.6;
}

/**
 * Starts of tokens that belong to all-caps emphasis: three or more capitalised words in a
 * row, or two long ones the dictionary does not know ("BREAKING NEWS").
 */
function allCapsRuns(text: string, tokens: Token[], style: AcronymStyle): Set<number> {
  const inRun = new Set<number>();
  let run: Token[] = [];
  const flush = () => {
    const known = run.filter((t) => style.dictionary.has(t.acronym) || style.exempt.has(t.acronym)).length;
    const long = run.every((t) => t.end - t.start >= 4);
    if (run.length >= 3 || (run.length === 2 && known === 0 && long)) for (const t of run) inRun.add(t.start);
    run = [];
  };
  for (const token of tokens) {
    const prev = run[run.length - 1];
    if (prev && !/^[ \t]+$/.test(text.slice(prev.end + (prev.plural ? 1 : 0), token.start))) flush();
    run.push(token);
  }
  flush();
  return inRun;
}

function classify(block: ProseBlock, token: Token, style: AcronymStyle): AcronymOccurrence {
  const text = block.text;
  const base = { acronym: token.acronym, block, start: token.start, end: token.end, plural: token.plural };
  const afterEnd = token.end + (token.plural ? 1 : 0);
  if (text[token.start - 1] === '(' && text[afterEnd] === ')') {
    const expansion = nameBefore(text, token.start - 1, token.acronym, style);
    if (expansion) {
      const accepted = style.dictionary.get(token.acronym);
      const matches = accepted ? accepted.some((e) => sameName(e, expansion.text)) : null;
      return { ...base, kind: 'definition', expansion, matchesDictionary: matches };
    }
  }
  const reverse = /^\s\(([^()]{3,120})\)/.exec(text.slice(afterEnd, afterEnd + 124));
  if (reverse && /\p{Ll}/u.test(reverse[1])) {
    const start = afterEnd + 2;
    const expansion = { start, end: start + reverse[1].length, text: reverse[1] };
    const accepted = style.dictionary.get(token.acronym);
    const matches = accepted ? accepted.some((e) => sameName(e, expansion.text)) : null;
    return { ...base, kind: 'definition', expansion, matchesDictionary: matches };
  }
  const apposition = appositionName(text, token.start, afterEnd);
  if (apposition) {
    const accepted = style.dictionary.get(token.acronym);
    const matches = accepted ? accepted.some((e) => sameName(e, apposition.text)) : null;
    return { ...base, kind: 'definition', expansion: apposition, matchesDictionary: matches };
  }
  return { ...base, kind: 'use', expansion: null, matchesDictionary: null };
}

/**
 * The name before "(" at `paren`: a dictionary expansion when the text ends with one,
 * else the run of capitalised words (small joining words allowed) before the bracket.
 */
function nameBefore(text: string, paren: number, acronym: string, style: AcronymStyle): Expansion | null {
  let end = paren;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  let quoteEnd = end;
  if (/["”’']/.test(text[end - 1] ?? '')) end--;
  const before = text.slice(Math.max(0, end - 200), end);
  const offset = end - before.length;
  for (const candidate of style.dictionary.get(acronym) ?? []) {
    const match = endingWith(before, candidate);
    if (match !== -1) return { start: offset + match, end, text: text.slice(offset + match, end) };
  }
  const words = /((?:(?:\p{Lu}[\p{L}\p{M}'’.-]*|of|for|and|the|on|in|de|du|la|al|to|&)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)$/u.exec(before);
  if (!words) return quoteEnd > 0 && /\p{L}/u.test(text.slice(0, end)) ? lastWords(text, end) : null;
  let start = offset + words.index;
  // Joining words cannot open a name: "the Interior Ministry" starts at "Interior".
  const lead = /^(?:(?:of|for|and|the|on|in|to|&)\s+)+/.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  return start < end ? { start, end, text: text.slice(start, end) } : null;
}

/**
 * The wire's apposition: "the International Coffee Organization, ICO, said" or
 * "the Feeder Steer Price, or USFSP, is". The name is the capitalised run before the comma.
 */
function appositionName(text: string, start: number, afterEnd: number): Expansion | null {
  if (text[afterEnd] !== ',' && text[afterEnd] !== ')') return null;
  const before = /([\p{L}\p{M}'’.\s-]{3,120}?),\s+(?:or\s+)?$/u.exec(text.slice(Math.max(0, start - 124), start));
  if (!before) return null;
  const end = start - before[0].length + before[1].length;
  const name = /((?:(?:\p{Lu}[\p{L}\p{M}'’.-]*|of|for|and|the|de)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*|[\p{Ll}-]+\s+[\p{Ll}-]+)$/u.exec(text.slice(Math.max(0, end - 120), end));
  if (!name || name[0].split(/\s+/).length < 2) return null;
  return { start: end - name[0].length, end, text: name[0] };
}

/** Fallback for lower-case names ("non-governmental organisation (NGO)"): the last word. */
function lastWords(text: string, end: number): Expansion | null {
  const m = /(?:[\p{L}\p{M}'’-]+|\uFFFC)$/u.exec(text.slice(Math.max(0, end - 60), end));
  if (!m) return null;
  const start = end - m[0].length;
  return { start, end, text: m[0] };
}

/** Index in `text` where it ends with `name` (white space and case folded), or -1. */
const endingPatterns = new Map<string, RegExp>();

function endingWith(text: string, name: string): number {
  let pattern = endingPatterns.get(name);
  if (!pattern) endingPatterns.set(name, (pattern = endingPattern(name)));
  const m = pattern.exec(text);
  if (!m) return -1;
  // Must start at a word boundary.
  if (m.index > 0 && /[\p{L}\p{N}]/u.test(text[m.index - 1])) return -1;
  return m.index;
}

function endingPattern(name: string): RegExp {
  return new RegExp(
    name
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+') + '$',
    'iu',
  );
}

export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/["“”]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}
