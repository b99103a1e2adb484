// Diagnostics inside .copydesk.yaml files: the unsaved buffer of an open config is checked with
// checkConfigText; a broken config on disk that is not open is reported for its URI too. Tracks
// what it pushed so that fixed files are cleared. Does not lint drafts.

import { lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkConfigText, type ReadPolicy } from '../config/index.js';
import type { ConfigError } from '../config/errors.js';
import { configErrorToDiagnostic } from './diagnostics.js';
import { filePathOf } from './documents.js';

export interface DiagnosticsSink {
  /** Pushes diagnostics for a URI (publishDiagnostics). */
  push(uri: string, diagnostics: Diagnostic[], version?: number): void;
}

/** Diagnostics of an open config buffer, its unsaved text checked as it stands. */
export function configBufferDiagnostics(doc: TextDocument, policy?: ReadPolicy): Diagnostic[] {
  const file = filePathOf(doc.uri) ?? doc.uri;
  return checkConfigText(doc.getText(), file, policy)
    .filter((e) => sameFile(e.file, file))
    .map((e) => configErrorToDiagnostic(doc, e));
}

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** Text of a config file on disk for offset -> position; empty when it cannot be read (positions then clamp). */
function readConfigText(file: string): string {
  try {
    // A link is not followed: its target may lie outside the workspace (errors about a link sit at 1:1).
    if (lstatSync(file).isSymbolicLink()) return '';
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export class ConfigDiagnostics {
  private pushed = new Set<string>();
  private lastSignature = '';

  constructor(private readonly sink: DiagnosticsSink) {}

  /**
   * Publishes disk errors (from resolving drafts' configs) for config files that are not open,
   * and clears files that no longer have errors. Open config files are reported from their buffer.
   * Returns whether anything was pushed (the caller then re-sends open config buffers).
   */
  publishDiskErrors(errors: readonly ConfigError[], openConfigUris: ReadonlySet<string>): boolean {
    const byUri = new Map<string, ConfigError[]>();
    for (const error of errors) {
      const uri = pathToFileURL(path.resolve(error.file)).href;
      if (openConfigUris.has(uri)) continue;
      const list = byUri.get(uri) ?? [];
      if (!list.some((e) => e.start === error.start && e.message === error.message)) list.push(error);
      byUri.set(uri, list);
    }
    const signature = JSON.stringify([...byUri].sort(([a], [b]) => a.localeCompare(b)));
    if (signature === this.lastSignature) return false;
    this.lastSignature = signature;
    for (const [uri, list] of byUri) {
      const file = filePathOf(uri) ?? list[0].file;
      const text = TextDocument.create(uri, 'yaml', 0, readConfigText(file));
      this.sink.push(uri, list.map((e) => configErrorToDiagnostic(text, e)));
    }
    for (const uri of this.pushed) if (!byUri.has(uri)) this.sink.push(uri, []);
    this.pushed = new Set(byUri.keys());
    return true;
  }

  /** An open config document was opened or closed: disk errors for it must be re-sent or withdrawn. */
  forgetSignature(): void {
    this.lastSignature = '';
  }
}
