// Applies fixes, and proves them first: edits inside the text that split no line ending or
// character, no overlaps, a fix loop that settles within the pass limit, and nothing changed
// outside the edits. The one check behind --fix, the editor's quick fix and fix-all.

import type { Finding, Fix, TextEdit } from './types.js';

/** Passes of lint-and-fix before a draft must have settled (ESLint uses 10 as well). */
export const MAX_FIX_PASSES = 10;

export interface AppliedFixes {
  output: string;
  /** Findings whose fix was applied in this pass. */
  applied: Finding[];
}

/** Lints a text; the fix loop calls it once per pass (kept abstract so fix.ts needs no rules). */
export type Linter = (text: string) => Finding[];

export interface FixPlan {
  /** The fixed text, or the source itself when nothing could be fixed safely. Never a partial result. */
  output: string;
  /** Passes that changed the text. */
  passes: number;
  fixedCount: number;
  /** Findings of the output; a fix that was refused is stripped, so they read as not fixable. */
  remaining: Finding[];
  /** Findings of the source whose fix was refused because the fix loop did not settle with it. */
  unfixable: Finding[];
}

/** Told of every pass the fix loop makes (tests prove each pass changed nothing outside its edits). */
export type PassObserver = (pass: { attempt: number; before: string; after: string; applied: readonly Finding[] }) => void;

/** Identity of a fix across passes: the same rule offering the same change settles or not alike. */
export function fixKey(finding: Finding): string {
  return `${finding.rule}\u0000${finding.fix?.title ?? ''}`;
}

/**
 * Runs lint-and-fix until nothing applies. When the loop does not settle within `maxPasses`
 * (or swings back to an earlier text), the fixes applied in the last pass are refused and the
 * loop starts again from the source without them; refused findings are reported as not fixable.
 */
export function planFixes(source: string, lint: Linter, maxPasses = MAX_FIX_PASSES, observe?: PassObserver): FixPlan {
  const refused = new Set<string>();
  const original = lint(source);
  for (let attempt = 0; attempt < 4; attempt++) {
    const run = runPasses(source, original, lint, refused, maxPasses, (before, after, applied) => observe?.({ attempt, before, after, applied }));
    if (run.settled) {
      return {
        output: run.text,
        passes: run.passes,
        fixedCount: run.fixedCount,
        remaining: run.findings.map((f) => withoutRefusedFix(f, refused)),
        unfixable: original.filter((f) => f.fix && refused.has(fixKey(f))),
      };
    }
    for (const f of run.culprits) refused.add(fixKey(f));
  }
  // Fixes that keep undoing each other: write nothing, fix nothing, say so.
  return {
    output: source,
    passes: 0,
    fixedCount: 0,
    remaining: original.map(({ fix: _fix, ...rest }) => rest),
    unfixable: original.filter((f) => f.fix),
  };
}

type Run =
  | { settled: true; text: string; findings: Finding[]; passes: number; fixedCount: number }
  | { settled: false; culprits: Finding[] };

function runPasses(
  source: string,
  first: Finding[],
  lint: Linter,
  refused: ReadonlySet<string>,
  maxPasses: number,
  observe: (before: string, after: string, applied: readonly Finding[]) => void,
): Run {
  let text = source;
  let before = source;
  let findings = first;
  let passes = 0;
  let fixedCount = 0;
  let previous: AppliedFixes | null = null;
  for (;;) {
    const usable = findings.filter((f) => f.fix && !refused.has(fixKey(f)));
    const pass = applyFixes(text, usable);
    if (pass.applied.length === 0) return { settled: true, text, findings, passes, fixedCount };
    if (passes === maxPasses) return { settled: false, culprits: pass.applied };
    // Swinging back to the text of the pass before: this pass undid fixes of that one. Both
    // sides are refused, so a second run from the result cannot start the swing again.
    if (passes > 0 && pass.output === before) return { settled: false, culprits: [...pass.applied, ...undone(previous!, pass.applied)] };
    observe(text, pass.output, pass.applied);
    before = text;
    text = pass.output;
    previous = pass;
    passes++;
    fixedCount += pass.applied.length;
    findings = lint(text);
  }
}

/** Fixes of the previous pass whose replacement text the edits of this pass touch. */
function undone(previous: AppliedFixes, now: readonly Finding[]): Finding[] {
  const nowEdits = now.flatMap((f) => f.fix!.edits);
  const placed = placedEdits(previous.applied);
  return previous.applied.filter((f) => placed.get(f)!.some((r) => nowEdits.some((e) => e.start <= r.end && r.start <= e.end)));
}

/** Where each applied fix's replacement text stands in the output of its pass. */
function placedEdits(applied: readonly Finding[]): Map<Finding, { start: number; end: number }[]> {
  const all = applied.flatMap((f) => f.fix!.edits.map((edit) => ({ f, edit })));
  all.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  const placed = new Map<Finding, { start: number; end: number }[]>(applied.map((f) => [f, []]));
  let delta = 0;
  for (const { f, edit } of all) {
    const start = edit.start + delta;
    placed.get(f)!.push({ start, end: start + edit.text.length });
    delta += edit.text.length - (edit.end - edit.start);
  }
  return placed;
}

function withoutRefusedFix(finding: Finding, refused: ReadonlySet<string>): Finding {
  if (!finding.fix || !refused.has(fixKey(finding))) return finding;
  const { fix: _fix, ...rest } = finding;
  return rest;
}

/**
 * Applies every sound fix whose edits do not overlap an edit already taken (first come, first
 * served in offset order). A fix's edits are applied all or none; a fix that would change
 * nothing is not counted as applied.
 */
export function applyFixes(source: string, findings: readonly Finding[]): AppliedFixes {
  const withFix = findings.filter((f) => f.fix && f.fix.edits.length > 0 && isSoundFix(source, f.fix));
  withFix.sort((a, b) => firstEditStart(a) - firstEditStart(b));
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  for (const finding of withFix) {
    const edits = finding.fix!.edits;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if (edits.every((e) => source.slice(e.start, e.end) === e.text)) continue;
    taken.push(...edits);
    applied.push(finding);
  }
  const output = applyEdits(source, taken);
  if (!changedOnlyInside(source, output, taken)) throw new Error('copydesk: a fix changed text outside its edits (a bug; please report it)');
  return { output, applied };
}

/**
 * A fix is sound when each edit lies inside the text on whole characters and whole line
 * endings (never between a surrogate pair or inside CRLF), and its edits do not overlap.
 */
export function isSoundFix(source: string, fix: Fix): boolean {
  const edits = fix.edits;
  for (const e of edits) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || typeof e.text !== 'string') return false;
    if (e.start < 0 || e.end > source.length || e.start > e.end) return false;
    if (splitsUnit(source, e.start) || splitsUnit(source, e.end)) return false;
  }
  for (let i = 0; i < edits.length; i++) for (let j = i + 1; j < edits.length; j++) if (overlaps(edits[i], edits[j])) return false;
  return true;
}

/** True when a cut at `index` falls between a CR and its LF, or between two halves of a character. */
export function splitsUnit(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  if (before === 0x0d && after === 0x0a) return true;
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
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

/** The proof that `after` is `before` with the edits made and nothing else touched. */
export function changedOnlyInside(before: string, after: string, edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0;
  let to = 0;
  for (const edit of sorted) {
    const kept = edit.start - from;
    if (kept < 0 || !after.startsWith(before.slice(from, edit.start), to)) return false;
    to += kept;
    if (!after.startsWith(edit.text, to)) return false;
    to += edit.text.length;
    from = edit.end;
  }
  return after.length - to === before.length - from && after.endsWith(before.slice(from));
}

function firstEditStart(f: Finding): number {
  return Math.min(...f.fix!.edits.map((e) => e.start));
}

/** Two edits conflict when their ranges overlap, or both insert at the same point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
