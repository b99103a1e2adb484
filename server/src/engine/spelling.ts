// American spellings a British-spelling style flags. The pairs come from the variants list
// of `american-british-english-translator` (MIT); an American form that the British
// dictionary `dictionary-en-gb` (SCOWL en_GB-ise, MIT and BSD) accepts in some sense
// (practice, license, draft, tire) is not flagged, except where the sense can be read.

import { variantTable } from './spelling-table.js';

export const SPELLINGS = ['off', 'en-GB'] as const;
export type Spelling = (typeof SPELLINGS)[number];

/** What a sense test sees of a word's place: the text before it in its paragraph, the paragraph, the story's body. */
export interface SenseContext {
  before: string;
  paragraph: string;
  story(): string;
}

const COMPUTING = /\b(?:comput\w*|software|source code|app|apps|install\w*|download\w*|virus\w*|hack\w*|malware|spyware|programmer\w*|programming|algorithm\w*|database\w*|server\w*|operating system|browser\w*|microchips?|file-sharing|pcs?|desktops?|laptops?|internet|web|online)\b/i;
const COMPUTING_ALL = new RegExp(COMPUTING.source, 'gi');
const NOUN_BEFORE = /(?:\b(?:a|an|the|his|her|its|their|our|my|your|this|that|no|any|new|liquor|driving|broadcast\w*|TV|export|import|operating|\p{L}+['’]s?)|\p{L}+s['’])\s+$/iu;
const NUMBER_BEFORE = /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand))[\s-]+$/i;

/**
 * American forms the British dictionary accepts in one sense only, with the test that
 * shows the American sense: "program" is British for computer code only, "license" as a
 * verb only, "meter" for the instrument only.
 */
const SENSE_CHECKED = new Map<string, (c: SenseContext) => boolean>([
  ['program', (c) => !COMPUTING.test(c.paragraph) && (c.story().match(COMPUTING_ALL)?.length ?? 0) < 3],
  ['license', (c) => NOUN_BEFORE.test(c.before)],
  ['meter', (c) => NUMBER_BEFORE.test(c.before)],
]);

export interface BritishSpellings {
  /** Lower-case American form -> lower-case British form. */
  readonly variants: ReadonlyMap<string, string>;
  /** Whether the word, here, is the American spelling (true unless the word is British in one sense only). */
  isAmericanHere(word: string, context: SenseContext): boolean;
}

let cached: BritishSpellings | undefined;

/** The American spellings a British style flags, built once from the two packages. */
export function britishSpellings(): BritishSpellings {
  if (cached) return cached;
  const senseChecked = (word: string) => SENSE_CHECKED.has(word) || SENSE_CHECKED.has(word.replace(/s$/, ''));
  cached = {
    variants: variantTable(senseChecked),
    isAmericanHere(word, context) {
      const test = SENSE_CHECKED.get(word) ?? SENSE_CHECKED.get(word.replace(/s$/, ''));
      if (!test) return true;
      return test(context);
    },
  };
  return cached;
}
