// Reading names around acronyms: a full name written out without brackets ("the International
// Energy Agency said ... the IEA said"), regional spellings of a dictionary name, and the
// signs that capitals are a company, brand or product name rather than an acronym.

import type { NewsDocument } from './document.js';
import type { ProseBlock } from './prose.js';
import type { AcronymStyle } from './types.js';
import { escapeRegExp } from './text-case.js';

/** Small words a name may carry without giving a letter: "Bank for Reconstruction and Development". */
const JOINERS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'to', 'at', '&', 'di', 'der', 'und', 'y']);
/** A word, hyphenated parts and inner full stops ("U.S.") included; a full stop after it is punctuation. */
const WORD = /[\p{L}](?:[\p{L}\p{M}'’]|\.(?=\p{L}))*(?:-[\p{L}](?:[\p{L}\p{M}'’]|\.(?=\p{L}))*)*|&/gu;

interface Word {
  start: number;
  end: number;
  /** Letters the word may give: its initial, and for "Asia-Pacific" the initials of its parts. */
  initials: string[];
  capital: boolean;
  joiner: boolean;
  /** Punctuation between the previous word and this one breaks a name. */
  broken: boolean;
}

/** A place in the body where an acronym's name is written out. */
export interface NameMention {
  block: ProseBlock;
  start: number;
  end: number;
}

const wordCache = new WeakMap<ProseBlock, Word[]>();

function wordsOf(block: ProseBlock): Word[] {
  let words = wordCache.get(block);
  if (words) return words;
  words = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(block.text); m; m = WORD.exec(block.text)) {
    const w = m[0];
    const parts = w.split('-').filter((p) => p.length > 0);
    const initials = [w[0].toUpperCase()];
    if (parts.length > 1) initials.push(parts.map((p) => p[0].toUpperCase()).join(''));
    // Initials inside a name give all their letters: "UK Athletics" for UKA, "U.S. Steel" for USS.
    const letters = w.replace(/\./g, '');
    if (/^\p{Lu}{2,}$/u.test(letters)) initials.push(letters);
    const capital = /^\p{Lu}/u.test(w) || (parts.length > 1 && /^\p{Lu}/u.test(parts[parts.length - 1]));
    const prevEnd = words.length > 0 ? words[words.length - 1].end : 0;
    const broken = /[.,;:!?()"“”<>]/.test(block.text.slice(prevEnd, m.index));
    words.push({ start: m.index, end: m.index + w.length, initials, capital, joiner: JOINERS.has(w.toLowerCase()), broken });
  }
  wordCache.set(block, words);
  return words;
}

/**
 * The first place in `blocks` where capitalised words spell `acronym` by their initials
 * (joining words may be skipped or give their letter: "Department of Energy" for DOE;
 * "&" is ignored). The acronym's own letters never count as its name.
 */
export function findSpelledName(blocks: readonly ProseBlock[], acronym: string): NameMention | null {
  const letters = acronym.replace(/&/g, '');
  if (letters.length < 2) return null;
  for (const block of blocks) {
    const words = wordsOf(block);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w.capital || w.joiner || !w.initials.some((x) => letters.startsWith(x))) continue;
      const end = spell(words, i, letters, 0);
      // A name is two words or more: the acronym (or a longer one) alone is no spelling-out.
      if (end > i) return { block, start: w.start, end: words[end].end };
    }
  }
  return null;
}

/** Index of the last word when words[i..] spell letters[at..], else -1. */
function spell(words: Word[], i: number, letters: string, at: number): number {
  if (i >= words.length) return -1;
  const w = words[i];
  if (at > 0 && w.broken) return -1;
  if (w.capital && !w.joiner) {
    for (const x of w.initials) {
      if (!letters.startsWith(x, at)) continue;
      if (at + x.length === letters.length) return i;
      const next = spell(words, i + 1, letters, at + x.length);
      if (next !== -1) return next;
    }
    return -1;
  }
  if (!w.joiner || at === 0) return -1;
  // A joining word may give its letter ("of" in DOE) or be skipped.
  if (w.initials[0] === letters[at] && w.initials[0] !== '&') {
    const next = spell(words, i + 1, letters, at + 1);
    if (next !== -1 && at + 1 < letters.length) return next;
  }
  return spell(words, i + 1, letters, at);
}

/** Folds the spellings regions differ on, so "Organisation" and "Organization" are one name. */
export function foldRegional(name: string): string {
  return name
    .toLowerCase()
    .replace(/["“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/is(e|ed|es|ing|ation|ations)\b/g, 'iz$1')
    .replace(/\bco-?op/g, 'coop')
    .replace(/our\b/g, 'or')
    .replace(/(?<=\p{L})re\b/gu, 'er');
}

/**
 * A name as regular-expression source that also matches its other regional spellings
 * (Organisation/Organization, Labour/Labor, Centre/Center, Co-operation/Cooperation);
 * white space between words may be any run of spaces or line breaks. Case is kept.
 */
export function regionalSource(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => {
      let x = escapeRegExp(w);
      x = x.replace(/i[sz](e|ed|es|ing|ation|ations)$/, 'i[sz]$1');
      x = x.replace(/([Cc]o)-?op/, '$1-?op');
      if (w.length >= 5) x = x.replace(/ou?r$/, 'o(?:u)?r').replace(/(?:er|re)$/, '(?:er|re)');
      return x;
    })
    .join('\\s+');
}

/** A word naming what kind of thing a name is: "the DIW economic institute", "news agency IRNA". */
const DESCRIPTOR =
  /^(?:agency|institute|institution|association|federation|union|party|group|company|firm|maker|makers|manufacturer|producer|bank|brokerage|broker|airline|carrier|network|channel|station|newspaper|magazine|daily|weekly|band|team|club|side|label|studio|studios|fund|exchange|council|body|organisation|organization|system|systems|unit|subsidiary|chain|retailer|operator|utility|consortium|foundation|society|league|commission|ministry|office|board|committee|centre|center|symbol|ticker|service|services|programme|program|project|plan|scheme|software|chip|chips|computer|computers|model|format|standard|protocol|satellite|rocket|missile|aircraft|jet|engine|drug|vaccine|virus|test|card|award|awards|prize|festival|show|series|album|single|tour|cup|championship|trophy|chief|chairman|chairwoman|president|spokesman|spokeswoman|spokesperson|director|boss|executive)s?$/i;

/**
 * Describing nouns that are also verbs: after the initials they are the sentence's verb when
 * the clause ends or an object follows ("figures from the CSO show.", "the IEA plans to").
 */
const VERB_FORM = /^(?:show|plan|test|fund|model|project|award|tour|service|exchange|label|broker|program|programme|board|chain)s?$/;
const AFTER_VERB = /^(?:\s*(?:[.;:!?]|$)|\s+(?:that|a|an|the|its|their|his|her|it|to|no)\b)/u;

/** Capitalised words that open a clause rather than a name: "The KTZ", "In NKR". */
const FUNCTION_WORD = /^(?:The|A|An|And|But|Or|In|On|At|For|Of|To|By|With|From|Its|Their|His|Her|Our|This|That|These|Those|Both|Each|Former|New|Mr|Mrs|Ms|Dr|If|When|While|As|Under|Over|After|Before|Since|Says|Said)$/;

/** A word of nationality or place that describes rather than names: "the Indian STC", "Australian group". */
const NATIONALITY = /^\p{Lu}\p{Ll}+(?:an|ese|ish)$/u;

/**
 * Whether the capitals at [start, end) read as a proper name or a described name rather
 * than an acronym a reader needs spelled out: "CMS Advertising", "Kodak KIMS", "PL 480",
 * "news agency IRNA", "the DIW economic institute", "Santos's bid for TMOC".
 */
export function readsAsName(text: string, start: number, end: number, subject = false): boolean {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  // Part of a longer proper name or a code: "CMS Advertising", "SDC Sydney", "PL 480", "A320".
  if (/^(?:['’]s)?\s+(?:\p{Lu}\p{Ll}|\d)/u.test(after)) return true;
  // After a capitalised word that does not open a sentence: "Kodak KIMS", "Daihatsu FSO".
  const prevMatch = /([\p{L}\p{M},]*)\s+(\S+)\s+$/u.exec(before);
  const prev = prevMatch?.[2] ?? /(\S+)\s+$/u.exec(before)?.[1] ?? '';
  // The word before that is a word in the same sentence, and the capitalised word is no article.
  const midSentence = prevMatch !== null && /\p{L}$/u.test(prevMatch[1]);
  if (midSentence && /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(prev) && !FUNCTION_WORD.test(prev) && !NATIONALITY.test(prev)) return true;
  // Described by a noun right before or within two words after; the story's own subject (named
  // in its headline) is named in full at first reference however it is described.
  if (!subject && DESCRIPTOR.test(prev)) return true;
  // A ticker named earlier in the sentence: "the symbol for Viacom will be changed to QQX".
  if (/\b(?:symbols?|tickers?)\b[^.;:!?]*$/i.test(text.slice(Math.max(0, start - 120), start))) return true;
  if (!subject && describedAfter(text.slice(end, end + 60))) return true;
  // After another name in capitals ("BBC GMR"), or in a list of proper names ("BASF, Siemens and ...").
  if (/\b\p{Lu}{2,}\s+$/u.test(before)) return true;
  return /^,\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*(?:,|\s+and\s+\p{Lu})/u.test(after) || /\p{Lu}\p{Ll}+,\s+$/u.test(before);
}

/** Whether one of the two words after the initials is a describing noun ("the DIW economic institute"), not a verb. */
function describedAfter(after: string): boolean {
  const words = /^(\s+([\p{Ll}-]+))(?:\s+([\p{Ll}]+))?/u.exec(after);
  if (!words) return false;
  const isNoun = (word: string, rest: string) => DESCRIPTOR.test(word) && !(VERB_FORM.test(word) && AFTER_VERB.test(rest));
  return isNoun(words[2], after.slice(words[1].length)) || (words[3] !== undefined && isNoun(words[3], after.slice(words[0].length)));
}

/** A company's legal form after initials makes them a name (MCA Inc, FMC Corp), not an acronym to spell out. */
const COMPANY_SUFFIX =
  /^(?:\s+\p{Lu}[\p{L}&'’-]*){0,2}\s+(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|LLC|LLP|LP|AG|SA|NV|BV|AB|ASA|SpA|GmbH|KK|Pte|Bhd|Group|Holding|Holdings|Bancorp|Industries|Communications|Securities|Enterprises|International|Entertainment|Airways|Airlines|Partners)\b/u;
/** Reuters writes unlisted companies and tickers in angle brackets: "<TMOC Resources Ltd>", "<GLD>". */
const ANGLE_NAME = /<([A-Z][A-Z&]+)(?:\.[A-Z]{1,2})?[\s>]/g;

/** Capitals found in a block's text: [start, end). */
export interface InitialsAt {
  acronym: string;
  start: number;
  end: number;
}

/** Initials that name a company in the draft ("MCA Inc", "<TMOC Resources Ltd>"), with the source offset where it is first so named. */
export function findCompanyNames(doc: NewsDocument, style: AcronymStyle, blockTokens: ReadonlyMap<ProseBlock, readonly InitialsAt[]>): Map<string, number> {
  const names = new Map<string, number>();
  const add = (acronym: string, at: number) => {
    if (at < (names.get(acronym) ?? Infinity)) names.set(acronym, at);
  };
  for (const block of doc.body) {
    for (const token of blockTokens.get(block) ?? []) {
      if (style.dictionary.has(token.acronym)) continue;
      if (COMPANY_SUFFIX.test(block.text.slice(token.end, token.end + 48))) add(token.acronym, block.map.toSource(token.start));
    }
    // Markdown reads "<TQMC Resources Ltd>" as inline HTML, so the brackets are looked for in the source.
    if (!block.text.includes('<') && !block.text.includes('\uFFFC')) continue;
    const source = doc.source.slice(block.start, block.end);
    ANGLE_NAME.lastIndex = 0;
    for (let m = ANGLE_NAME.exec(source); m; m = ANGLE_NAME.exec(source)) if (!style.dictionary.has(m[1])) add(m[1], block.start + m.index);
  }
  return names;
}
