// Lints or fixes one draft's text under its compiled style and says what to print or write.
// Pure apart from the atomic write of a fixed file; parse failures become messages.

import { lintText, fixText } from '../engine/lint.js';
import type { CompiledStyle } from '../engine/style.js';
import { buildFileReport, type FileReport } from './report.js';
import { unifiedDiff } from './diff.js';
import { findExcessiveNesting, MAX_CONTAINER_NESTING } from '../engine/nesting.js';

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
  const deepLine = findExcessiveNesting(text);
  if (deepLine > 0) {
    return {
      ok: false,
      message: `${input.displayPath}: could not be parsed (lists or quotes nested more than ${MAX_CONTAINER_NESTING} deep at line ${deepLine}); reduce the nesting and run again`,
    };
  }
  try {
    if (mode === 'lint') {
      const { findings } = lintText(text, style);
      return { ok: true, report: buildFileReport(input.filePath, input.displayPath, text, findings), fixed: text, changed: false, diff: '' };
    }
    const result = fixText(text, style);
    const changed = result.output !== text;
    const diff = mode === 'dry-run' && changed ? unifiedDiff(text, result.output, input.displayPath) : '';
    const report = buildFileReport(input.filePath, input.displayPath, result.output, result.remaining);
    return { ok: true, report, fixed: result.output, changed, diff };
  } catch (err) {
    // remark recurses per nesting level; a draft nested thousands deep overflows the stack.
    if (err instanceof RangeError) {
      return { ok: false, message: `${input.displayPath}: could not be parsed (${err.message}); reduce the nesting of lists or quotes and run again` };
    }
    throw err;
  }
}
