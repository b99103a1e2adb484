// Rule `capitalisation-consistency`: one phrase is capitalised one way through a story
// ("the Interior Ministry" ... "the interior ministry"), sentence starts, headlines and
// quotations aside; and, where the style says so, a title is capitalised before a name and
// lower case after a name or alone. Fix: the first form's capitals (or the title rule's).

import { isGivenName, isNameWord, storyNames, type NameRun } from '../engine/names.js';
import { adjacent, sourceRange, storyWords, type StoryWord } from '../engine/story-words.js';
import type { RuleContext, RuleDefinition } from './rule.js';

/** Titles that take a capital before a name only. */
const TITLES = new Set(
  'president vice-president premier minister secretary chancellor governor senator congressman congresswoman mayor ambassador general admiral colonel commissioner chairman chairwoman director king queen prince princess pope archbishop bishop judge justice'.split(' '),
);
/** Words that may stand before a title inside it: "prime minister", "foreign minister", "defence secretary". */
const TITLE_LEAD = /^(?:prime|foreign|finance|interior|defence|defense|home|trade|economy|energy|health|justice|deputy|vice|chief|attorney|treasury|state|secretary|first|foreign)$/;

interface Phrase {
  first: StoryWord;
  last: StoryWord;
  capitalised: boolean;
}

export const capitalisationConsistency: RuleDefinition = {
  id: 'capitalisation-consistency',
  description: 'Capitalise a phrase the same way throughout the story; titles capitalised before a name only, where the style says so.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    titles: {
      type: 'string',
      default: 'off',
      enum: ['off', 'before-name'],
      description: '"before-name": a title is capitalised before a name (Foreign Minister Ann Lee) and lower case after a name or alone (the foreign minister); "off": titles are only compared like other phrases.',
    },
  },
  check(context: RuleContext): void {
    const { runs } = storyNames(context.doc);
    const { words } = storyWords(context.doc);
    const phrases = collectPhrases(runs, words);
    for (const list of phrases.values()) {
      // The story's majority form wins (the first use on a tie): one slip among three uses is the slip.
      const capitalised = list.filter((p) => p.capitalised).length;
      // On a tie the story does not say which form it means: the later use is reported, with no side taken and no fix.
      const tie = capitalised * 2 === list.length;
      const wantCapitals = tie ? list[0].capitalised : capitalised * 2 > list.length;
      const model = list.find((p) => p.capitalised === wantCapitals)!;
      for (const other of list) if (other.capitalised !== wantCapitals) reportPhrase(context, other, model, tie);
    }
    if (context.options.titles === 'before-name') checkTitles(context, runs, words);
  },
};

const phraseKey = (ws: readonly StoryWord[]) => ws.map((w) => w.text.toLowerCase()).join(' ');

/**
 * Occurrences per phrase: whole capitalised runs of two to four words in mid-sentence, and the
 * same words all in lower case. Quotations are the speaker's; the dateline and headings are set apart.
 */
function collectPhrases(runs: readonly NameRun[], words: readonly StoryWord[]): Map<string, Phrase[]> {
  const capitalised = new Map<string, Phrase[]>();
  for (const run of runs) {
    const ws = run.words;
    if (ws.length < 2 || ws.length > 4 || ws[0].sentenceStart || ws.some((w) => w.quoted)) continue;
    if (ws.slice(0, -1).some((w) => w.possessive) || partOfLongerName(ws[0], ws[ws.length - 1])) continue;
    const key = phraseKey(ws);
    const list = capitalised.get(key) ?? [];
    list.push({ first: ws[0], last: ws[ws.length - 1], capitalised: true });
    capitalised.set(key, list);
  }
  if (capitalised.size === 0) return new Map();
  const lengths = new Set([...capitalised.keys()].map((k) => k.split(' ').length));
  const openers = new Set([...capitalised.keys()].map((k) => k.slice(0, k.indexOf(' '))));
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!openers.has(w.text) || w.quoted) continue;
    // The word before must not be a capitalised name word that the phrase continues.
    const before = words[i - 1];
    if (before && adjacent(before, w) && isNameWord(before) && !before.sentenceStart) continue;
    for (const n of lengths) {
      const ws = words.slice(i, i + n);
      if (ws.length < n || !ws.every((x, k) => /^\p{Ll}/u.test(x.text) && !x.quoted && (k === 0 || adjacent(ws[k - 1], x)))) continue;
      const list = capitalised.get(phraseKey(ws));
      if (list) list.push({ first: ws[0], last: ws[n - 1], capitalised: false });
    }
  }
  for (const list of capitalised.values()) list.sort((a, b) => a.first.index - b.first.index);
  return capitalised;
}

/** "Council of Mortgage Lenders", "Chief Executive of Hereford Hospitals": the run is part of a longer name. */
function partOfLongerName(first: StoryWord, last: StoryWord): boolean {
  const text = first.block.text;
  const before = text.slice(Math.max(0, first.start - 40), first.start);
  const after = text.slice(last.end + (last.possessive ? 2 : 0), last.end + 40);
  return /\p{Lu}[\p{L}\p{M}'’.-]*\s+(?:of|for|and|on|de|du|of the|for the)\s+$/u.test(before) || /^\s+(?:of|for|on|de|du|of the|for the)\s+\p{Lu}/u.test(after);
}

/** The words of a phrase with each first letter upper case where `caps` says so; what stands between them kept. */
function recased(words: readonly StoryWord[], caps: readonly boolean[]): string {
  const parts: string[] = [];
  const text = words[0].block.text;
  for (let k = 0; k < words.length; k++) {
    const w = words[k].text;
    parts.push((caps[k] ? w[0].toUpperCase() : w[0].toLowerCase()) + w.slice(1));
    if (k < words.length - 1) parts.push(text.slice(words[k].end + (words[k].possessive ? 2 : 0), words[k + 1].start));
  }
  return parts.join('');
}

function reportPhrase(context: RuleContext, later: Phrase, first: Phrase, tie: boolean): void {
  const wording = first.first.index < later.first.index ? 'earlier' : 'elsewhere';
  const ws = phraseWords(context, later);
  const model = phraseWords(context, first);
  const text = recased(ws, model.map((w) => /^\p{Lu}/u.test(w.text)));
  const range = sourceRange(later.first, later.last);
  const written = model.map((w) => w.text).join(' ');
  context.report({
    ...range,
    message: tie
      ? `Written "${written}" ${wording} in the story and "${ws.map((w) => w.text).join(' ')}" here; capitalise the two the same way (the house style decides which).`
      : `Written "${written}" ${wording} in the story; capitalise it the same way here.`,
    fix: tie ? undefined : { title: `Write "${text}"`, edits: [{ ...range, text }] },
    related: [{ ...sourceRange(first.first, first.last), message: `Written "${written}" here.` }],
  });
}

function phraseWords(context: RuleContext, p: Phrase): StoryWord[] {
  const { words } = storyWords(context.doc);
  return words.slice(p.first.index, p.last.index + 1);
}

// ---------------------------------------------------------------------------------------
// Titles

function checkTitles(context: RuleContext, runs: readonly NameRun[], words: readonly StoryWord[]): void {
  // A capitalised title standing alone: "the President said" -> "the president said".
  for (const run of runs) {
    const ws = run.words;
    if (ws[0].sentenceStart || ws.some((w) => w.quoted)) continue;
    if (!isTitleWords(ws) || partOfLongerName(ws[0], ws[ws.length - 1])) continue;
    const before = ws[0].block.text.slice(Math.max(0, ws[0].start - 4), ws[0].start);
    if (!/\bthe\s+$/.test(before)) continue;
    const text = recased(ws, ws.map(() => false));
    const range = sourceRange(ws[0], ws[ws.length - 1]);
    context.report({ ...range, message: `A title standing alone is lower case: "${text}".`, fix: { title: `Write "${text}"`, edits: [{ ...range, text }] } });
  }
  // A lower-case title right before a person's name: "foreign minister Ann Lee" -> "Foreign Minister Ann Lee".
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i];
    if (w.quoted || !TITLES.has(w.text) || w.possessive) continue;
    const name = words[i + 1];
    if (!adjacent(w, name) || !isGivenName(name.text)) continue;
    let from = i;
    while (from > 0 && TITLE_LEAD.test(words[from - 1].text) && adjacent(words[from - 1], words[from])) from--;
    const ws = words.slice(from, i + 1);
    const text = recased(ws, ws.map(() => true));
    const range = sourceRange(ws[0], w);
    context.report({ ...range, message: `A title before a name is capitalised: "${text}".`, fix: { title: `Write "${text}"`, edits: [{ ...range, text }] } });
  }
}

function isTitleWords(ws: readonly StoryWord[]): boolean {
  const lower = ws.map((w) => w.text.toLowerCase());
  return TITLES.has(lower[lower.length - 1]) && lower.slice(0, -1).every((w) => TITLE_LEAD.test(w));
}
