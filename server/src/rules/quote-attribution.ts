// Rule `quote-attribution`: every direct quotation (of at least `minWords` words; short
// scare-quoted names such as "Islamic State" are not quotations) is attributed, by a speech
// verb or "according to" with a source, in its own sentence or within `neighbourhood`
// sentences of it. No fix: the source is unknowable.

import { quotationsOf, quotedRanges, sentencesOf, type Quotation, type QuotePart, type Sentence } from '../engine/segment.js';
import type { ProseBlock } from '../engine/prose.js';
import type { NewsDocument } from '../engine/document.js';
import type { RuleContext, RuleDefinition } from './rule.js';
import { inflections } from '../engine/speech-verbs.js';

export const SPEECH_VERBS = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'telling', 'added', 'adds', 'adding', 'asked', 'asks',
  'explained', 'explains', 'stated', 'states', 'announced', 'announces', 'wrote', 'writes', 'writing', 'declared',
  'noted', 'notes', 'claimed', 'claims', 'insisted', 'insists', 'argued', 'argues', 'warned', 'warns', 'replied',
  'commented', 'continued', 'remarked', 'acknowledged', 'admitted', 'revealed', 'recalled', 'testified', 'urged',
  'tweeted', 'posted', 'quoted', 'reported', 'reports', 'predicted', 'estimated', 'concluded', 'suggested',
  'described', 'called', 'asserted', 'confirmed', 'agreed', 'denied', 'conceded', 'stressed', 'emphasised',
  'emphasized', 'vowed', 'vows', 'responded', 'responds', 'warn', 'pledged', 'promised', 'joked', 'complained',
  'boasted', 'criticised', 'criticized', 'answered', 'cautioned', 'countered', 'lamented', 'protested', 'quipped',
  'reiterated', 'observed', 'maintained', 'recounted', 'summed up', 'went on', 'pointed out', 'according to',
  'assured', 'hailed', 'attributed', 'accused', 'advised', 'recommended', 'praised', 'blamed', 'wondered', 'mused',
  'pleaded', 'demanded', 'shouted', 'exclaimed', 'whispered', 'remarked', 'conceded', 'revealed', 'disclosed',
  'proclaimed', 'affirmed', 'contended', 'alleged', 'announced', 'informed', 'reminded', 'assured', 'branded',
];

/** The verbs as configured plus their -s forms ("remarks", "concedes", "reveals"), derived from each past form. */
function withPresentForms(verbs: readonly string[]): string[] {
  const out = new Set(verbs);
  for (const verb of verbs) {
    const [head, ...rest] = verb.trim().split(/\s+/);
    const third = inflections(head.toLowerCase()).find(([, form]) => form === 'third')?.[0];
    if (third && head.toLowerCase().endsWith('ed')) out.add([third, ...rest].join(' '));
  }
  return [...out];
}

export const quoteAttribution: RuleDefinition = {
  id: 'quote-attribution',
  description: 'Every direct quotation says who said it, in its sentence or the next.',
  defaultSeverity: 'warning',
  fixable: false,
  options: {
    minWords: { type: 'number', default: 4, min: 1, max: 100, description: 'Quotations shorter than this many words are names or scare quotes, not checked.' },
    neighbourhood: { type: 'number', default: 1, min: 0, max: 5, description: 'How many sentences before and after the quotation may carry its attribution.' },
    verbs: { type: 'string[]', default: SPEECH_VERBS, description: 'Speech verbs and phrases that attribute a quotation ("according to" needs a source after it).' },
  },
  check(context: RuleContext): void {
    const minWords = context.options.minWords as number;
    const neighbourhood = context.options.neighbourhood as number;
    const attribution = attributionPattern(context.options.verbs as readonly string[]);
    const all = quotationsOf(context.doc).filter((q) => !isNameOrTitle(q));
    const quotations = all.filter((q) => q.wordCount >= minWords);
    if (quotations.length === 0) return;
    const flat = flatSentences(context.doc);
    const masked = maskedTexts(context.doc);
    const introducing = introducingSentences(flat, quotations);
    // Read in order: a quotation that follows an attributed one closely continues that speaker's run.
    let previous: { attributed: boolean; lastSentence: number; speaker: Set<string> } | null = null;
    for (const quotation of all) {
      const span = sentenceSpan(flat, quotation);
      const by = neighbourhoodOf(flat, quotation, neighbourhood, introducing).find(({ s, i }) => {
        const text = masked.get(s.block)!.slice(s.start, s.end);
        const at = attribution(text);
        // A sentence that opens the next paragraph attributes what follows it only from its opening words.
        return at >= 0 && (isInside(quotation, s) || i < span[0] || at < 60);
      })?.s;
      const run: boolean = previous !== null && previous.attributed && continuesRun(flat, previous, span[0]);
      if (!by && !run && quotation.wordCount >= minWords) report(context, quotation, neighbourhood);
      const speaker: Set<string> = by ? speakerWords(masked.get(by.block)!.slice(by.start, by.end)) : previous?.speaker ?? new Set<string>();
      previous = { attributed: Boolean(by) || run, lastSentence: span[1], speaker };
    }
  },
};

const NOT_SPEAKER = new Set('said says told added asked the and but that this with from their there which about would could should were have been will also according'.split(' '));

/** The words of an attribution sentence outside quotations that may name the speaker: "spokesman", "collins". */
function speakerWords(masked: string): Set<string> {
  const words = masked.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return new Set(words.filter((w) => !NOT_SPEAKER.has(w)));
}

/**
 * Whether a quotation whose first sentence is `first` continues the run of the attributed
 * quotation before it: right after it, or with one sentence between that still speaks of
 * the same speaker ("Collins was sixth …", "He …").
 */
function continuesRun(flat: FlatSentences, previous: { lastSentence: number; speaker: Set<string> }, first: number): boolean {
  if (previous.lastSentence >= first - 1) return true;
  if (previous.lastSentence !== first - 2) return false;
  const between = flat.list[first - 1];
  const text = between.block.text.slice(between.start, between.end);
  if (/^\W*(?:he|she|they)\b/i.test(text)) return true;
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).some((w) => previous.speaker.has(w));
}

function isInside(q: Quotation, s: Sentence): boolean {
  return q.parts.some((p) => p.block === s.block);
}

function report(context: RuleContext, q: Quotation, neighbourhood: number): void {
  const block = q.parts[0].block;
  const endInBlock = q.parts.length === 1 && q.closed ? q.close + 1 : q.parts[0].end;
  const where = neighbourhood === 0 ? 'in its sentence' : `in its sentence or the ${neighbourhood === 1 ? 'one' : neighbourhood} before or after it`;
  context.report({
    start: block.map.toSource(q.open),
    end: block.map.toSourceEnd(endInBlock),
    message: `Quotation has no attribution: say who said it ("…," she said) ${where}.`,
  });
}

/** Finds the first speech verb in a text: its offset, or -1. */
type AttributionFinder = (text: string) => number;

const finderCache = new WeakMap<readonly string[], AttributionFinder>();
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * A word-by-word lookup of the speech verbs (a Set per first word, not one alternation of
 * every verb), so each neighbouring sentence is read once. "according to" needs a source.
 */
function attributionPattern(verbs: readonly string[]): AttributionFinder {
  let finder = finderCache.get(verbs);
  if (finder) return finder;
  const phrases = new Map<string, string[][]>();
  for (const verb of withPresentForms(verbs)) {
    const [head, ...rest] = verb.trim().toLowerCase().split(/\s+/);
    if (!head) continue;
    if (verb.trim().toLowerCase() === 'according to') rest.push('\u0000source');
    const list = phrases.get(head) ?? [];
    list.push(rest);
    phrases.set(head, list);
  }
  finder = (text) => {
    WORD_RUN.lastIndex = 0;
    for (let m = WORD_RUN.exec(text); m; m = WORD_RUN.exec(text)) {
      const tails = phrases.get(m[0].toLowerCase());
      if (!tails) continue;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (tails.some((rest) => followedBy(after, rest))) return m.index;
    }
    return -1;
  };
  finderCache.set(verbs, finder);
  return finder;
}

/** Whether `after` opens with the words of `rest` ("out" of "pointed out"); a source marker wants any word. */
function followedBy(after: string, rest: readonly string[]): boolean {
  let at = 0;
  for (const word of rest) {
    const m = /^\s+([\p{L}\p{N}]+)/u.exec(after.slice(at));
    if (!m) return false;
    if (word !== '\u0000source' && m[1].toLowerCase() !== word) return false;
    at += m[0].length;
  }
  return true;
}

/** The body's sentences in order, with where each block's own sentences sit in the list. */
interface FlatSentences {
  list: Sentence[];
  range(block: ProseBlock): [number, number];
}

function flatSentences(doc: NewsDocument): FlatSentences {
  const list: Sentence[] = [];
  const ranges = new Map<ProseBlock, [number, number]>();
  for (const block of doc.body) {
    const from = list.length;
    list.push(...sentencesOf(block));
    ranges.set(block, [from, list.length]);
  }
  return { list, range: (block) => ranges.get(block) ?? [0, 0] };
}

/** Each body block's text with quoted words blanked out, so a verb inside a quote attributes nothing. */
function maskedTexts(doc: NewsDocument): Map<ProseBlock, string> {
  const ranges = quotedRanges(doc);
  const masked = new Map<ProseBlock, string>();
  for (const block of doc.body) {
    const list = ranges.get(block);
    if (!list) {
      masked.set(block, block.text);
      continue;
    }
    // Quotations come in order and do not overlap: blank each one, keep the text between.
    let out = '';
    let at = 0;
    for (const [start, end] of list) {
      out += block.text.slice(at, start) + ' '.repeat(Math.max(0, end - Math.max(at, start)));
      at = Math.max(at, end);
    }
    masked.set(block, out + block.text.slice(at));
  }
  return masked;
}

/**
 * The sentences that may carry a quotation's attribution: its own, and up to `n` either
 * side within the paragraphs it runs through. A neighbour in another paragraph counts
 * when it introduces the quotation with a colon ("The minister said:"), when it ends the
 * paragraph the quotation opens after or opens the paragraph the quotation ends before,
 * or when the quotation's paragraph holds nothing but quoted words. A later sentence
 * whose attribution introduces a quotation of its own ("Jones said: "…"") belongs to that
 * quotation, not to this one.
 */
function neighbourhoodOf(flat: FlatSentences, q: Quotation, n: number, introducing: ReadonlySet<Sentence>): { s: Sentence; i: number }[] {
  const [first, last] = sentenceSpan(flat, q);
  const blocks = new Set(q.parts.map((p) => p.block));
  const quoteOnly = q.parts.every((p) => blankBefore(p.block.text, p.start - 1) && isQuoteOnlyTail(p, q));
  const opensParagraph = blankBefore(q.parts[0].block.text, q.open);
  const closesParagraph = isQuoteOnlyTail(q.parts[q.parts.length - 1], q);
  const out: { s: Sentence; i: number }[] = [];
  for (let i = Math.max(0, first - n); i <= Math.min(flat.list.length - 1, last + n); i++) {
    const s = flat.list[i];
    const inside = blocks.has(s.block);
    const introduces = i === first - 1 && /:\s*$/.test(s.block.text.slice(s.start, s.end));
    const edge = (i === first - 1 && opensParagraph) || (i === last + 1 && closesParagraph);
    if (!(inside || introduces || quoteOnly || edge)) continue;
    // "They added: "…"" confirms the speaker of the quotation before; another introduction does not.
    if (i > last && introducing.has(s) && !CONTINUES.test(s.block.text.slice(s.start, s.end))) continue;
    out.push({ s, i });
  }
  return out;
}

const CONTINUES = /\b(?:added|adds|adding|continued|continues|went on|goes on)\b/i;

/** Sentences that introduce a quotation after words of their own: `Jones said: "…"`, `Jones called it "…"`. */
function introducingSentences(flat: FlatSentences, quotations: readonly Quotation[]): Set<Sentence> {
  const out = new Set<Sentence>();
  for (const q of quotations) {
    const s = flat.list[sentenceSpan(flat, q)[0]];
    if (s && s.block === q.parts[0].block && /[\p{L}\p{N}]/u.test(s.block.text.slice(s.start, q.open))) out.add(s);
  }
  return out;
}

/** Words before a quotation that make it a name, title or saying, not speech: the maxim "…", a film called "…". */
const TITLE_BEFORE = /\b(?:maxim|slogan|motto|saying|proverb|adage|headline|title|entitled|titled|called|dubbed|named|nicknamed|branded|billed|labelled|labeled|the words|reading|catchphrase|mantra|theme)\s*:?\s*$/i;
/** A noun right after the closing mark makes the quotation a name: the "Make love not spam" campaign. */
const TITLE_AFTER = /^\s*(?:campaign|slogan|song|single|album|film|movie|book|novel|play|show|programme|program|series|policy|initiative|scheme|project|report|document|advert|advertisement|poster|banner|motto|tour|award|strategy|plan|paper|bill|act|party|group|brand|label|logo|sign|banner|t-shirt|badge|sticker|petition|website|blog|manifesto)s?\b/i;

function isNameOrTitle(q: Quotation): boolean {
  const block = q.parts[0].block;
  if (TITLE_BEFORE.test(block.text.slice(Math.max(0, q.open - 40), q.open))) return true;
  if (q.parts.length !== 1 || !q.closed) return false;
  return TITLE_AFTER.test(block.text.slice(q.close + 1, q.close + 30));
}

/** Whether only white space precedes offset `at` in the text (read backwards, stopping early). */
function blankBefore(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) if (!/\s/.test(text[i])) return false;
  return true;
}

const QUOTE_ONLY_TAIL = /["”]?[\s.,!?]*$/y;

/** Whether nothing but closing punctuation follows the quotation in its last paragraph. */
function isQuoteOnlyTail(part: QuotePart, q: Quotation): boolean {
  if (part !== q.parts[q.parts.length - 1]) return true;
  QUOTE_ONLY_TAIL.lastIndex = part.end;
  return QUOTE_ONLY_TAIL.test(part.block.text);
}

/** The first i in [from, to) for which `past(i)` holds (it must hold for a suffix), or `to`. */
function firstIndex(from: number, to: number, past: (i: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Indexes in `flat` of the sentences where the quotation opens and closes. */
function sentenceSpan(flat: FlatSentences, q: Quotation): [number, number] {
  const openBlock = q.parts[0].block;
  const lastPart = q.parts[q.parts.length - 1];
  const closeAt = q.closed ? q.close : lastPart.end;
  const [openFrom, openTo] = flat.range(openBlock);
  const [closeFrom, closeTo] = flat.range(lastPart.block);
  // A block's sentences are in order: binary searches keep a draft of many quotations linear-ish.
  let first = firstIndex(openFrom, openTo, (i) => flat.list[i].end > q.open);
  let last = firstIndex(closeFrom, closeTo, (i) => flat.list[i].start > closeAt) - 1;
  if (first === openTo) first = openFrom < openTo ? openTo - 1 : 0;
  if (last < first) last = first;
  return [first, last];
}
