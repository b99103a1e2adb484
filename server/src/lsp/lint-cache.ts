// Lints a draft for one exact version and keeps the result, so diagnostics, code actions, hover
// and definition share one lint per version and config generation. Never publishes anything.

import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigError } from '../config/errors.js';
import type { LoadedConfig } from '../config/index.js';
import { lintGuarded } from '../runner/entry.js';
import { parseNewsDocument, type NewsDocument } from '../engine/document.js';
import { ChunkCache } from '../engine/incremental-parse.js';
import type { CompiledStyle } from '../engine/style.js';
import type { Finding } from '../engine/types.js';
import type { ConfigState } from './config-state.js';
import { findingToDiagnostic } from './diagnostics.js';
import { filePathOf } from './documents.js';

export interface DraftLint {
  uri: string;
  version: number;
  document: NewsDocument;
  style: CompiledStyle;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Errors of the draft's config on disk (the style used is then the last good one). */
  configErrors: ConfigError[];
  configFiles: string[];
  /** The style as resolved, with the origin of each setting; null when none could be loaded yet. */
  loaded: LoadedConfig | null;
  /** Bumps with every config or settings change, so results from an old config are not reused. */
  generation: number;
}

/** The settings that decide which style applies, and whether a draft no style governs is checked. */
export interface StyleChoice {
  configPath: string;
  lintWithoutStyle: boolean;
}

export class LintCache {
  private readonly byUri = new Map<string, DraftLint>();
  /** Parsed paragraphs per open draft: an edit re-parses only the paragraphs it touched. */
  private readonly chunks = new Map<string, ChunkCache>();
  private generation = 0;

  constructor(private readonly configs: ConfigState) {}

  /** Bumps with every config or settings change. */
  get currentGeneration(): number {
    return this.generation;
  }

  /** Config or settings changed: every cached result is stale. */
  invalidate(): void {
    this.generation++;
    this.byUri.clear();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.chunks.delete(uri);
  }

  /** The cached lint of this uri, whatever version it was (for onSave mode). */
  latest(uri: string): DraftLint | undefined {
    return this.byUri.get(uri);
  }

  /**
   * The lint of an open draft at its current version, or null when no style file governs it and
   * the settings do not ask for the built-in style there (`copydesk.lintWithoutStyle`).
   */
  lint(doc: TextDocument, choice: StyleChoice): DraftLint | null {
    const cached = this.byUri.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === this.generation) return cached;
    let chunks = this.chunks.get(doc.uri);
    if (!chunks) this.chunks.set(doc.uri, (chunks = new ChunkCache()));
    const result = this.lintOnce(doc, choice, chunks);
    if (result) this.byUri.set(doc.uri, result);
    else this.forget(doc.uri);
    return result;
  }

  /** Whether a style file governs the draft at `uri` (named by configPath, or found upward). */
  governed(uri: string, choice: StyleChoice): boolean {
    return this.configs.styleFor(uri, filePathOf(uri), choice.configPath).covered;
  }

  /** Lints a draft that is not open (workspace diagnostics): nothing is kept. */
  lintClosed(doc: TextDocument, choice: StyleChoice): DraftLint | null {
    return this.lintOnce(doc, choice, undefined);
  }

  private lintOnce(doc: TextDocument, choice: StyleChoice, chunks: ChunkCache | undefined): DraftLint | null {
    const { style, files, errors, covered, loaded } = this.configs.styleFor(doc.uri, filePathOf(doc.uri), choice.configPath);
    if (!covered && !choice.lintWithoutStyle) return null;
    const { document, findings } = lintGuardedDraft(doc.getText(), style, chunks);
    const result: DraftLint = {
      uri: doc.uri,
      version: doc.version,
      document,
      style,
      findings,
      diagnostics: findings.map((f) => findingToDiagnostic(doc, f, style.catalogue)),
      configErrors: errors,
      configFiles: files,
      loaded,
      generation: this.generation,
    };
    return result;
  }
}

/** The engine's guarded lint; a draft it refuses gets an empty document and the one `parse` finding (as the CLI reports it). */
function lintGuardedDraft(text: string, style: CompiledStyle, chunks: ChunkCache | undefined): { document: NewsDocument; findings: Finding[] } {
  const linted = lintGuarded(text, style, chunks);
  return linted.ok ? linted.value : { document: parseNewsDocument(''), findings: [linted.problem] };
}
