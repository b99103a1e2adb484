// Converts between source offsets and the 1-based "line:col-line:col" ranges fixtures are written in.

import { computeLineStarts, lineOf } from '../../src/engine/document.js';

export function formatRange(source: string, start: number, end: number): string {
  const starts = computeLineStarts(source);
  const at = (offset: number) => {
    const line = lineOf(starts, offset);
    return `${line + 1}:${offset - starts[line] + 1}`;
  };
  return `${at(start)}-${at(end)}`;
}
