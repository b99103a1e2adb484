// Lines of a draft, the one place that says where lines start: CRLF, LF and a lone CR each end
// a line, as in LSP and VS Code. The CLI, the editor and the engine all count lines here.

/** Offsets where each line starts (the first line starts at 0). */
export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 0x0d) {
      if (source.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (ch === 0x0a) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 0-based line of an offset. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset just past the line that starts at `from`: its end and the length of its line ending (0 at the end of the text). */
export function lineEndAt(text: string, from: number): { end: number; breakLength: number } {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) return { end: i, breakLength: 1 };
    if (ch === 0x0d) return { end: i, breakLength: text.charCodeAt(i + 1) === 0x0a ? 2 : 1 };
  }
  return { end: text.length, breakLength: 0 };
}

/** Each line of the text with where it starts, without its line ending. */
export function linesOf(text: string): { text: string; start: number }[] {
  return computeLineStarts(text).map((start) => ({ text: text.slice(start, lineEndAt(text, start).end), start }));
}

/**
 * The text with each lone CR as LF: same length and offsets, for the YAML library, which ends
 * lines only at LF and CRLF, so that it sees the lines counted here.
 */
export function loneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
