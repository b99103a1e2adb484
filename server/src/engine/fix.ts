// Applies fixes: edits from many findings, non-overlapping, in one pass; repeated passes
// until nothing changes. The same code serves --fix, the editor's quick fix and fix-all.

import type { Finding, TextEdit } from './types.js';

export interface AppliedFixes {
  output: string;
  /** Findings whose fix was applied in this pass. */
  applied: Finding[];
}

/**
 * Applies every fix whose edits do not overlap an edit already taken (first come, first
 * served in offset order). A fix's edits are applied all or none.
 */
export function applyFixes(source: string, findings: readonly Finding[]): AppliedFixes {
  const withFix = findings.filter((f) => f.fix && f.fix.edits.length > 0);
  withFix.sort((a, b) => firstEditStart(a) - firstEditStart(b));
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  for (const finding of withFix) {
    const edits = finding.fix!.edits;
    if (edits.some((e) => e.start < 0 || e.end > source.length || e.start > e.end)) continue;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if (edits.every((e) => source.slice(e.start, e.end) === e.text)) continue;
    taken.push(...edits);
    applied.push(finding);
  }
  return { output: applyEdits(source, taken), applied };
}

/** Applies non-overlapping edits to source. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}

function firstEditStart(f: Finding): number {
  return Math.min(...f.fix!.edits.map((e) => e.start));
}

/** Two edits conflict when their ranges overlap, or both insert at the same point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
