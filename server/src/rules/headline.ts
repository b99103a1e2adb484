// Rule `headline`: the headline is in sentence case (not Title Case, not all capitals unless
// allowed), has no final full stop, and fits `maxLength` characters. Reads only
// doc.headline; the one fix removes the full stop.

import type { ProseBlock } from '../engine/prose.js';
import type { RuleContext, RuleDefinition } from './rule.js';

/** Short words Title Case capitalises and sentence case does not. */
const MINOR_WORDS = new Set(
  'a an the and but or nor for so yet as at by in of off on per to up via with from into onto over than that after before amid says is are was were be has have'.split(' '),
);
/** Abbreviations whose dot is not a full stop: "… to visit U.S.", "… sells Acme Inc.". */
const ABBREVIATIONS = new Set('Inc Corp Co Ltd Plc Bros Jr Sr St Mt Dr Mr Mrs Ms No Gen Gov Sen Rep Ave etc al'.split(' '));
const WORD = /[\p{L}][\p{L}\p{N}'’.-]*/gu;

export const headline: RuleDefinition = {
  id: 'headline',
  description: 'Headlines in sentence case, with no final full stop, within the maximum length.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    maxLength: { type: 'number', default: 100, min: 10, max: 1000, description: 'Most characters a headline may have.' },
    allowAllCaps: { type: 'boolean', default: false, description: 'Accept headlines in capitals throughout (the old wire convention).' },
  },
  check(context: RuleContext): void {
    const block = context.doc.headline?.block;
    if (!block) return;
    const text = block.text;
    const trimmedEnd = text.trimEnd().length;
    const trimmedStart = text.length - text.trimStart().length;
    if (trimmedEnd <= trimmedStart) return;
    checkCase(context, block, trimmedStart, trimmedEnd);
    checkFullStop(context, block, trimmedEnd);
    checkLength(context, block, trimmedStart, trimmedEnd);
  },
};

function checkCase(context: RuleContext, block: ProseBlock, start: number, end: number): void {
  const text = block.text.slice(start, end);
  const words = [...text.matchAll(WORD)];
  const letters = text.replace(/[^\p{L}]/gu, '');
  const range = { start: block.map.toSource(start), end: block.map.toSourceEnd(end) };
  if (words.length >= 2 && letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    if (!(context.options.allowAllCaps as boolean)) {
      context.report({ ...range, message: 'Headline is in capitals; write it in sentence case: capitalise only the first word and proper nouns.' });
    }
    return;
  }
  if (isTitleCase(text, words)) {
    context.report({ ...range, message: 'Headline is in Title Case; write it in sentence case: capitalise only the first word and proper nouns.' });
  }
}

/**
 * Title Case: every content word after the first starts with a capital (at least three of
 * them). Proper nouns make some capitals normal, so one lower-case content word clears the
 * headline, unless a capitalised "Of", "In" or "The" mid-headline gives Title Case away.
 */
function isTitleCase(text: string, words: RegExpMatchArray[]): boolean {
  let candidates = 0;
  let capitalised = 0;
  let minorCapitalised = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i][0];
    const at = words[i].index ?? 0;
    // The first word, and a word opening a clause after a colon or dash, may take a capital.
    if (i === 0 || opensClause(text, at)) continue;
    // Acronyms and words with inner capitals or digits (OSCE, iPhone, G8) say nothing about case style.
    if (/^\p{Lu}[\p{Lu}\p{N}.'’-]+$/u.test(word) || /.\p{Lu}/u.test(word.replace(/['’]S$/u, '')) || /\p{N}/u.test(word)) continue;
    const minor = MINOR_WORDS.has(word.toLowerCase());
    const upper = /^\p{Lu}/u.test(word);
    if (minor && !upper) {
      candidates++;
      continue;
    }
    candidates++;
    if (upper) capitalised++;
    if (minor && upper) minorCapitalised++;
  }
  if (candidates < 3) return false;
  const ratio = capitalised / candidates;
  // One lower-case content word ("New York Times sells Boston Globe") shows sentence case among names.
  return ratio === 1 || (minorCapitalised > 0 && ratio >= 0.6);
}

/**
 * Whether the word at `at` opens a clause: it follows a colon, dash, question or exclamation
 * mark (and maybe an opening quote), or a spaced hyphen. Reads backwards over the white
 * space before the word only, so all words together cost time linear in the headline.
 */
function opensClause(text: string, at: number): boolean {
  let i = at;
  if (i > 0 && `"“‘'`.includes(text[i - 1])) i--;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  if (i > 0 && ':—–?!'.includes(text[i - 1])) return true;
  // " - " before the word (the quote skipped above does not count here).
  let j = at;
  while (j > 0 && /\s/.test(text[j - 1])) j--;
  return j > 1 && text[j - 1] === '-' && /\s/.test(text[j - 2]);
}

/** The run of letters and dots that ends right before text[at] (the final full stop). */
function wordEndingAt(text: string, at: number): string {
  let i = at;
  for (;;) {
    // Astral letters are two UTF-16 units: test the pair as one character.
    const pair = i > 1 && /[\uDC00-\uDFFF]/.test(text[i - 1]) ? 2 : 1;
    if (i - pair < 0 || !/^[\p{L}.]$/u.test(text.slice(i - pair, i))) break;
    i -= pair;
  }
  return text.slice(i, at);
}

function checkFullStop(context: RuleContext, block: ProseBlock, end: number): void {
  const text = block.text;
  if (text[end - 1] !== '.' || text[end - 2] === '.') return;
  const lastWord = wordEndingAt(text, end - 1);
  // "U.S." and "a.m." are abbreviations (a dot inside); "Inc." and "Corp." are listed.
  if (lastWord.includes('.') || ABBREVIATIONS.has(lastWord)) return;
  // "Council meets on budget. ." : the stops before it, each after white space, go in the same fix,
  // so one --fix pass settles the headline instead of one stop a pass.
  let from = end - 1;
  for (;;) {
    let j = from;
    while (j > 0 && /\s/.test(text[j - 1])) j--;
    if (j === from || text[j - 1] !== '.' || text[j - 2] === '.') break;
    const word = wordEndingAt(text, j - 1);
    if (word.includes('.') || ABBREVIATIONS.has(word)) break;
    from = j - 1;
  }
  // "… in U.S. ." : the space before the stray stop goes with it.
  while (from > 0 && /[ \t]/.test(text[from - 1])) from--;
  const start = block.map.toSource(from);
  const stop = block.map.toSourceEnd(end);
  context.report({
    start,
    end: stop,
    message: 'Headlines take no full stop; delete it.',
    fix: { title: 'Remove the full stop', edits: [{ start, end: stop, text: '' }] },
  });
}

function checkLength(context: RuleContext, block: ProseBlock, start: number, end: number): void {
  const maxLength = context.options.maxLength as number;
  const length = [...block.text.slice(start, end)].length;
  if (length <= maxLength) return;
  // Point at the part that runs over, so the writer sees where to cut.
  const overAt = start + [...block.text.slice(start, end)].slice(0, maxLength).join('').length;
  context.report({
    start: block.map.toSource(overAt),
    end: block.map.toSourceEnd(end),
    message: `Headline is ${length} characters long; cut it to ${maxLength} or fewer.`,
  });
}
