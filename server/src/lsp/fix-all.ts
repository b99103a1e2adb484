// "Fix all" for one draft: the engine's fixText result expressed as one minimal LSP TextEdit
// (the changed span between the common prefix and suffix). No connection here.

import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixGuarded, type FixResult } from '../runner/entry.js';
import { splitsUnit } from '../engine/fix.js';
import type { CompiledStyle } from '../engine/style.js';
import { rangeOf } from './diagnostics.js';

/** The single edit turning `doc`'s text into `next`, or null when they are equal. */
export function minimalEdit(doc: TextDocument, next: string): TextEdit | null {
  const text = doc.getText();
  if (text === next) return null;
  const limit = Math.min(text.length, next.length);
  let prefix = 0;
  while (prefix < limit && text.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  while (prefix > 0 && (splitsUnit(text, prefix) || splitsUnit(next, prefix))) prefix--;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    text.charCodeAt(text.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  while (suffix > 0 && (splitsUnit(text, text.length - suffix) || splitsUnit(next, next.length - suffix))) suffix--;
  return {
    range: rangeOf(doc, prefix, text.length - suffix),
    newText: next.slice(prefix, next.length - suffix),
  };
}

/**
 * Every fix the engine proves (applied repeatedly, as the CLI's --fix does) as a workspace
 * edit, or null if nothing changes or the draft cannot be parsed (the guard of engine/entry.ts).
 * `plan` is the engine's fix run when the caller has one.
 */
export function fixAllEdit(doc: TextDocument, style: CompiledStyle, plan?: FixResult): WorkspaceEdit | null {
  const run = plan ? { ok: true as const, value: plan } : fixGuarded(doc.getText(), style);
  if (!run.ok) return null;
  const edit = minimalEdit(doc, run.value.output);
  return edit ? { changes: { [doc.uri]: [edit] } } : null;
}
