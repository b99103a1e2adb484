// Prose text with a map back to exact source offsets. A ProseBlock's text is what a reader
// reads (escapes and entities resolved, code and HTML replaced by a placeholder); every
// offset in it converts back to a UTF-16 offset in the source. Knows nothing of rules.

const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Stands in the prose for inline code, inline HTML and images: a token that is not a word. */
export const PLACEHOLDER = '\uFFFC';

export type BlockKind = 'heading' | 'paragraph' | 'tableCell' | 'frontMatterTitle';
export type BlockContainer = 'root' | 'blockquote' | 'list' | 'table' | 'frontMatter';

/**
 * Runs of text that map contiguously onto the source: text offset t in run k
 * (textStarts[k] <= t < textStarts[k+1]) maps to srcStarts[k] + (t - textStarts[k]).
 */
export class OffsetMap {
  private readonly textStarts: number[] = [];
  private readonly srcStarts: number[] = [];
  private length = 0;
  private lastSrcEnd = 0;

  /** Appends one prose character (or a run of them) that stands at source offset src. */
  push(textOffset: number, src: number, count = 1): void {
    const k = this.textStarts.length - 1;
    const continues = k >= 0 && this.srcStarts[k] + (textOffset - this.textStarts[k]) === src;
    if (!continues) {
      this.textStarts.push(textOffset);
      this.srcStarts.push(src);
    }
    this.length = textOffset + count;
    this.lastSrcEnd = src + count;
  }

  /** Source offset of the prose character at t (t may equal the text length: the end). */
  toSource(t: number): number {
    if (this.textStarts.length === 0) return this.lastSrcEnd;
    if (t >= this.length) return this.lastSrcEnd + (t - this.length);
    let lo = 0;
    let hi = this.textStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.textStarts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.srcStarts[lo] + (t - this.textStarts[lo]);
  }

  /**
   * Whether every character of source [start, end) is one a prose character stands at, or
   * white space: an edit there replaces words only, never markup (link targets, code, HTML,
   * escapes) that the reader does not see.
   */
  coversSource(source: string, start: number, end: number): boolean {
    const runs = this.sourceRuns();
    let k = 0;
    for (let s = start; s < end; s++) {
      const ch = source.charCodeAt(s);
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) continue;
      while (k < runs.length && runs[k][1] <= s) k++;
      if (k === runs.length || runs[k][0] > s) return false;
    }
    return true;
  }

  private runs: [number, number][] | null = null;

  /** The source stretches the prose stands on, sorted and merged. */
  private sourceRuns(): [number, number][] {
    if (this.runs) return this.runs;
    const raw: [number, number][] = this.srcStarts.map((src, k) => {
      const textEnd = k + 1 < this.textStarts.length ? this.textStarts[k + 1] : this.length;
      return [src, src + (textEnd - this.textStarts[k])];
    });
    raw.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const run of raw) {
      const last = merged[merged.length - 1];
      if (last && run[0] <= last[1]) last[1] = Math.max(last[1], run[1]);
      else merged.push([run[0], run[1]]);
    }
    this.runs = merged;
    return merged;
  }

  /** Source offset just after the prose range ending at t (exclusive end). */
  toSourceEnd(t: number): number {
    if (t <= 0) return this.toSource(0);
    return this.toSource(t - 1) + 1;
  }
}

export interface ProseBlock {
  index: number;
  kind: BlockKind;
  container: BlockContainer;
  /** Heading depth, 0 for other blocks. */
  depth: number;
  text: string;
  map: OffsetMap;
  /** Source range of the whole block. */
  start: number;
  end: number;
}

/** Builds a block's text and offset map from pieces of source, one piece at a time. */
export class ProseBuilder {
  private text = '';
  readonly map = new OffsetMap();

  constructor(private readonly source: string) {}

  /** Adds source[start, end) whose parsed value is `value` (escapes/entities resolved). */
  addText(value: string, start: number, end: number): void {
    if (end - start === value.length && this.source.startsWith(value, start)) {
      if (value.length > 0) this.map.push(this.text.length, start, value.length);
      this.text += value;
      return;
    }
    this.addAligned(value, start, end);
  }

  /** A non-prose piece (code, HTML, image) as one placeholder character. */
  addPlaceholder(start: number): void {
    this.map.push(this.text.length, start);
    this.text += PLACEHOLDER;
  }

  /** A hard line break or other separator that reads as white space. */
  addBreak(start: number): void {
    this.map.push(this.text.length, start);
    this.text += '\n';
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.text, map: this.map };
  }

  /**
   * Whether every prose character maps onto itself in the source: the same character, the
   * character reference or escape that stands for it, or a line break for a break. A block
   * that fails is never linted, so no finding can land on text other than the one it names.
   */
  mapsOntoSource(): boolean {
    const src = this.source;
    const text = this.text;
    for (let t = 0; t < text.length; t++) {
      const ch = text[t];
      if (ch === PLACEHOLDER) continue;
      const at = this.map.toSource(t);
      if (at < 0 || at >= src.length) return false;
      const found = src[at];
      if (found === ch || found === '&') continue;
      if (ch === '\n' && (found === '\r' || found === ' ' || found === '\\')) continue;
      // The second half of an astral character decoded from a reference maps to its end.
      if (found === ';' && ch >= '\udc00' && ch <= '\udfff' && src[this.map.toSource(t - 1)] === '&') continue;
      return false;
    }
    return true;
  }

  /**
   * Aligns a parsed value with its source when they differ: block-quote markers and
   * indentation after line breaks, backslash escapes, character references. Each value
   * character is matched to the next equal source character within a short window; a
   * character with no match (a decoded reference) maps to where the reference starts.
   */
  private addAligned(value: string, start: number, end: number): void {
    const src = this.source;
    let j = start;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      // A character reference or a backslash escape stands for this character: map it to the
      // reference, never to a later literal copy of the same character.
      const reference = src[j] === '&' && ch !== '&' ? CHARACTER_REFERENCE.exec(src.slice(j, j + 40)) : null;
      if (reference) {
        this.map.push(this.text.length + i, j);
        j += reference[0].length;
        // Astral characters decode to two UTF-16 units from one reference.
        if (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) < 0xdc00 && i + 1 < value.length) this.map.push(this.text.length + ++i, j - 1);
        continue;
      }
      if (src[j] === '\\' && src[j + 1] === ch && ch !== '\\') j++;
      let found = -1;
      const limit = Math.min(end, j + 16);
      for (let k = j; k < limit; k++) {
        if (src[k] === ch) {
          found = k;
          break;
        }
        // CRLF in the source is LF in the value.
        if (ch === '\n' && src[k] === '\r' && src[k + 1] === '\n') {
          found = k + 1;
          break;
        }
      }
      const at = found >= 0 ? found : Math.min(j, Math.max(start, end - 1));
      this.map.push(this.text.length + i, at);
      j = found >= 0 ? found + 1 : Math.min(end, j + 1);
    }
    this.text += value;
  }
}
