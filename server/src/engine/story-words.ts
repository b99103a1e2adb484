// The words of a story's body in reading order, each with where it stands: at a sentence
// start, inside a direct quotation, in the dateline. Shared by the consistency rules (names,
// second references, capitals, hyphens, spellings); memoised per document, one pass per block.

import { perDocument, type NewsDocument } from './document.js';
import type { ProseBlock } from './prose.js';
import { parseDateline } from './dateline.js';
import { quotedRanges, sentencesOf } from './segment.js';

export interface StoryWord {
  block: ProseBlock;
  /** [start, end) in block.text; a possessive 's is not part of the word. */
  start: number;
  end: number;
  text: string;
  /** The first word of its sentence (after any opening quote or bracket). */
  sentenceStart: boolean;
  /** Inside a direct quotation. */
  quoted: boolean;
  /** Followed by a possessive 's / ’s. */
  possessive: boolean;
  /** Position in StoryWords.words. */
  index: number;
}

export interface StoryWords {
  words: StoryWord[];
}

/** Letters, with inner apostrophes and hyphens ("O'Neill", "co-operation", "two-day-long"). */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

export const storyWords: (doc: NewsDocument) => StoryWords = perDocument(collect);

function collect(doc: NewsDocument): StoryWords {
  const quoted = quotedRanges(doc);
  const words: StoryWord[] = [];
  for (const block of doc.body) {
    // Headings inside the body and table cells are set in their own case; they are not prose to compare.
    if (block.kind !== 'paragraph') continue;
    const text = block.text;
    const from = block === doc.dateline ? (parseDateline(block)?.separator.end ?? 0) : 0;
    const sentences = sentencesOf(block);
    const quotes = quoted.get(block) ?? [];
    let q = 0;
    let s = 0;
    WORD.lastIndex = from;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      let word = m[0];
      const possessive = word.endsWith("'s") || word.endsWith('’s');
      if (possessive) word = word.slice(0, -2);
      const start = m.index;
      const end = start + word.length;
      while (q < quotes.length && quotes[q][1] <= start) q++;
      const inQuote = q < quotes.length && quotes[q][0] <= start;
      while (s + 1 < sentences.length && sentences[s + 1].start <= start) s++;
      const opens = start === from || (sentences.length > 0 && isSentenceStart(text, start, sentences[s].start));
      words.push({ block, start, end, text: word, sentenceStart: opens, quoted: inQuote, possessive, index: words.length });
    }
  }
  return { words };
}

/** The word opens its sentence: only quotes, brackets or dashes stand between the sentence start and it. */
function isSentenceStart(text: string, at: number, sentenceStart: number): boolean {
  if (at < sentenceStart) return false;
  let i = at;
  while (i > sentenceStart && OPENER.test(text[i - 1])) i--;
  return i === sentenceStart;
}

const OPENER = /["“‘'(\[—–-]/;

/** Only white space (no punctuation, no line of another paragraph) stands between two words. */
export function adjacent(a: StoryWord, b: StoryWord): boolean {
  if (a.block !== b.block || a.possessive) return false;
  const between = a.block.text.slice(a.end, b.start);
  return /^[ \t]*\n?[ \t]*$/.test(between) && between.length > 0;
}

/** Source range of a word (or of the words from a to b). */
export function sourceRange(a: StoryWord, b: StoryWord = a): { start: number; end: number } {
  return { start: a.block.map.toSource(a.start), end: b.block.map.toSourceEnd(b.end) };
}
