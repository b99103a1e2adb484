// Sentences and quotations in prose blocks, tuned on wire copy: abbreviations (U.S., Corp.,
// Feb., Inc.), initials, straight and curly quotes, apostrophes, quotations running over
// paragraphs by the open-quote convention. Results are memoised per block/document.

import type { ProseBlock } from './prose.js';
import type { NewsDocument } from './document.js';

export interface Sentence {
  block: ProseBlock;
  /** [start, end) in block.text, trimmed of surrounding white space. */
  start: number;
  end: number;
}

/** Words that take a full stop without ending a sentence. Case-sensitive, without the dot. */
const TITLES = new Set(
  'Mr Mrs Ms Messrs Dr Prof Sen Rep Gov Gen Lt Col Capt Cmdr Sgt Maj Adm Rev Hon Pres Supt Insp Det St Ste Mt Ft No Nos Vol Fig Art Sec pp cf vs approx est'.split(' '),
);
/** Abbreviations that may end a sentence too: split only before a typical sentence opener. */
const SUFFIXES = new Set(
  [
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec',
    'Corp Inc Ltd Co Bros Plc Cos Assn Dept Univ Jr Sr',
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo',
    'Ave Blvd Rd Sq etc al',
  ]
    .join(' ')
    .split(' '),
);
/** Words that usually open a sentence: after "U.S." or "Corp." they signal a real boundary. */
const SENTENCE_OPENERS = new Set(
  'The A An It Its He She They We I This That These Those There But And In On At For If As Last Next Some Many Most Analysts Officials Shares Earlier Later Meanwhile However'.split(' '),
);

const sentenceCache = new WeakMap<ProseBlock, Sentence[]>();

export function sentencesOf(block: ProseBlock): Sentence[] {
  let sentences = sentenceCache.get(block);
  if (!sentences) {
    sentences = splitSentences(block);
    sentenceCache.set(block, sentences);
  }
  return sentences;
}

const TERMINATOR = /[.!?…]+["”’')\]]*(?=\s)/g;

function splitSentences(block: ProseBlock): Sentence[] {
  const text = block.text;
  const sentences: Sentence[] = [];
  let from = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    const end = m.index + m[0].length;
    if (!isBoundary(text, m.index, end)) continue;
    pushTrimmed(sentences, block, from, end);
    from = end;
  }
  pushTrimmed(sentences, block, from, text.length);
  return sentences;
}

function pushTrimmed(out: Sentence[], block: ProseBlock, start: number, end: number): void {
  const text = block.text;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ block, start, end });
}

/** Is the terminator at [at, end) followed by white space a sentence boundary? */
function isBoundary(text: string, at: number, end: number): boolean {
  let next = end;
  while (next < text.length && /\s/.test(text[next])) next++;
  if (next >= text.length) return true;
  const following = text[next];
  if (!/[\p{Lu}\p{N}"“‘'(\[]/u.test(following)) return false;
  if (text[at] !== '.') return true;
  if (text.startsWith('...', at)) return true;
  const word = wordBefore(text, at);
  if (word === '') return true;
  if (TITLES.has(word)) return false;
  const nextWord = /^[\p{L}]+/u.exec(text.slice(next, next + 24))?.[0] ?? '';
  // Initials and dotted abbreviations: J. Smith, U.S., a.m.
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && (word.length === 1 || text[at - 2] === '.' || /^\p{L}(?:\.\p{L})+$/u.test(word))) {
    return word.length > 1 && SENTENCE_OPENERS.has(nextWord);
  }
  if (SUFFIXES.has(word)) return SENTENCE_OPENERS.has(nextWord);
  return true;
}

/** The token that ends right before offset `at` (letters and inner dots), e.g. "U.S" or "Corp". */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  return text.slice(i, at);
}

/** Index of the sentence in `sentences` that contains block offset t (or the nearest before it). */
export function sentenceIndexAt(sentences: readonly Sentence[], t: number): number {
  let found = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (sentences[i].start <= t) found = i;
    else break;
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Quotations

export interface QuotePart {
  block: ProseBlock;
  /** Content range inside the marks, [start, end) in block.text. */
  start: number;
  end: number;
}

export interface Quotation {
  /** One part per paragraph the quotation runs through. */
  parts: QuotePart[];
  /** Offset of the opening mark in parts[0].block.text. */
  open: number;
  /** Offset of the closing mark in the last part's block text, or -1 when it never closes. */
  close: number;
  closed: boolean;
  /** The quoted words (all parts, joined by a space). */
  text: string;
  wordCount: number;
}

/** A closing double quotation mark with no quotation open (read by quote-balance). */
export interface StrayClosingMark {
  block: ProseBlock;
  /** Offset of the mark in block.text. */
  at: number;
}

const quotationCache = new WeakMap<NewsDocument, { quotations: Quotation[]; strays: StrayClosingMark[] }>();

/** Quotations in the body, in order. Double quotation marks only; single marks are nested quotes or apostrophes. */
export function quotationsOf(doc: NewsDocument): Quotation[] {
  return quotationAnalysis(doc).quotations;
}

/** Closing double marks in the body that close nothing, in order (same reading as quotationsOf). */
export function strayClosingMarksOf(doc: NewsDocument): StrayClosingMark[] {
  return quotationAnalysis(doc).strays;
}

function quotationAnalysis(doc: NewsDocument): { quotations: Quotation[]; strays: StrayClosingMark[] } {
  let analysis = quotationCache.get(doc);
  if (!analysis) {
    const strays: StrayClosingMark[] = [];
    analysis = { quotations: findQuotations(doc.body, strays), strays };
    quotationCache.set(doc, analysis);
  }
  return analysis;
}

type Mark = { at: number; role: 'open' | 'close' };

/** Classifies each double quotation mark in a block as opening or closing. */
export function quoteMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '"' && ch !== '“' && ch !== '”' && ch !== '„') continue;
    let role: Mark['role'];
    if (ch === '“' || ch === '„') role = 'open';
    else if (ch === '”') role = 'close';
    else {
      const before = i === 0 ? ' ' : text[i - 1];
      const after = i + 1 < text.length ? text[i + 1] : ' ';
      const openable = /[\s(\[{—–\-/:]/.test(before) && !/\s/.test(after);
      const closable = !/\s/.test(before) || /[\s.,;:!?)\]—–-]/.test(after);
      role = openable && !closable ? 'open' : closable && !openable ? 'close' : open ? 'close' : 'open';
    }
    marks.push({ at: i, role });
    open = role === 'open';
  }
  return marks;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function findQuotations(blocks: readonly ProseBlock[], strays: StrayClosingMark[]): Quotation[] {
  const quotations: Quotation[] = [];
  // `partial`: opened inside a sentence (`called it "a fair deal`), so the open-quote convention never carries it on.
  let current: { parts: QuotePart[]; open: number; partial: boolean } | null = null;
  const finish = (block: ProseBlock, at: number, closed: boolean): void => {
    const q = current!;
    const last = q.parts[q.parts.length - 1];
    if (last.block === block) last.end = at;
    const text = q.parts.map((p) => p.block.text.slice(p.start, p.end)).join(' ');
    quotations.push({ parts: q.parts, open: q.open, close: closed ? at : -1, closed, text, wordCount: countWords(text) });
    current = null;
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const marks = quoteMarks(block.text);
    let i = 0;
    if (current !== null && marks.length > 0 && !(current as { partial: boolean }).partial) {
      // Carried over: this paragraph opens with a quote mark (checked below), the open-quote convention.
      (current as { parts: QuotePart[] }).parts.push({ block, start: marks[0].at + 1, end: block.text.length });
      i = 1;
    }
    for (; i < marks.length; i++) {
      const mark = marks[i];
      if (mark.role === 'open') {
        // Paragraphs run together (one line per paragraph lost): `again. "I felt` reopens the same quotation.
        if (current && !current.partial && continuesInline(block.text, mark.at)) continue;
        if (current) finish(block, mark.at, false);
        current = { parts: [{ block, start: mark.at + 1, end: block.text.length }], open: mark.at, partial: opensInside(block, mark.at) };
      } else if (current) {
        finish(block, mark.at, true);
      } else {
        // A closing mark with nothing open is left to quote-balance.
        strays.push({ block, at: mark.at });
      }
    }
    if (current) {
      const next = blocks[b + 1];
      const continues = next !== undefined && next.container === block.container && !current.partial && /^\s*["“„]/.test(next.text);
      if (!continues) finish(block, block.text.length, false);
    }
  }
  return quotations;
}

/** Whether the mark at `at` opens a quotation inside a sentence: words before it, no colon or dash introducing it. */
function opensInside(block: ProseBlock, at: number): boolean {
  const sentences = sentencesOf(block);
  const lead = block.text.slice(sentences.length > 0 ? sentences[sentenceIndexAt(sentences, at)].start : 0, at);
  return !/^\s*$|[:;]\s*$|(?:^|\s)[-–—]{1,2}\s*$/.test(lead);
}

/** An opening mark right after a finished sentence, while a quotation is still open, continues it. */
function continuesInline(text: string, at: number): boolean {
  return /[.!?…]['’]?\s+$/.test(text.slice(Math.max(0, at - 8), at));
}

// ---------------------------------------------------------------------------------------
// Inside a quotation: the one place rules ask whether words are a speaker's, not ours.

const quotedCache = new WeakMap<NewsDocument, number[]>();

/**
 * Source ranges of the words inside closed direct quotations (the marks themselves
 * excluded), flattened as [start0, end0, start1, end1, ...] in source order. A quotation
 * that never closes is left out: where it ends is unknown, so nothing is taken as quoted.
 */
function quotedSourceRanges(doc: NewsDocument): number[] {
  let ranges = quotedCache.get(doc);
  if (!ranges) {
    const pairs: [number, number][] = [];
    for (const q of quotationsOf(doc)) {
      if (!q.closed) continue;
      for (const part of q.parts) {
        if (part.end > part.start) pairs.push([part.block.map.toSource(part.start), part.block.map.toSourceEnd(part.end)]);
      }
    }
    pairs.sort((a, b) => a[0] - b[0]);
    ranges = pairs.flat();
    quotedCache.set(doc, ranges);
  }
  return ranges;
}

/** Whether the source range [start, end) lies inside a direct quotation (a speaker's own words). */
export function inQuotation(doc: NewsDocument, start: number, end = start + 1): boolean {
  const ranges = quotedSourceRanges(doc);
  // The last range that starts at or before `start`.
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid * 2] <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && end <= ranges[found * 2 + 1];
}

/** Whether block offset `at` (to `end`) of `block` lies inside a direct quotation. */
export function inQuotationAt(doc: NewsDocument, block: ProseBlock, at: number, end = at + 1): boolean {
  return inQuotation(doc, block.map.toSource(at), block.map.toSourceEnd(end));
}

/** What a wording rule adds to its message when it reports words inside a quotation (with no fix). */
export const QUOTED_NOTE = " (Inside a quotation: the speaker's words, so no fix.)";

/** The option every wording rule takes for text inside direct quotations. */
export const QUOTATIONS_OPTION = {
  type: 'string',
  default: 'skip',
  enum: ['skip', 'report'],
  description: 'Text inside direct quotations is the speaker\'s: "skip" leaves it alone; "report" reports it, never with a fix.',
} as const;

const quotedByBlock = new WeakMap<NewsDocument, Map<ProseBlock, [number, number][]>>();

/** Quoted words per block ([start, end) in block text, sorted); memoised per document. */
export function quotedRanges(doc: NewsDocument): ReadonlyMap<ProseBlock, readonly [number, number][]> {
  let ranges = quotedByBlock.get(doc);
  if (ranges) return ranges;
  ranges = new Map();
  for (const q of quotationsOf(doc)) {
    for (const part of q.parts) {
      const list = ranges.get(part.block) ?? [];
      list.push([part.start, part.end]);
      ranges.set(part.block, list);
    }
  }
  for (const list of ranges.values()) list.sort((a, b) => a[0] - b[0]);
  quotedByBlock.set(doc, ranges);
  return ranges;
}
