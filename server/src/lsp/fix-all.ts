// "Fix all" for one draft: the engine's fixText result expressed as one minimal LSP TextEdit
// (the changed span between the common prefix and suffix). No connection here.

import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from '../engine/lint.js';
import type { CompiledStyle } from '../engine/style.js';
import { rangeOf } from './diagnostics.js';

export const FIX_ALL_COMMAND = 'copydesk.fixAll';

/** True when cutting between index-1 and index would split a CRLF or a surrogate pair. */
function splitsUnit(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  if (before === 0x0d && after === 0x0a) return true;
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

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

/** Every available fix applied (repeatedly, as the CLI's --fix does) as a workspace edit, or null if nothing changes. */
export function fixAllEdit(doc: TextDocument, style: CompiledStyle): WorkspaceEdit | null {
  const { output } = fixText(doc.getText(), style);
  const edit = minimalEdit(doc, output);
  return edit ? { changes: { [doc.uri]: [edit] } } : null;
}
