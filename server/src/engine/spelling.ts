// American spellings a British-spelling style flags. The pairs come from the variants list
// of `american-british-english-translator` (MIT); an American form that the British
// dictionary `dictionary-en-gb` (SCOWL en_GB-ise, MIT and BSD) accepts in some sense
// (practice, license, draft, tire) is not flagged, except where the sense can be read.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import variants from 'american-british-english-translator/data/american_spellings.json' with { type: 'json' };

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
  const british = loadBritishDictionary();
  const table = new Map<string, string>();
  for (const [american, britishForm] of Object.entries(variants as Record<string, string>)) {
    const word = american.toLowerCase();
    if (word.includes(' ') || word === britishForm.toLowerCase()) continue;
    const senseWord = SENSE_CHECKED.has(word) ? word : SENSE_CHECKED.has(word.replace(/s$/, '')) ? word.replace(/s$/, '') : null;
    if (senseWord === null && british.accepts(word)) continue;
    table.set(word, britishForm.toLowerCase());
  }
  cached = {
    variants: table,
    isAmericanHere(word, context) {
      const test = SENSE_CHECKED.get(word) ?? SENSE_CHECKED.get(word.replace(/s$/, ''));
      if (!test) return true;
      return test(context);
    },
  };
  return cached;
}

interface Hunspell {
  accepts(word: string): boolean;
}

/** Reads the en-GB Hunspell files: stems with flags, and the suffix rules the flags name. */
function loadBritishDictionary(): Hunspell {
  const dir = dictionaryDir();
  const dic = fs.readFileSync(path.join(dir, 'index.dic'), 'utf8');
  const aff = fs.readFileSync(path.join(dir, 'index.aff'), 'utf8');
  const stems = new Map<string, string>();
  for (const line of dic.split('\n').slice(1)) {
    const slash = line.indexOf('/');
    const stem = (slash < 0 ? line : line.slice(0, slash)).trim();
    if (stem) stems.set(stem, slash < 0 ? '' : line.slice(slash + 1).trim());
  }
  type Suffix = { flag: string; strip: string; add: string; condition: RegExp };
  const suffixes: Suffix[] = [];
  for (const line of aff.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== 'SFX' || f.length < 5 || /^[YN]$/.test(f[2])) continue;
    const add = f[3] === '0' ? '' : f[3].split('/')[0];
    suffixes.push({ flag: f[1], strip: f[2] === '0' ? '' : f[2], add, condition: new RegExp(`${f[4] === '.' ? '' : f[4]}$`) });
  }
  return {
    accepts(word) {
      if (stems.has(word)) return true;
      return suffixes.some((s) => {
        if (!word.endsWith(s.add)) return false;
        const stem = word.slice(0, word.length - s.add.length) + s.strip;
        return (stems.get(stem)?.includes(s.flag) ?? false) && s.condition.test(stem);
      });
    },
  };
}

/** The dictionary's folder: the installed package, or a copy beside the bundled server (dist/dictionary-en-gb). */
function dictionaryDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('dictionary-en-gb'));
  } catch {
    return path.join(path.dirname(fileURLToPath(import.meta.url)), 'dictionary-en-gb');
  }
}
