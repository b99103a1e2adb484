// Rule `hyphenation-consistency`: one compound is written one way through a story, closed,
// hyphenated or open (co-operation/cooperation, decision-making/decision making), inflected
// forms included (micro-economic/microeconomics). Fix: the first form's joining, or the
// style's when it names one (the `preferred` option, or a `terms` entry).

import { adjacent, sourceRange, storyWords, type StoryWord } from '../engine/story-words.js';
import type { NewsDocument } from '../engine/document.js';
import type { CompiledStyle } from '../engine/style.js';
import { preferredFormsOption, type RuleContext, type RuleDefinition } from './rule.js';

type Joining = 'hyphenated' | 'closed' | 'open';

export interface CompoundUse {
  words: StoryWord[];
  /** The compound's letters in lower case, without hyphens or spaces. */
  letters: string;
  joining: Joining;
  /** Hyphenated before another noun (a decision-making process): hyphenated by grammar, whatever the noun's form. */
  attributive: boolean;
}

/** Hyphens that tell words apart (re-form/reform, re-sign/resign, re-cover/recover): not a matter of style. */
const MEANINGFUL_PREFIXES = new Set(['re']);
/** Phrasal verbs are open, their nouns closed or hyphenated (set up / set-up): an open form there is no variant. */
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'over', 'in', 'on', 'back', 'away', 'through', 'by', 'about', 'around', 'together']);
/** Words that cannot open an open compound ("by election", "in house" are a preposition and a noun). */
const FUNCTION_WORDS = new Set(
  'a an the and or but of to in on at by for from with as is are was were be been has have had will would can could may might must shall should do does did not no this that these those it its he she they we i you his her their our your my than then so if also very more most less least per via into onto over under after before'.split(' '),
);
/** Inflections that one compound takes in a story: co-operate, co-operation, co-operating, microeconomics. */
const INFLECTION = /(?:at(?:ions?|ing|ed|es|e|ive)|ings?|ed|es|s|ics?|ally|al|ly|ers?|ions?|ive|e)$/;

export const hyphenationConsistency: RuleDefinition = {
  id: 'hyphenation-consistency',
  description: 'Write a compound the same way throughout the story: closed, hyphenated or open.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    preferred: preferredFormsOption('House forms that win when a story mixes forms, e.g. [co-operation, decision-making]; entries of the style\'s terms count too.'),
    open: {
      type: 'boolean',
      default: true,
      description: 'Compare open forms (decision making) with hyphenated ones where both stand as nouns, not before another noun.',
    },
  },
  check(context: RuleContext): void {
    const groups = compoundUses(context.doc, context.options.open !== false);
    const house = houseForms(context.style, context.options.preferred as readonly string[]);
    const termsKeys = termsKeysOf(context.style);
    for (const [stem, uses] of groups) {
      const joinings = new Set(uses.map((u) => u.joining));
      if (joinings.size < 2) continue;
      const preferred = house.get(stem);
      for (const use of uses) {
        const first = uses.find((u) => comparable(u, use));
        const model: Model | undefined = preferred ?? (first && first !== use ? { joining: first.joining, text: textOf(first), use: first } : undefined);
        if (!model) continue;
        if (use.joining === model.joining || !comparable(use, { joining: model.joining, attributive: false })) continue;
        // The terms rule reports its own entries word for word.
        if (termsKeys.has(textOf(use).toLowerCase())) continue;
        report(context, use, model);
      }
    }
  },
};

/** Each compound's uses in story order, keyed by its letters without an ending (read by the rule and the style sheet). */
export function compoundUses(doc: NewsDocument, withOpen = true): Map<string, CompoundUse[]> {
  return collectUses(storyWords(doc).words, withOpen);
}

/** A use of a compound as written. */
export function compoundText(use: CompoundUse): string {
  return textOf(use);
}

type Model = { joining: Joining; text: string; use: CompoundUse | null };

/** An open form and a hyphen before a noun differ by grammar, not by style: they are not compared. */
function comparable(a: Pick<CompoundUse, 'joining' | 'attributive'>, b: Pick<CompoundUse, 'joining' | 'attributive'>): boolean {
  return !((a.joining === 'open' && b.attributive) || (b.joining === 'open' && a.attributive));
}

function textOf(use: CompoundUse): string {
  const block = use.words[0].block;
  return block.text.slice(use.words[0].start, use.words[use.words.length - 1].end);
}

/** The letters without an inflection, as long as four letters remain. */
function stemOf(letters: string): string {
  const ending = INFLECTION.exec(letters);
  return ending && letters.length - ending[0].length >= 4 ? letters.slice(0, ending.index) : letters;
}

/** Compounds per stem, in story order: every hyphenated word, and closed and open forms of the same letters. */
function collectUses(words: readonly StoryWord[], withOpen: boolean): Map<string, CompoundUse[]> {
  const hyphenated = new Map<string, CompoundUse[]>();
  for (const w of words) {
    if (!w.text.includes('-')) continue;
    const parts = w.text.split('-');
    // Proper names (Mercedes-Benz, Al-Sabah) keep their own hyphens.
    if (parts.slice(1).some((p) => /^\p{Lu}/u.test(p)) || MEANINGFUL_PREFIXES.has(parts[0].toLowerCase())) continue;
    const letters = parts.join('').toLowerCase();
    const stem = stemOf(letters);
    const list = hyphenated.get(stem) ?? [];
    list.push({ words: [w], letters, joining: 'hyphenated', attributive: !standsAsNoun(w, words[w.index + 1]) });
    hyphenated.set(stem, list);
  }
  if (hyphenated.size === 0) return hyphenated;
  // Only words opening the way a hyphenated compound opens can be its closed or open form.
  const firstParts = new Set<string>();
  for (const uses of hyphenated.values()) for (const u of uses) firstParts.add(u.words[0].text.split('-', 1)[0].toLowerCase());
  const openers = new Set([...firstParts].map((p) => p.slice(0, 2)));
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const head = w.text.slice(0, 2).toLowerCase();
    if (w.text.length < 2 || !(openers.has(head) || openers.has(head[0])) || w.text.includes('-')) continue;
    const lower = w.text.toLowerCase();
    const closed = hyphenated.get(stemOf(lower));
    if (closed && /^\p{Ll}|^\p{Lu}\p{Ll}*$/u.test(w.text) && sharesFirstPart(closed, lower)) closed.push({ words: [w], letters: lower, joining: 'closed', attributive: false });
    const next = words[i + 1];
    if (!withOpen || !next || !firstParts.has(lower) || !adjacent(w, next) || !/^\p{Ll}+$/u.test(w.text) || !/^\p{Ll}+$/u.test(next.text)) continue;
    if (FUNCTION_WORDS.has(w.text) || PARTICLES.has(next.text) || w.possessive) continue;
    const letters = w.text + next.text;
    const open = hyphenated.get(stemOf(letters));
    if (!open || !open.some((u) => u.words[0].text.toLowerCase().split('-').length === 2 && u.words[0].text.toLowerCase().startsWith(`${w.text}-`))) continue;
    // Only nouns compare: a compound before another noun takes its hyphen by grammar (a long-term plan / in the long term).
    if (!standsAsNoun(next, words[i + 2])) continue;
    open.push({ words: [w, next], letters, joining: 'open', attributive: false });
  }
  for (const list of hyphenated.values()) list.sort((a, b) => a.words[0].index - b.words[0].index);
  return hyphenated;
}

/** The closed word splits where a hyphenated use does: "cooperation" and "co-operate" share "co". */
function sharesFirstPart(uses: readonly CompoundUse[], lower: string): boolean {
  return uses.some((u) => lower.startsWith(u.words[0].text.toLowerCase().split('-')[0]));
}

/** No lower-case content word follows in the same sentence run. */
function standsAsNoun(word: StoryWord, next: StoryWord | undefined): boolean {
  if (!next || !adjacent(word, next)) return true;
  return FUNCTION_WORDS.has(next.text.toLowerCase()) || !/^\p{Ll}/u.test(next.text) || /^(?:said|says|is|was|has|had|will|would)$/.test(next.text);
}

const houseCache = new WeakMap<CompiledStyle, Map<string, Model>>();

/** The style's forms by stem: the option's list first, then the right-hand side of each terms entry. */
function houseForms(style: CompiledStyle, preferred: readonly string[]): Map<string, Model> {
  let map = houseCache.get(style);
  if (!map) {
    map = new Map();
    const forms = [...(preferred ?? []), ...Object.values(style.config.terms ?? {})];
    for (const form of forms) {
      if (!/^[\p{L}]+(?:[- ][\p{L}]+)*$/u.test(form)) continue;
      const joining: Joining = form.includes('-') ? 'hyphenated' : form.includes(' ') ? 'open' : 'closed';
      const stem = stemOf(form.replace(/[- ]/g, '').toLowerCase());
      if (!map.has(stem)) map.set(stem, { joining, text: form, use: null });
    }
    houseCache.set(style, map);
  }
  return map;
}

const termsKeyCache = new WeakMap<CompiledStyle, Set<string>>();

function termsKeysOf(style: CompiledStyle): Set<string> {
  let keys = termsKeyCache.get(style);
  if (!keys) termsKeyCache.set(style, (keys = new Set(Object.keys(style.config.terms ?? {}).map((k) => k.toLowerCase()))));
  return keys;
}

/** Part lengths of the model ("co-operation" -> [2, 9]) applied to this use's letters, keeping its case and inflection. */
function rejoin(use: CompoundUse, model: { joining: Joining; text: string }): string | null {
  const letters = use.words.map((w) => w.text.replace(/-/g, '')).join('');
  if (model.joining === 'closed') return letters;
  const modelParts = model.text.split(/[- ]/);
  const cuts: number[] = [];
  let at = 0;
  for (const part of modelParts.slice(0, -1)) cuts.push((at += part.length));
  if (cuts.length === 0 || cuts[cuts.length - 1] >= letters.length) return null;
  const separator = model.joining === 'hyphenated' ? '-' : ' ';
  let out = '';
  let from = 0;
  for (const cut of cuts) {
    out += letters.slice(from, cut) + separator;
    from = cut;
  }
  return out + letters.slice(from);
}

function report(context: RuleContext, use: CompoundUse, model: Model): void {
  const first = use.words[0];
  const last = use.words[use.words.length - 1];
  const range = sourceRange(first, last);
  const text = rejoin(use, model);
  const written = model.use ? textOf(model.use) : model.text;
  const message = model.use
    ? `Written "${written}" earlier in the story; write this compound the same way (${model.joining}).`
    : `The house form is "${written}" (${model.joining}); write this compound the same way.`;
  context.report({
    ...range,
    message,
    fix: text !== null ? { title: `Write "${text}"`, edits: [{ ...range, text }] } : undefined,
    related: model.use ? [{ ...sourceRange(model.use.words[0], model.use.words[model.use.words.length - 1]), message: `First written "${written}" here.` }] : undefined,
  });
}
