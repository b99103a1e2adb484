// Rule `spelling-consistency`: a story keeps to one spelling convention per class of variant
// (-ize/-ise, -yze/-yse, -or/-our, -er/-re, -l-/-ll-, e/ae, -ense/-ence) when the style does
// not fix one. The story's own majority wins (the first use on a tie); the other spellings are
// reported and fixed. Proper names keep their spelling (Pearl Harbor, the Labour Party).

import type { NewsDocument } from '../engine/document.js';
import type { CompiledStyle } from '../engine/style.js';
import type { RuleOptions } from '../engine/types.js';
import { SPELLING_CLASSES, variantOf, type SpellingClass, type Variant } from '../engine/spelling-variants.js';
import { sourceRange, storyWords, type StoryWord } from '../engine/story-words.js';
import type { RuleContext, RuleDefinition } from './rule.js';

export interface SpellingUse {
  word: StoryWord;
  variant: Variant;
  british: boolean;
}

export const CLASS_NAMES: Record<SpellingClass, string> = {
  ize: '-ize/-ise',
  yze: '-yze/-yse',
  our: '-or/-our',
  re: '-er/-re',
  ll: 'single/double l',
  ae: 'e/ae',
  ence: '-ense/-ence',
};

export const spellingConsistency: RuleDefinition = {
  id: 'spelling-consistency',
  description: 'Keep to one spelling convention (-ize/-ise, -or/-our, -er/-re …) within a story.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    classes: {
      type: 'string[]',
      default: SPELLING_CLASSES,
      description: `Which classes of variant to compare: ${SPELLING_CLASSES.join(', ')}.`,
    },
    quotations: {
      type: 'string',
      default: 'skip',
      enum: ['skip', 'report'],
      description: 'Words inside direct quotations: "skip" leaves the speaker\'s words alone (neither counted nor reported); "report" treats them like the rest.',
    },
  },
  check(context: RuleContext): void {
    // A style that fixes one variety of English (terms with `spelling: en-GB`) lets the terms rule decide.
    const termsSpelling = context.style.optionsOf('terms').spelling;
    if (context.style.severityOf('terms') !== 'off' && typeof termsSpelling === 'string' && termsSpelling !== 'off') return;
    for (const [spellingClass, uses] of spellingUses(context.doc, context.style, context.options)) {
      const british = uses.filter((u) => u.british).length;
      const american = uses.length - british;
      if (british === 0 || american === 0) continue;
      const wantBritish = british > american || (british === american && uses[0].british);
      const example = uses.find((u) => u.british === wantBritish)!;
      for (const use of uses) if (use.british !== wantBritish) report(context, use, wantBritish, spellingClass, example);
    }
  },
};

/** The story's variant spellings per class, in order (read by the rule and the story's style sheet). */
export function spellingUses(doc: NewsDocument, style: CompiledStyle, options: RuleOptions): Map<SpellingClass, SpellingUse[]> {
  const { words } = storyWords(doc);
  const classes = new Set((options.classes as readonly string[] | undefined) ?? SPELLING_CLASSES);
  const fixedByStyle = termsWords(style);
  const skipQuotes = options.quotations !== 'report';
  const byClass = new Map<SpellingClass, SpellingUse[]>();
  for (const word of words) {
    const text = word.text;
    if (text.length < 3 || (skipQuotes && word.quoted)) continue;
    const lower = word.sentenceStart ? text.toLowerCase() : text;
    const variant = variantOf(lower);
    if (!variant || !classes.has(variant.spellingClass)) continue;
    // Lower case, or capitalised only because it opens a sentence; a capitalised word elsewhere is a name.
    if (lower !== text && !/^\p{Lu}\p{Ll}+$/u.test(text)) continue;
    // The style decides this word through its terms: the terms rule speaks for it.
    if (fixedByStyle.has(variant.american) || fixedByStyle.has(variant.british)) continue;
    const list = byClass.get(variant.spellingClass) ?? [];
    list.push({ word, variant, british: lower === variant.british });
    byClass.set(variant.spellingClass, list);
  }
  return byClass;
}

const termsCache = new WeakMap<CompiledStyle, Set<string>>();

/** Every word the style's terms list names, either side, in lower case. */
function termsWords(style: CompiledStyle): Set<string> {
  let set = termsCache.get(style);
  if (!set) {
    set = new Set();
    for (const [from, to] of Object.entries(style.config.terms ?? {})) {
      set.add(from.toLowerCase());
      set.add(to.toLowerCase());
    }
    termsCache.set(style, set);
  }
  return set;
}

function report(context: RuleContext, use: SpellingUse, wantBritish: boolean, spellingClass: SpellingClass, example: SpellingUse): void {
  const target = wantBritish ? use.variant.british : use.variant.american;
  const text = /^\p{Lu}/u.test(use.word.text) ? target[0].toUpperCase() + target.slice(1) : target;
  const range = sourceRange(use.word);
  const convention = wantBritish ? 'British' : 'American';
  context.report({
    ...range,
    message: `This story mostly spells ${CLASS_NAMES[spellingClass]} words the ${convention} way ("${example.word.text}"); write "${text}".`,
    fix: { title: `Write "${text}"`, edits: [{ ...range, text }] },
    related: [{ ...sourceRange(example.word), message: `"${example.word.text}" is spelled the ${convention} way here.` }],
  });
}
