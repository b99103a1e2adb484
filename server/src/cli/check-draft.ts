// Lints or fixes one draft's text under its compiled style and says what to print or write.
// Pure; a draft the engine's guard refuses (engine/entry.ts) becomes a message, the same
// `parse` finding the editor shows, prefixed with the draft's name.

import { fixGuarded, lintGuarded } from '../runner/entry.js';
import type { CompiledStyle } from '../engine/style.js';
import { buildFileReport, type FileReport } from './report.js';
import { unifiedDiff } from './diff.js';

export type FixMode = 'lint' | 'fix' | 'dry-run';

export type DraftOutcome =
  | { ok: true; report: FileReport; fixed: string; changed: boolean; diff: string }
  | { ok: false; message: string };

export interface DraftInput {
  filePath: string;
  displayPath: string;
  text: string;
  style: CompiledStyle;
  mode: FixMode;
}

export function checkDraft(input: DraftInput): DraftOutcome {
  const { text, style, mode } = input;
  if (mode === 'lint') {
    const linted = lintGuarded(text, style);
    if (!linted.ok) return { ok: false, message: `${input.displayPath}: ${linted.problem.message}` };
    return { ok: true, report: buildFileReport(input.filePath, input.displayPath, text, linted.value.findings), fixed: text, changed: false, diff: '' };
  }
  const fixed = fixGuarded(text, style);
  if (!fixed.ok) return { ok: false, message: `${input.displayPath}: ${fixed.problem.message}` };
  const result = fixed.value;
  const changed = result.output !== text;
  const diff = mode === 'dry-run' && changed ? unifiedDiff(text, result.output, input.displayPath) : '';
  const report = buildFileReport(input.filePath, input.displayPath, result.output, result.remaining);
  return { ok: true, report, fixed: result.output, changed, diff };
}
