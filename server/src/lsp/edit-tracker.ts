// Where and when each open draft was last edited, so a finding on the word still being typed
// (its range touches the end of the most recent edit) is held back until the typing moves away
// or pauses. Records edits as TextDocuments applies them; filters findings; never publishes.

import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types.js';

interface LastEdit {
  /** Offset just after the inserted text, in the document after the edit. */
  end: number;
  version: number;
  at: number;
}

export class EditTracker {
  private readonly last = new Map<string, LastEdit>();

  constructor(
    /** How long after the last keystroke a finding at the cursor stays held back (set at initialize). */
    public holdMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** `base` (the guarded documents) with each applied incremental edit recorded; a refused change is not. */
  configuration(base: TextDocumentsConfiguration<TextDocument>): TextDocumentsConfiguration<TextDocument> {
    return {
      create: base.create,
      update: (doc, changes, version) => {
        const before = doc.version; // TextDocument.update changes the document in place
        const updated = base.update(doc, changes, version);
        if (updated.version !== before) this.record(updated, changes[changes.length - 1]);
        return updated;
      },
    };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  /**
   * Indices of the findings to show now and the time (ms from now) at which the held ones are
   * due, or null when nothing is held. A finding is held when it touches the end of the latest edit of this
   * version and the hold since that keystroke has not passed.
   */
  holdBack(uri: string, version: number, findings: readonly Finding[]): { shown: number[]; releaseInMs: number | null } {
    const all = findings.map((_, index) => index);
    const edit = this.last.get(uri);
    const remaining = edit && edit.version === version ? edit.at + this.holdMs - this.now() : 0;
    if (!edit || remaining <= 0) return { shown: all, releaseInMs: null };
    const shown = all.filter((i) => findings[i].end < edit.end || findings[i].start > edit.end);
    return { shown, releaseInMs: shown.length === findings.length ? null : remaining };
  }

  private record(doc: TextDocument, change: TextDocumentContentChangeEvent | undefined): void {
    if (!change || !('range' in change)) {
      // A whole-text replacement (a reload, a formatter) is not typing.
      this.last.delete(doc.uri);
      return;
    }
    // Text before the change's start is untouched by it, so its start position holds in the new text.
    const end = doc.offsetAt(change.range.start) + change.text.length;
    this.last.set(doc.uri, { end, version: doc.version, at: this.now() });
  }
}
