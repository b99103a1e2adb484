// Reading the definition around an acronym: "Full Name (ACR)", "Full Name <TICKER> (ACR)",
// "the Name, ACR," / "the Name, or ACR,", "ACR - Full Name -" and "ACR, the Full Name,".
// Pure text functions over a block's text; the dictionary decides names it knows.

import { regionalSource } from './acronym-names.js';
import type { AcronymStyle } from './types.js';

export interface Expansion {
  /** [start, end) in the block text, quotes excluded. */
  start: number;
  end: number;
  text: string;
}

/**
 * The name before "(" at `paren`: a dictionary expansion when the text ends with one,
 * else the run of capitalised words (small joining words allowed) before the bracket.
 */
export function nameBefore(text: string, paren: number, acronym: string, style: AcronymStyle): Expansion | null {
  let end = paren;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  // A ticker between name and acronym: "Gould Inc <GLD> (GLD)", parsed as inline HTML or kept as text.
  const ticker = /(?:\uFFFC|<[A-Z][A-Z.&]*>)$/u.exec(text.slice(Math.max(0, end - 16), end));
  if (ticker) {
    end -= ticker[0].length;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
  }
  let quoteEnd = end;
  if (/["”’']/.test(text[end - 1] ?? '')) end--;
  const before = text.slice(Math.max(0, end - 200), end);
  const offset = end - before.length;
  for (const candidate of style.dictionary.get(acronym) ?? []) {
    const match = endingWith(before, candidate);
    if (match !== -1) return { start: offset + match, end, text: text.slice(offset + match, end) };
  }
  const words = /((?:(?:\p{Lu}[\p{L}\p{M}'’.-]*|of|for|and|the|on|in|de|du|la|al|to|&)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)$/u.exec(before);
  if (!words) return quoteEnd > 0 && /\p{L}/u.test(text.slice(0, end)) ? lastWords(text, end) : null;
  let start = offset + words.index;
  // Joining words cannot open a name: "the Interior Ministry" starts at "Interior".
  const lead = /^(?:(?:of|for|and|the|on|in|to|&)\s+)+/.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  return start < end ? { start, end, text: text.slice(start, end) } : null;
}

/**
 * The wire's apposition: "the International Coffee Organization, ICO, said" or
 * "the Feeder Steer Price, or USFSP, is". The name is the capitalised run before the comma.
 */
export function appositionName(text: string, start: number, afterEnd: number): Expansion | null {
  if (text[afterEnd] !== ',' && text[afterEnd] !== ')') return null;
  const before = /([\p{L}\p{M}'’.\s-]{3,120}?),\s+(?:or\s+)?$/u.exec(text.slice(Math.max(0, start - 124), start));
  if (!before) return null;
  const end = start - before[0].length + before[1].length;
  const name = /((?:(?:\p{Lu}[\p{L}\p{M}'’.-]*|of|for|and|the|de)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*|[\p{Ll}-]+\s+[\p{Ll}-]+)$/u.exec(text.slice(Math.max(0, end - 120), end));
  if (!name || name[0].split(/\s+/).length < 2) return null;
  // "the UK's biggest brewer, QQN, is" describes a name; it does not spell the acronym out.
  if (!sharesInitials(name[0], text.slice(start, afterEnd))) return null;
  return { start: end - name[0].length, end, text: name[0] };
}

/** Whether a name's initials and an acronym's letters run in the same order, one within the other. */
function sharesInitials(name: string, acronym: string): boolean {
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => w && !/^(?:of|for|and|the|de)$/i.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
  const letters = acronym.replace(/[^A-Z]/g, '');
  const within = (a: string, b: string) => {
    let i = 0;
    for (const c of b) if (c === a[i]) i++;
    return i === a.length;
  };
  return within(initials, letters) || within(letters, initials);
}

/** The wire's dash apposition: "the ILO - International Labour Organisation - said". */
export function dashApposition(text: string, afterEnd: number): Expansion | null {
  const m = /^\s+(-{1,2}|–|—)\s+((?:the\s+)?\p{Lu}[\p{L}\p{M}'’.&\s-]{2,100}?)\s+(?:-{1,2}|–|—)(?=\s|$)/u.exec(text.slice(afterEnd, afterEnd + 120));
  if (!m || !/\s/.test(m[2].trim())) return null;
  const start = afterEnd + m[0].indexOf(m[2], m[1].length);
  return { start, end: start + m[2].length, text: m[2] };
}

/** The name after the acronym: "CENTR, the Council of European National Registries, said". */
export function nameAfterComma(text: string, afterEnd: number): Expansion | null {
  const m = /^,\s+the\s+(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|for|and|the|on|in|de|&)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)+)(?=[,.;]|\s+-)/u.exec(text.slice(afterEnd, afterEnd + 140));
  if (!m) return null;
  const start = afterEnd + m[0].length - m[1].length;
  return { start, end: start + m[1].length, text: m[1] };
}

/** Fallback for lower-case names ("non-governmental organisation (NGO)"): the last word. */
function lastWords(text: string, end: number): Expansion | null {
  const m = /(?:[\p{L}\p{M}'’-]+|\uFFFC)$/u.exec(text.slice(Math.max(0, end - 60), end));
  if (!m) return null;
  const start = end - m[0].length;
  return { start, end, text: m[0] };
}

/** Index in `text` where it ends with `name` (white space and case folded), or -1. */
const endingPatterns = new Map<string, RegExp>();

function endingWith(text: string, name: string): number {
  let pattern = endingPatterns.get(name);
  if (!pattern) endingPatterns.set(name, (pattern = endingPattern(name)));
  const m = pattern.exec(text);
  if (!m) return -1;
  // Must start at a word boundary.
  if (m.index > 0 && /[\p{L}\p{N}]/u.test(text[m.index - 1])) return -1;
  return m.index;
}

/** The name at the end of a text, in any regional spelling ("World Health Organisation" for "...Organization"). */
function endingPattern(name: string): RegExp {
  return new RegExp(`${regionalSource(name)}$`, 'iu');
}
