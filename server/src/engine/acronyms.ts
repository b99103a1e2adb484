// Finds acronyms in the body and tells definitions ("Interior Ministry (MVD)") from uses.
// The dictionary, not the initials, decides what a correct expansion is. Shared by the
// acronym rules and the editor's hover and go-to-definition. Memoised per document+style.

import type { NewsDocument } from './document.js';
import { findCompanyNames, foldRegional, findSpelledName, regionalSource, type NameMention } from './acronym-names.js';
import { appositionName, dashApposition, nameAfterComma, nameBefore, type Expansion } from './acronym-definitions.js';
import { parseDateline } from './dateline.js';
import { inQuotationAt } from './segment.js';
import type { ProseBlock } from './prose.js';
import type { AcronymStyle } from './types.js';

export type { Expansion };

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
/** Wire markers and sign-offs that stand in the copy in capitals. */
const WIRE_MARKERS = new Set(['MORE', 'REUTER', 'REUTERS', 'ENDS', 'END', 'NOTE', 'CORRECTED', 'UPDATE', 'REPEAT', 'URGENT', 'FLASH', 'BULLETIN']);
/** A line of a table: figures set apart by runs of spaces or dashes ("Cotton --  1.80"). */
const TABLE_LINE = /(?:\s{2,}|\s--?\s+|\.{3,}\s*)[-+]?[\d.,/]+\s*$|\S\s{3,}\S.*\s{3,}\S/;
/** A label opening a paragraph ("NOTE: ...") is not an acronym. */
const LABEL = /^[A-Z]{4,}:/;
const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

function findAcronyms(doc: NewsDocument, style: AcronymStyle): AcronymAnalysis {
  const occurrences: AcronymOccurrence[] = [];
  const blockTokens = new Map(doc.body.map((block) => [block, tokensOf(block.text)]));
  const companyNames = findCompanyNames(doc, style, blockTokens);
  for (const block of doc.body) {
    if (block.kind !== 'paragraph' || isShouting(block.text)) continue;
    const tableLines = tableLineRanges(block.text);
    // Any paragraph may open with a dateline (roundups carry several): its words are not acronyms.
    const skipUntil = LABEL.test(block.text) ? block.text.indexOf(':') : datelineEnd(block);
    const tokens = blockTokens.get(block)!.filter((t) => t.start >= skipUntil);
    const emphasis = allCapsRuns(block.text, tokens, style);
    for (const token of tokens) {
      if (emphasis.has(token.start) || WIRE_MARKERS.has(token.acronym)) continue;
      if (tableLines.some(([s, e]) => token.start >= s && token.start < e)) continue;
      if (!isAcronym(token.acronym, style)) continue;
      // Once a company is named by them ("<TMOC Resources Ltd>", "MCA Inc"), its initials are its name;
      // a bare use before that ("group IEL said ... its <IEL Finance Ltd> unit") still needs its name.
      const named = companyNames.get(token.acronym);
      if (named !== undefined && block.map.toSource(token.start) >= named) continue;
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

/** [start, end) of each line of the block that is a row of a table rather than prose. */
function tableLineRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  if (!text.includes('\n') && !/\s{2,}/.test(text)) return ranges;
  let start = 0;
  for (const line of text.split('\n')) {
    if (TABLE_LINE.test(line)) ranges.push([start, start + line.length]);
    start += line.length + 1;
  }
  return ranges;
}

/**
 * Where the draft writes an acronym's name out without brackets: a name the dictionary
 * accepts (in any regional spelling), or, for acronyms it does not know, capitalised words
 * whose initials spell it.
 */
export function writtenName(doc: NewsDocument, style: AcronymStyle, acronym: string): NameMention | null {
  const prose = doc.body.filter((b) => b.kind === 'paragraph');
  let best: NameMention | null = null;
  for (const name of style.dictionary.get(acronym) ?? []) {
    const pattern = regionalPattern(name);
    for (const block of prose) {
      if (best && block.index > best.block.index) break;
      pattern.lastIndex = 0;
      const m = pattern.exec(block.text);
      if (m && (!best || block.index < best.block.index || m.index < best.start)) best = { block, start: m.index, end: m.index + m[0].length };
    }
  }
  // The dictionary, when it knows the acronym, decides its name. Two capitals spell too many
  // pairs of names ("Mark Peters" for MP) to count without it.
  if (style.dictionary.has(acronym)) return best;
  const spelled = acronym.length >= 3 ? findSpelledName(prose, acronym) : null;
  if (spelled && (!best || spelled.block.index < best.block.index || (spelled.block === best.block && spelled.start < best.start))) best = spelled;
  return best;
}

const regionalPatterns = new Map<string, RegExp>();

/** A dictionary name as a pattern that accepts its regional spellings ("Organi[sz]ation"). */
function regionalPattern(name: string): RegExp {
  let pattern = regionalPatterns.get(name);
  if (pattern) return pattern;
  const body = regionalSource(name);
  pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
  regionalPatterns.set(name, pattern);
  return pattern;
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

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  ACRONYM.lastIndex = 0;
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
  // Counted in one pass without building arrays: this runs on every paragraph.
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isUpper = (c >= 65 && c <= 90) || (c > 127 && /\p{Lu}/u.test(text[i]));
    const isLetter = isUpper || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(text[i]));
    if (isLetter) letters++;
    if (isUpper) upper++;
  }
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
  if (reverse && /\p{Ll}/u.test(reverse[1]) && READS_AS_NAME.test(reverse[1])) {
    const start = afterEnd + 2;
    const expansion = { start, end: start + reverse[1].length, text: reverse[1] };
    const accepted = style.dictionary.get(token.acronym);
    const matches = accepted ? accepted.some((e) => sameName(e, expansion.text)) : null;
    return { ...base, kind: 'definition', expansion, matchesDictionary: matches };
  }
  const dashed = dashApposition(text, afterEnd) ?? nameAfterComma(text, afterEnd);
  if (dashed) {
    const accepted = style.dictionary.get(token.acronym);
    const matches = accepted ? accepted.some((e) => sameName(e, dashed.text)) : null;
    return { ...base, kind: 'definition', expansion: dashed, matchesDictionary: matches };
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
 * What a bracket after an acronym must look like to be its name ("KTZ (national railway
 * company)"): words only. An aside such as "(see www.example.org)", "(now defunct)" or
 * "(e.g. fines)" is not a name, and a fix that rewrote it would delete the writer's words.
 */
const READS_AS_NAME = /^(?!(?:see|also|now|formerly|previously|once|then|or|and|but|i\.?e|e\.?g|eg|ie|via|who|which|that|whose|where|including|known|not|no|in|at|on|for|from|to|with|by|as|its|their|his|her)\b)[\p{L}\p{M}'’&\s-]+$/iu;

/** Whether two spellings name the same thing: case, spacing, quotes and regional spellings aside. */
export function sameName(a: string, b: string): boolean {
  return foldRegional(a) === foldRegional(b);
}

/**
 * Whether an acronym stands in a direct quotation. The one reading every wording rule uses
 * (engine/segment.ts): a quotation that never closes counts as no quotation, so closing it
 * with quote-balance's fix cannot move an acronym's first use (--fix settles).
 */
export function isQuoted(doc: NewsDocument, occ: { block: ProseBlock; start: number; end: number }): boolean {
  return inQuotationAt(doc, occ.block, occ.start, occ.end);
}
