// One config file's text and the way from UTF-16 offsets to 1-based line:column, so every
// ConfigError points at the exact node. Offsets are into the original text, BOM included.

import type { ConfigError } from './errors.js';
import { computeLineStarts } from '../engine/lines.js';

export interface Span {
  start: number;
  end: number;
}

export class ConfigSource {
  /** 1 when the text opens with a byte-order mark: YAML sees the text after it. */
  readonly bomLength: number;
  private readonly lineStarts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.bomLength = text.startsWith('\uFEFF') ? 1 : 0;
    this.lineStarts = computeLineStarts(text);
  }

  /** The text YAML parses: without the BOM, so its offsets are ours minus bomLength. */
  get body(): string {
    return this.text.slice(this.bomLength);
  }

  errorAt(span: Span, message: string): ConfigError {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= span.start) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: span.start - this.lineStarts[lo] + 1, start: span.start, end: span.end, message };
  }
}
