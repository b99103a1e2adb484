// Cheap facts about a pattern that save running it: the plain words a pattern must open with
// tell which texts cannot match at all (a substring test) and where a match can start, so
// the engine runs anchored at those places instead of searching the whole text.

import type { Regex } from './regex.js';

/**
 * A pattern that opens with a group of plain words (`\b(am|are|is)\b...`) cannot match a text
 * holding none of them: those words, lower-cased when matching ignores case; else null.
 */
export function leadingWords(pattern: string, ignoreCase: boolean): LeadingWords | null {
  let rest = pattern;
  let fold = ignoreCase;
  let boundary = false;
  for (let m = /^(?:\(\?([ims]+)\)|\\b)/.exec(rest); m; m = /^(?:\(\?([ims]+)\)|\\b)/.exec(rest)) {
    if (m[1]?.includes('i')) fold = true;
    if (m[0] === '\\b') boundary = true;
    rest = rest.slice(m[0].length);
  }
  const group = /^\((?:\?:)?([A-Za-z0-9 '|]+)\)(?![?*{])/.exec(rest);
  if (!group) return null;
  // No alternation outside that group, or the group is not required.
  let depth = 0;
  const after = rest.slice(group[0].length);
  for (let i = 0; i < after.length; i++) {
    const c = after[i];
    if (c === '\\') i++;
    else if (c === '[') while (i < after.length && after[i] !== ']') i += after[i] === '\\' ? 2 : 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
  }
  const words = group[1].split('|');
  if (words.some((w) => w.length === 0)) return null;
  return { words: fold ? words.map((w) => w.toLowerCase()) : words, fold, boundary };
}

export interface LeadingWords {
  words: string[];
  fold: boolean;
  /** The pattern opens with \b: a match starts where no ASCII word character precedes. */
  boundary: boolean;
}

export function withHints(re: Regex, hints: LeadingWords | null): Regex {
  if (!hints) return re;
  const possible = (text: string) => {
    const t = hints.fold ? text.toLowerCase() : text;
    return hints.words.some((w) => t.includes(w));
  };
  return {
    ...re,
    test: (text) => possible(text) && re.test(text),
    each: (text, fn) => {
      if (possible(text)) re.each(text, fn);
    },
    first: (text) => (possible(text) ? re.first(text) : null),
  };
}

const asciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Where a match can start, for a pattern that opens with a group of words each starting with
 * an ASCII letter or digit: every place one of the words stands (at a word start when the
 * pattern opens with \b), ascending. Null when folding would change the text's length.
 */
export function candidateStarts(text: string, hints: LeadingWords): number[] | null {
  const folded = hints.fold ? text.toLowerCase() : text;
  if (folded.length !== text.length) return null;
  const at = new Uint8Array(text.length);
  for (const word of hints.words) {
    for (let i = folded.indexOf(word); i !== -1; i = folded.indexOf(word, i + 1)) {
      if (!hints.boundary || i === 0 || !asciiWord(text.charCodeAt(i - 1))) at[i] = 1;
    }
  }
  const starts: number[] = [];
  for (let i = 0; i < at.length; i++) if (at[i]) starts.push(i);
  return starts;
}
