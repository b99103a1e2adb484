// The one guarded way into the engine for the CLI and the language server: compiled styles come
// from the one style cache (one compile per resolved config), and lint and fix run behind the
// nesting guard, so a draft the parser cannot take gives both the same `parse` finding instead
// of a hang or a stack overflow. The engine's own lint and fix are imported here only.

import { lintText, fixText, type FixResult, type LintResult } from '../engine/lint.js';
import type { CompiledStyle } from '../engine/style.js';
import { PARSE_RULE } from '../engine/catalogue.js';
import { findExcessiveNesting, MAX_CONTAINER_NESTING } from '../engine/nesting.js';
import { computeLineStarts, lineEndAt } from '../engine/lines.js';
import type { ChunkCache } from '../engine/incremental-parse.js';
import type { Finding } from '../engine/types.js';

export type { FixResult, LintResult };
/** The compiled style of a resolved config, compiled once (runner/style.ts, over the engine's one style cache). */
export { compiledStyle } from './style.js';

/** What a guarded run gives: the engine's result, or the finding that says why the draft was refused. */
export type Guarded<T> = { ok: true; value: T } | { ok: false; problem: Finding };

/** Lints a draft unless it nests too deep to parse; `chunks` (one per open editor document) skips unchanged paragraphs. */
export function lintGuarded(text: string, style: CompiledStyle, chunks?: ChunkCache): Guarded<LintResult> {
  return guarded(text, () => lintText(text, style, chunks));
}

/** Fixes a draft (as `--fix` and the editor's fix-all do) unless it nests too deep to parse. */
export function fixGuarded(text: string, style: CompiledStyle): Guarded<FixResult> {
  return guarded(text, () => fixText(text, style));
}

/**
 * Runs `work` unless the draft nests lists or quotes deeper than the parser can take (remark
 * would stall for minutes, or recurse until the stack overflows: the RangeError caught here).
 */
function guarded<T>(text: string, work: () => T): Guarded<T> {
  const deepLine = findExcessiveNesting(text);
  if (deepLine > 0) return refused(text, deepLine, `lists or quotes nested more than ${MAX_CONTAINER_NESTING} deep at line ${deepLine}`);
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return refused(text, 1, error.message);
  }
}

/** The `parse` finding over the offending line (1-based; lines as lines.ts counts them: CR, LF and CRLF). */
function refused(text: string, line: number, reason: string): Guarded<never> {
  const start = computeLineStarts(text)[line - 1] ?? 0;
  const { end } = lineEndAt(text, start);
  const message = `could not be parsed (${reason}); reduce the nesting of lists or quotes`;
  return { ok: false, problem: { rule: PARSE_RULE, severity: 'error', start, end, message } };
}
