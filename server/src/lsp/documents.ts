// Which open documents Copydesk handles and as what: drafts (engine/drafts.ts decides, as for
// the CLI) or style files (.copydesk.yaml/.yml); URI -> file path; and the guarded copy of each
// document that refuses out-of-order versions and malformed ranges. No linting here.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isDraftLanguage, isDraftName, isStyleFileName } from '../engine/drafts.js';

export type DocumentRole = 'draft' | 'config' | 'ignored';

/** The file path behind a `file:` URI, or null for untitled and other schemes. */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function roleOf(uri: string, languageId: string): DocumentRole {
  const file = filePathOf(uri);
  const base = file ? path.basename(file) : decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  if (isStyleFileName(base)) return 'config';
  if (isDraftName(base)) return 'draft';
  // A saved file is a draft by its name alone (a requirements.txt is, a LICENSE in plain-text mode
  // is not); a buffer with no file yet (untitled) goes by its language.
  return file === null && isDraftLanguage(languageId) ? 'draft' : 'ignored';
}

export function isConfigFileName(file: string): boolean {
  return isStyleFileName(file);
}

/** A position the protocol allows: two non-negative integers (uinteger). */
function isPosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { line, character } = value as { line?: unknown; character?: unknown };
  return [line, character].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0x7fffffff);
}

/** What is wrong with one content change, or null when it can be applied. */
export function changeProblem(change: unknown): string | null {
  if (typeof change !== 'object' || change === null) return 'a change that is not an object';
  const { text, range } = change as { text?: unknown; range?: unknown };
  if (typeof text !== 'string') return 'a change without text';
  if (!('range' in change) || range === undefined) return null;
  if (typeof range !== 'object' || range === null) return 'a change whose range is not a range';
  const { start, end } = range as { start?: unknown; end?: unknown };
  if (!isPosition(start) || !isPosition(end)) return 'a range whose line or character is not a non-negative integer';
  const [s, e] = [start as { line: number; character: number }, end as { line: number; character: number }];
  if (s.line > e.line || (s.line === e.line && s.character > e.character)) return 'a range that ends before it starts';
  return null;
}

/**
 * TextDocuments' configuration with guards: a change whose version is not newer than the copy
 * held, or with a malformed range, is refused whole and logged; the copy stays as it was, so
 * diagnostics are never computed from a corrupted text or published for an older version.
 */
export function guardedDocuments(log: (message: string) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document, changes: TextDocumentContentChangeEvent[], version) => {
      if (!Number.isInteger(version) || version <= document.version) {
        log(`Copydesk ignored a change to ${document.uri}: version ${String(version)} is not newer than ${document.version}`);
        return document;
      }
      const problem = changes.map(changeProblem).find((p) => p !== null);
      if (problem) {
        log(`Copydesk ignored a change to ${document.uri} (version ${version}): ${problem}`);
        return document;
      }
      return TextDocument.update(document, changes, version);
    },
  };
}
