// One config file's text and the way from UTF-16 offsets to 1-based line:column, so every
// ConfigError points at the exact node. Offsets are into the original text, BOM included.

import type { ConfigError } from './errors.js';
import { computeLineStarts, lineOf, loneCrAsLf } from '../engine/lines.js';

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

  /**
   * The text YAML parses: without the BOM, so its offsets are ours minus bomLength. A lone CR
   * ends a line here as everywhere else (engine/lines.ts), but not in the YAML library, so it
   * is handed over as LF: same length, same offsets.
   */
  get body(): string {
    return loneCrAsLf(this.text.slice(this.bomLength));
  }

  /** 1-based line and column of an offset (lines as engine/lines.ts counts them). */
  positionOf(offset: number): { line: number; column: number } {
    const line = lineOf(this.lineStarts, offset);
    return { line: line + 1, column: offset - this.lineStarts[line] + 1 };
  }

  errorAt(span: Span, message: string): ConfigError {
    return { file: this.file, ...this.positionOf(span.start), start: span.start, end: span.end, message };
  }
}
