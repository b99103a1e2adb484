// American and British spellings of one word, sorted into the classes a style decides on
// as a whole (-ize/-ise, -yze/-yse, -or/-our, -er/-re, -l-/-ll-, e/ae-oe, -ense/-ence). The
// pairs come from the american-british-english-translator package's spelling list (MIT);
// pairs outside these classes (program/programme, tire/tyre) are left out, since the
// American form is also a British word there. Built once, on first use.

import pairs from 'american-british-english-translator/data/american_spellings.json' with { type: 'json' };

export type SpellingClass = 'ize' | 'yze' | 'our' | 're' | 'll' | 'ae' | 'ence';
export const SPELLING_CLASSES: readonly SpellingClass[] = ['ize', 'yze', 'our', 're', 'll', 'ae', 'ence'];

export interface Variant {
  spellingClass: SpellingClass;
  american: string;
  british: string;
}

/** Words whose American form is a British word of its own: a gas meter, a licence/license (noun/verb), to practise. */
const SHARED_STEMS = /^(?:meter|licens|practic|practis)/;

let table: Map<string, Variant> | null = null;

/** The variant a lower-case word is one spelling of, or undefined. */
export function variantOf(word: string): Variant | undefined {
  table ??= buildTable();
  return table.get(word);
}

function buildTable(): Map<string, Variant> {
  const map = new Map<string, Variant>();
  for (const [american, british] of Object.entries(pairs as Record<string, string>)) {
    if (!/^[a-z]+$/.test(american) || !/^[a-z]+$/.test(british) || SHARED_STEMS.test(american) || SHARED_STEMS.test(british)) continue;
    const spellingClass = classify(american, british);
    if (!spellingClass) continue;
    const variant = { spellingClass, american, british };
    map.set(american, variant);
    map.set(british, variant);
  }
  return map;
}

/** Which single, regular difference separates the two spellings; null for any other. */
export function classify(us: string, gb: string): SpellingClass | null {
  if (us.includes('iz') && us.replace(/iz/g, 'is') === gb) return 'ize';
  if (us.includes('yz') && us.replace(/yz/g, 'ys') === gb) return 'yze';
  if (gb.includes('our') && replacedOnce(gb, 'our', 'or') === us) return 'our';
  if (replacedOnce(us, 'er', 're') === gb) return 're';
  if (gb.length === us.length + 1 && shortensTo(gb, 'll', 'l', us)) return 'll';
  if (gb.length === us.length + 1 && (shortensTo(gb, 'ae', 'e', us) || shortensTo(gb, 'oe', 'e', us))) return 'ae';
  if (/ense[sd]?$/.test(us) && us.replace(/ense([sd]?)$/, 'ence$1') === gb) return 'ence';
  return null;
}

/** `text` with the last `from` replaced by `to` (the suffix end of a word is where the classes differ). */
function replacedOnce(text: string, from: string, to: string): string | null {
  const at = text.lastIndexOf(from);
  return at === -1 ? null : text.slice(0, at) + to + text.slice(at + from.length);
}

/** Whether replacing one `from` in `text` by `to` gives `target`. */
function shortensTo(text: string, from: string, to: string, target: string): boolean {
  for (let at = text.indexOf(from); at !== -1; at = text.indexOf(from, at + 1)) {
    if (text.slice(0, at) + to + text.slice(at + from.length) === target) return true;
  }
  return false;
}
