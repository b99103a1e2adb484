// Rule `name-consistency`: one person or place is spelled one way through a story. Names are
// compared by a transliteration-aware key (Nazarbayev/Nazarbaev, Yerlan/Erlan) and by a small
// edit distance where the rest of the name agrees; the later variant is reported, pointing
// at the first use, and fixed to it. A style's preferred spellings win over the first use.

import { HONORIFICS, storyNames, transliterationKey, vowelVariant, type NameToken } from '../engine/names.js';
import { editDistance } from '../engine/suggest.js';
import { variantOf } from '../engine/spelling-variants.js';
import { sourceRange } from '../engine/story-words.js';
import type { RuleOptions } from '../engine/types.js';
import { preferredFormsOption, type RuleContext, type RuleDefinition } from './rule.js';

interface Occurrence {
  token: NameToken;
  name: string;
  key: string;
  /** Neighbouring words of the same name run ("Nursultan" before "Nazarbayev"), or null. */
  prev: string | null;
  next: string | null;
  standalone: boolean;
}

export const nameConsistency: RuleDefinition = {
  id: 'name-consistency',
  description: 'Spell a person or place the same way throughout the story (transliterations included).',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    preferred: preferredFormsOption('House spellings that win over any transliteration variant, e.g. [Nazarbayev, Tokayev]; without one, the first use wins.'),
    minLength: { type: 'number', default: 4, min: 3, max: 20, description: 'Shortest name (letters) compared.' },
  },
  check(context: RuleContext): void {
    const { tokens } = storyNames(context.doc);
    const preferred = preferredByKey(context.options);
    const minLength = context.options.minLength as number;
    const occurrences: Occurrence[] = [];
    for (const token of tokens) {
      const name = token.word.text;
      if (name.length < minLength || !/^\p{Lu}\p{Ll}/u.test(name)) continue;
      const words = token.run.words;
      const prev = token.at > 0 ? words[token.at - 1].text : null;
      const next = token.at < words.length - 1 ? words[token.at + 1].text : null;
      const standalone = next === null && (prev === null || HONORIFICS.has(prev));
      occurrences.push({ token, name, key: transliterationKey(name), prev, next, standalone });
    }
    const firstByKey = new Map<string, Occurrence[]>();
    const byAnchor = new Map<string, Occurrence[]>();
    for (const occ of occurrences) {
      const house = preferred.get(occ.key);
      if (house !== undefined) {
        if (house !== occ.name) report(context, occ, house, null);
        continue;
      }
      const match = sameKey(firstByKey.get(occ.key), occ) ?? nearAnchor(byAnchor, occ);
      if (match) report(context, occ, match.name, match);
      const list = firstByKey.get(occ.key) ?? [];
      if (!list.some((o) => o.name === occ.name)) list.push(occ);
      firstByKey.set(occ.key, list);
      for (const anchor of anchorsOf(occ)) {
        const group = byAnchor.get(anchor) ?? [];
        if (!group.some((o) => o.name === occ.name)) group.push(occ);
        byAnchor.set(anchor, group);
      }
    }
  },
};

const preferredCache = new WeakMap<RuleOptions, Map<string, string>>();

/** The style's spellings by transliteration key, computed once per options object. */
function preferredByKey(options: RuleOptions): Map<string, string> {
  let map = preferredCache.get(options);
  if (!map) {
    map = new Map();
    for (const name of (options.preferred as readonly string[] | undefined) ?? []) map.set(transliterationKey(name), name);
    preferredCache.set(options, map);
  }
  return map;
}

/**
 * An earlier spelling under the same transliteration key: the same name respelled. Short names
 * count only where the rest of the name agrees (same neighbouring word); a pair of words that
 * both open sentences may be ordinary words and does not count.
 */
function sameKey(earlier: readonly Occurrence[] | undefined, occ: Occurrence): Occurrence | null {
  for (const first of earlier ?? []) {
    if (first.name === occ.name || first.name.toLowerCase() === occ.name.toLowerCase()) continue;
    if (sharesAnchor(first, occ)) return first;
    // A capitalised word opening a sentence may be any word; mid-sentence (here or at the other spelling) it is a name.
    const nameLike = !occ.token.word.sentenceStart || occ.prev !== null || !first.token.word.sentenceStart || first.prev !== null;
    // One opens a longer name and the other ends one (Michel Gondry, Roger Michell): a given name and a surname.
    const opens = (o: Occurrence) => o.prev === null && o.next !== null;
    const ends = (o: Occurrence) => o.prev !== null && o.next === null;
    const disagree = (opens(first) && ends(occ)) || (ends(first) && opens(occ));
    if (nameLike && !disagree && Math.max(occ.name.length, first.name.length) >= 5) return first;
  }
  return null;
}

function sharesAnchor(a: Occurrence, b: Occurrence): boolean {
  return (a.prev !== null && a.prev === b.prev) || (a.next !== null && a.next === b.next);
}

/** Anchors that allow an edit-distance match: a neighbouring name word that is not an honorific. */
function anchorsOf(occ: Occurrence): string[] {
  const anchors: string[] = [];
  if (occ.prev !== null && !HONORIFICS.has(occ.prev)) anchors.push(`<${occ.prev}`);
  if (occ.next !== null) anchors.push(`>${occ.next}`);
  return anchors;
}

/** A one-letter slip or a vowel-only variant of a name with the same neighbour (John Smiht / John Smith). */
function nearAnchor(byAnchor: ReadonlyMap<string, Occurrence[]>, occ: Occurrence): Occurrence | null {
  if (occ.name.length < 5) return null;
  for (const anchor of anchorsOf(occ)) {
    for (const first of byAnchor.get(anchor) ?? []) {
      if (first.name.length < 5 || first.name.toLowerCase() === occ.name.toLowerCase()) continue;
      const [a, b] = [first.key, occ.key];
      // Demonyms and plurals extend a name (German/Germany, Korea/Korean): not variants.
      if (a.startsWith(b) || b.startsWith(a)) continue;
      // British and American spellings of a word in a name (World Health Organisation/Organization, Labour/Labor Party) are no slip.
      if (isSpellingPair(first.name, occ.name)) continue;
      if (editDistance(a, b, 1) <= 1 || vowelVariant(a, b)) return first;
    }
  }
  return null;
}

function isSpellingPair(a: string, b: string): boolean {
  const variant = variantOf(a.toLowerCase());
  return variant !== undefined && (variant.american === b.toLowerCase() || variant.british === b.toLowerCase());
}

function report(context: RuleContext, occ: Occurrence, house: string, first: Occurrence | null): void {
  const range = sourceRange(occ.token.word);
  const related = first
    ? [{ ...sourceRange(first.token.word), message: `First written "${first.name}" here.` }]
    : undefined;
  const message = first
    ? `"${occ.name}" is spelled "${house}" earlier in the story; use one spelling.`
    : `The house spelling is "${house}", not "${occ.name}".`;
  context.report({ ...range, message, fix: { title: `Write "${house}"`, edits: [{ ...range, text: house }] }, related });
}
