// Rule `numbers`: one to nine spelled out, 10 and above in figures, no figure opening a
// sentence. Knows the wire's exceptions (ages, percentages, money, dates, times, scores,
// units, decimals, ranges, names such as "Route 9"); never reads headlines or tables.

import { inQuotationAt, QUOTATIONS_OPTION, QUOTED_NOTE, sentencesOf, sentenceIndexAt } from '../engine/segment.js';
import type { ProseBlock } from '../engine/prose.js';
import type { RuleContext, RuleDefinition } from './rule.js';

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0–99 in words: 7 -> "seven", 42 -> "forty-two". */
export function numberInWords(n: number): string {
  if (n < 20) return ONES[n];
  return TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : '');
}

const WORD_VALUES = new Map<string, number>();
for (let n = 0; n < 100; n++) WORD_VALUES.set(numberInWords(n), n);

const MONTH_WORDS = 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
/** Words after a figure that make it a measurement, an amount, a time or a date. */
const UNIT_AFTER = new Set(
  `percent pct per percentage points point pts pence p cents cts ct dollars dollar dlrs dlr euros euro yen pounds pound stg francs marks yuan rupees
   billion bln million mln trillion thousand hundred km kilometres kilometers kilometre kilometer miles mile m metres meters metre meter cm mm ft feet foot inches inch
   kg kilograms kilos grams g lb lbs ounces oz tonnes tonne tons ton barrels bpd litres liters gallons acres hectares sq degrees mph kph kmh mw gw kw mhz ghz gb mb
   am pm o'clock gmt bst est edt cet utc hrs
   ${MONTH_WORDS}`.split(/\s+/).filter(Boolean),
);
/** Words before a figure that make it a date, an age, a label or a name: "May 5", "aged 5", "No. 5". */
const LABEL_BEFORE = new Set(
  `${MONTH_WORDS} aged age ages no nos number section article chapter route highway flight room page pages vol volume act class category level phase
   stage step round game week grade division channel model type rule proposition prop amendment part title exhibit item unit platform gate terminal
   track series pier camp block ward region district precinct sector zone band tier version windows paragraph clause schedule figure table appendix
   annex line lines bus seat row floor size day storey apartment suite box court hole lap leg match set innings heat squad card`.split(/\s+/),
);
/** Capitalised words that open sentences and do not name the figure after them. */
const FUNCTION_WORDS = new Set(
  `the a an in on at for about only some with by of and but all nearly almost just over under after before since until to from its his her their our
   those these first last another another every each about around roughly some more less than up down another just past`.split(/\s+/),
);
const FIGURE = /(?<![\p{L}\p{N}])\d+(?![\p{L}\p{N}])/gu;
const WORD_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${[...WORD_VALUES.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}'’-])`, 'giu');

export const numbers: RuleDefinition = {
  id: 'numbers',
  description: 'Spell out one to nine, use figures for 10 and above, and never open a sentence with a figure.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    spellOutBelow: { type: 'number', default: 10, min: 1, max: 100, description: 'Numbers below this are spelled out; this and above are figures.' },
    allowStartingFigure: { type: 'boolean', default: false, description: 'Allow a sentence to open with a figure ("150 people ...").' },
    quotations: QUOTATIONS_OPTION,
  },
  check(context: RuleContext): void {
    const limit = context.options.spellOutBelow as number;
    const allowStart = context.options.allowStartingFigure as boolean;
    for (const block of context.doc.body) {
      if (!isRunningProse(block)) continue;
      checkFigures(context, block, limit, allowStart);
      checkWords(context, block, limit);
    }
  },
};

/**
 * Paragraphs and list items that read as sentences. Headings, tables and fragments with no
 * closing punctuation (captions, bylines, web residue such as "0 Comment(s)") are not prose.
 */
function isRunningProse(block: ProseBlock): boolean {
  if (block.kind !== 'paragraph') return false;
  return /[.!?…:;]["”’')\]]*\s*$/u.test(block.text);
}

function checkFigures(context: RuleContext, block: ProseBlock, limit: number, allowStart: boolean): void {
  const text = block.text;
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const at = m.index;
    const end = at + m[0].length;
    const value = Number(m[0]);
    const start = opensSentence(block, at);
    if (start && !allowStart && !isYear(m[0])) {
      if (!partOfLargerNumber(text, at, end) && !standsAsName(text, end, value)) reportStart(context, block, at, end, value);
      continue;
    }
    if (value < 1 || value >= limit || m[0].length > 1 && m[0][0] === '0') continue;
    if (isException(text, at, end) || standsAsName(text, end, value)) continue;
    const word = numberInWords(value);
    reportFigure(context, block, at, end, `Spell out ${m[0]}: write "${word}" (figures from ${limit} up).`, word);
  }
}

/**
 * A figure that is a noun on its own, not a count of something: the operator "3" in
 * "the operator, 3." or "3 is looking to music", "said 3 spokesperson Jane Doe".
 */
function standsAsName(text: string, end: number, value: number): boolean {
  const next = text.slice(end, end + 24);
  if (/^["”’']?(?:[.,;:!?)]|$)/u.test(next)) return true;
  if (/^[\s\u00a0]+(?:is|was|has|had|says|said|will|would|plans|wants)\b/u.test(next)) return true;
  return value > 1 && /^[\s\u00a0]+\p{L}*(?:person|man|woman)\b/u.test(next);
}

function isYear(figure: string): boolean {
  return /^(?:1[5-9]|20)\d\d$/.test(figure);
}

function reportStart(context: RuleContext, block: ProseBlock, at: number, end: number, value: number): void {
  const next = block.text.slice(end, end + 12);
  // A small bare count can be spelled out; "150", "10 pct" or "7.5" need the sentence rewritten.
  const spellable = value < 100 && /^\s+\p{Ll}/u.test(next) && !followedByUnit(block.text, end) && !partOfLargerNumber(block.text, at, end);
  const word = numberInWords(value);
  const capitalised = word[0].toUpperCase() + word.slice(1);
  const message = spellable
    ? `Do not open a sentence with a figure: write "${capitalised}".`
    : `Do not open a sentence with a figure: spell it out or reword the sentence so it does not come first.`;
  reportFigure(context, block, at, end, message, spellable ? capitalised : null);
}

function reportFigure(context: RuleContext, block: ProseBlock, at: number, end: number, message: string, replacement: string | null): void {
  const start = block.map.toSource(at);
  const sourceEnd = block.map.toSourceEnd(end);
  // A speaker's words: left alone, or reported without a fix.
  if (inQuotationAt(context.doc, block, at, end)) {
    if (context.options.quotations !== 'report') return;
    context.report({ start, end: sourceEnd, message: `${message}${QUOTED_NOTE}` });
    return;
  }
  context.report({
    start,
    end: sourceEnd,
    message,
    ...(replacement ? { fix: { title: `Write "${replacement}"`, edits: [{ start, end: sourceEnd, text: replacement }] } } : {}),
  });
}

/** Decimals, thousands, fractions, times, scores, ranges, money, percentages, ordinals: "7.5", "3-2", "$5", "5%". */
function partOfLargerNumber(text: string, at: number, end: number): boolean {
  const before = text[at - 1] ?? ' ';
  const after = text[end] ?? ' ';
  if (/[.,/:\-–—$£€¥#+×x]/u.test(before) && at > 0 && !/\s/.test(before)) return true;
  if (/[.,/:]/.test(after) && /\d/.test(text[end + 1] ?? '')) return true;
  return /[-–—%°/'’]/.test(after);
}

function followedByUnit(text: string, end: number): boolean {
  // Dots dropped: "p.m." and "pm", "Feb." and "Feb" are the same word here.
  const next = /^[\s\u00a0]+([\p{L}.'’]+)/u.exec(text.slice(end, end + 16))?.[1]?.toLowerCase().replace(/\./g, '');
  return next !== undefined && UNIT_AFTER.has(next);
}

function isException(text: string, at: number, end: number): boolean {
  if (partOfLargerNumber(text, at, end) || followedByUnit(text, end)) return true;
  if (/^[\s\u00a0]+years?[\s\u00a0]+old\b/u.test(text.slice(end, end + 16))) return true;
  const before = text.slice(Math.max(0, at - 40), at);
  const previous = /([\p{L}.]+)[\s\u00a0]+$/u.exec(before)?.[1] ?? '';
  if (LABEL_BEFORE.has(previous.toLowerCase().replace(/\.$/, ''))) return true;
  // A capitalised word right before names the thing: "Apollo 9", "iPhone 6"; "The 5 officers" is a count.
  return /\p{Lu}/u.test(previous) && !FUNCTION_WORDS.has(previous.toLowerCase()) || isRangeOrList(text, before, end);
}

function isRangeOrList(text: string, before: string, end: number): boolean {
  // Ranges and series of figures: "between 5 and 12", "3 or 4", "5 to 10", "by 6 to 3".
  if (/\d[\s\u00a0]*(?:to|and|or|-|–|by)[\s\u00a0]+$/u.test(before)) return true;
  if (/^[\s\u00a0]+(?:to|and|or|by|-|–)[\s\u00a0]+\d/u.test(text.slice(end, end + 12))) return true;
  // Inside brackets alone, "(5)", and list numbering, "5)".
  return /^\)/.test(text.slice(end)) || /\(\s*$/.test(before);
}

/** Is block offset `at` the first word of its sentence (after an opening quote or bracket)? */
function opensSentence(block: ProseBlock, at: number): boolean {
  const sentences = sentencesOf(block);
  const sentence = sentences[sentenceIndexAt(sentences, at)];
  return sentence !== undefined && sentence.start <= at && /^[\s"“‘'(]*$/u.test(block.text.slice(sentence.start, at));
}

/** "twenty" -> "20" and "forty-two" -> "42" mid-sentence, when nothing larger or hyphenated follows. */
function checkWords(context: RuleContext, block: ProseBlock, limit: number): void {
  const text = block.text;
  WORD_NUMBER.lastIndex = 0;
  for (let m = WORD_NUMBER.exec(text); m; m = WORD_NUMBER.exec(text)) {
    const value = WORD_VALUES.get(m[0].toLowerCase());
    if (value === undefined || value < limit) continue;
    // Capitalised words are names ("Group of Twenty") or open a sentence, where words belong.
    if (/^\p{Lu}/u.test(m[0])) continue;
    const at = m.index;
    const end = at + m[0].length;
    // Part of a larger number in words: "twenty million", "one hundred and twenty".
    if (/^[\s\u00a0]+(?:hundred|thousand|million|billion|trillion)\b/iu.test(text.slice(end, end + 12))) continue;
    if (/\b(?:hundred|thousand)[\s\u00a0]+(?:and[\s\u00a0]+)?$/iu.test(text.slice(Math.max(0, at - 14), at))) continue;
    if (opensSentence(block, at)) continue;
    const figure = String(value);
    reportFigure(context, block, at, end, `Use figures for ${figure} and above: write "${figure}", not "${m[0]}".`, figure);
  }
}
