// Where findings and fixes may land: a finding on the text of a prose block, the front matter
// or a control comment; a fix that replaces prose (or deletes whole lines), never markup.

import { lineOf, type NewsDocument } from './document.js';
import { isSoundFix } from './fix.js';
import type { ProseBlock } from './prose.js';
import type { Finding, TextEdit } from './types.js';

/**
 * Builds a predicate telling whether a finding lies on real text: inside the draft and inside
 * one prose block, the front matter or a control comment. Anything else (a range a rule
 * derived from a node without a position, say) is dropped rather than reported or fixed.
 */
export function placement(doc: NewsDocument): (f: Finding) => boolean {
  const regions: [number, number][] = doc.blocks.map((b) => [b.start, b.end]);
  if (doc.frontMatter) regions.push([doc.frontMatter.start, doc.frontMatter.end]);
  for (const c of doc.controlComments) regions.push([c.start, c.end]);
  regions.sort((a, b) => a[0] - b[0]);
  const length = doc.source.length;
  return (f) => {
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || f.start < 0 || f.end > length || f.start > f.end) return false;
    // Vale's raw scope reads the source itself, markup included.
    if (f.raw) return true;
    if (regions.length === 0) return false;
    // Regions do not nest deeply; the last one starting at or before f.start decides, or one before it.
    let lo = 0;
    let hi = regions.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (regions[mid][0] <= f.start) lo = mid;
      else hi = mid - 1;
    }
    for (let i = lo; i >= 0 && i >= lo - 8; i--) if (regions[i][0] <= f.start && f.end <= regions[i][1]) return true;
    return false;
  };
}

/**
 * A finding whose fix is not sound (see fix.ts), or would replace anything but prose and the
 * white space around it (markup, a link target, code, HTML), is reported without it: not fixable.
 */
export function withSoundFix(doc: NewsDocument, finding: Finding): Finding {
  if (!finding.fix) return finding;
  const { fix, ...rest } = finding;
  if (!isSoundFix(doc.source, fix)) return rest;
  return fix.edits.every((e) => deletesWholeLines(doc, e) || replacesProseOnly(doc, e.start, e.end)) ? finding : rest;
}

/** Deleting whole lines (web-page residue with its list marker or heading hashes) leaves no broken markup behind. */
function deletesWholeLines(doc: NewsDocument, edit: TextEdit): boolean {
  if (edit.text !== '' || edit.start === edit.end) return false;
  const { lineStarts, source } = doc;
  const startsLine = lineStarts[lineOf(lineStarts, edit.start)] === edit.start;
  const endsLine = edit.end === source.length || lineStarts[lineOf(lineStarts, edit.end)] === edit.end || /[\r\n]/.test(source[edit.end]);
  return startsLine && endsLine;
}

/** Every character of source [start, end) is prose of some block or white space between blocks. */
function replacesProseOnly(doc: NewsDocument, start: number, end: number): boolean {
  const { blocks, source } = doc;
  let index = blockIndexAt(blocks, start);
  let at = start;
  while (at < end) {
    const block = index >= 0 ? blocks[index] : undefined;
    if (block && at < block.end) {
      const to = Math.min(end, block.end);
      if (!block.map.coversSource(source, at, to)) return false;
      at = to;
    } else {
      const to = Math.min(end, index + 1 < blocks.length ? blocks[index + 1].start : end);
      for (; at < to; at++) if (!/\s/.test(source[at])) return false;
    }
    if (index + 1 < blocks.length && blocks[index + 1].start <= at) index++;
  }
  return true;
}

/** Index of the last block starting at or before `offset` (blocks are in source order), or -1. */
function blockIndexAt(blocks: readonly ProseBlock[], offset: number): number {
  let lo = -1;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
