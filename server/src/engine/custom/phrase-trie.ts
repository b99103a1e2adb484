// Plain words and phrases (a style's `terms:`, a custom rule's `words:` or non-regex `swap:`,
// a Vale rule's plain token list) found with a trie of UTF-16 units instead of one giant
// regex: building is linear in the total length of the list, and a search costs the same
// for 10 terms or 100,000.

/** Key of "any run of white space" in a trie built without exactSpace. */
const SPACE = -1;
const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0xfeff || c === 0x85;
const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const unicodeWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_\p{M}]/u.test(ch);
/** RE2's and Go's \b: ASCII letters, digits and underscore only. */
export const asciiWordChar = (ch: string | undefined) => ch !== undefined && isAsciiWord(ch.charCodeAt(0));

export interface TrieOptions {
  /** What counts as a word character for the boundaries (default: any Unicode letter or digit). */
  wordChar?: (ch: string | undefined) => boolean;
  /** A space in a phrase matches exactly one space, as in a regex (default: any run of white space). */
  exactSpace?: boolean;
  /** At one place, the longest phrase wins (default) or the first listed, as regex alternation does. */
  prefer?: 'longest' | 'first';
}

interface Node {
  next: Map<number, Node>;
  /** Index of the phrase that ends here (the first listed, when a phrase is listed twice). */
  phrase: number;
}

export interface PhraseMatch {
  start: number;
  end: number;
  /** Index into the list given to the constructor. */
  phrase: number;
}

export class PhraseTrie {
  private readonly root: Node = { next: new Map(), phrase: -1 };
  private readonly ignoreCase: boolean;
  private readonly wordAt: (text: string, i: number) => boolean;
  private readonly exactSpace: boolean;
  /** Word boundaries are ASCII ones (RE2's \b). */
  private readonly ascii: boolean;
  private readonly first: boolean;

  constructor(phrases: readonly string[], ignoreCase: boolean, options: TrieOptions = {}) {
    this.ignoreCase = ignoreCase;
    const wordChar = options.wordChar;
    // ASCII boundaries are tested on char codes; others on the character (a surrogate pair's first unit reads the pair).
    this.wordAt =
      wordChar === asciiWordChar
        ? (text, i) => i >= 0 && i < text.length && isAsciiWord(text.charCodeAt(i))
        : (text, i) => {
            if (i < 0 || i >= text.length) return false;
            const c = text.charCodeAt(i);
            if (c < 128) return isAsciiWord(c);
            const cp = text.codePointAt(c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i)!;
            return (wordChar ?? unicodeWordChar)(String.fromCodePoint(cp));
          };
    this.ascii = wordChar === asciiWordChar;
    this.exactSpace = options.exactSpace ?? false;
    this.first = options.prefer === 'first';
    phrases.forEach((phrase, index) => this.add(this.exactSpace ? phrase : phrase.trim(), index));
  }

  private fold(c: number): number {
    if (!this.ignoreCase) return c;
    if (c >= 65 && c <= 90) return c + 32;
    if (c < 128) return c;
    const lower = String.fromCharCode(c).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : c;
  }

  private add(phrase: string, index: number): void {
    if (phrase === '') return;
    let node = this.root;
    let previousSpace = false;
    for (let i = 0; i < phrase.length; i++) {
      const c = phrase.charCodeAt(i);
      const space = !this.exactSpace && isSpaceCode(c);
      if (space && previousSpace) continue;
      previousSpace = space;
      const key = space ? SPACE : this.fold(c);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), phrase: -1 };
        node.next.set(key, child);
      }
      node = child;
    }
    if (node.phrase === -1) node.phrase = index;
  }

  /** For each ASCII code, whether a phrase can start with it (built on first use). */
  private startsAscii: Uint8Array | null = null;

  private keyOf(c: number): number {
    return !this.exactSpace && isSpaceCode(c) ? SPACE : this.fold(c);
  }

  /** Non-overlapping whole-word matches, leftmost first. */
  findAll(text: string): PhraseMatch[] {
    let starts = this.startsAscii;
    if (!starts) {
      starts = this.startsAscii = new Uint8Array(128);
      for (let c = 0; c < 128; c++) starts[c] = this.root.next.has(this.keyOf(c)) ? 1 : 0;
    }
    const found: PhraseMatch[] = [];
    const n = text.length;
    const ascii = this.ascii;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const startable = c < 128 ? starts[c] === 1 : this.root.next.has(this.keyOf(c));
      // Inside a word no phrase starts; with ASCII boundaries a whole word is skipped at once.
      if (ascii && isAsciiWord(c) && (!startable || (i > 0 && isAsciiWord(text.charCodeAt(i - 1))))) {
        for (i++; i < n && isAsciiWord(text.charCodeAt(i)); i++);
        continue;
      }
      if (!startable || (!ascii && this.wordAt(text, i - 1) && this.wordAt(text, i))) {
        i++;
        continue;
      }
      const match = this.bestAt(text, i);
      if (match) {
        found.push(match);
        i = match.end;
      } else i++;
    }
    return found;
  }

  private bestAt(text: string, from: number): PhraseMatch | null {
    let node: Node | undefined = this.root;
    let best: PhraseMatch | null = null;
    let i = from;
    while (node && i < text.length) {
      const c = text.charCodeAt(i);
      if (!this.exactSpace && isSpaceCode(c)) {
        node = node.next.get(SPACE);
        while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
        continue;
      }
      node = node.next.get(c >= 65 && c <= 90 && this.ignoreCase ? c + 32 : c < 128 ? c : this.fold(c));
      i++;
      // A phrase ends at a word boundary: its last character or the text's next one is not a word character.
      if (node && node.phrase !== -1 && !(this.wordAt(text, i - 1) && this.wordAt(text, i)) && (!this.first || best === null || node.phrase < best.phrase)) {
        best = { start: from, end: i, phrase: node.phrase };
      }
    }
    return best;
  }
}
