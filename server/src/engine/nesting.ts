// Guards the parser against container nesting it cannot handle: remark-parse slows down
// quadratically with nested list depth (2,000 levels on one line take ~15 s, 10,000 minutes).
// A draft nested this deep is not a news story; the CLI and the editor refuse it with a message.

import { lineEndAt } from './lines.js';

/** No real draft nests lists or quotes this deep; remark parses 100 levels in a few milliseconds. */
export const MAX_CONTAINER_NESTING = 100;

/** Block-quote markers and list bullets (`>`, `-`, `*`, `+`, `1.`, `1)`) opening a line, one per level. */
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/** Returns the 1-based line of the first line nested deeper than the limit, or 0 when none is. Any line ending counts. */
export function findExcessiveNesting(text: string, limit = MAX_CONTAINER_NESTING): number {
  let lineStart = 0;
  let line = 1;
  for (;;) {
    const { end, breakLength } = lineEndAt(text, lineStart);
    if (lineDepthExceeds(text, lineStart, end, limit)) return line;
    if (breakLength === 0) return 0;
    lineStart = end + breakLength;
    line++;
  }
}

function lineDepthExceeds(text: string, start: number, end: number, limit: number): boolean {
  // Cheap reject: a line needs at least one character per level to nest past the limit.
  if (end - start <= limit) return false;
  // Nesting by indentation: each list level indents the next by two or more columns.
  let indent = 0;
  while (start + indent < end && (text[start + indent] === ' ' || text[start + indent] === '\t')) indent++;
  if (indent > limit * 2) return true;
  let rest = text.slice(start, Math.min(end, start + limit * 12));
  let depth = 0;
  for (let match = CONTAINER_MARKER.exec(rest); match !== null && match[0].length > 0; match = CONTAINER_MARKER.exec(rest)) {
    if (++depth > limit) return true;
    rest = rest.slice(match[0].length);
  }
  return false;
}
