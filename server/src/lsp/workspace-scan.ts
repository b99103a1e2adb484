// Workspace diagnostics: every draft on disk under the workspace folders that a style file
// governs, linted from disk (drafts open in the editor are left to the document lint). Results
// are kept per file by modification time and size, so a pass over unchanged files only stats
// them. Bounded, cancellable between files, with work-done progress.

import { promises as fsp, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  type Diagnostic,
  type WorkDoneProgressReporter,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { walkFolder } from '../shared/walk.js';
import type { LintCache, StyleChoice } from './lint-cache.js';

/** At most this many drafts per workspace folder are listed (a huge archive is not a newsroom folder). */
export const MAX_WORKSPACE_DRAFTS = 5000;
const NO_IGNORES = { ignoresFile: () => false, ignoresFolder: () => false };
/** Files linted between two looks at the cancellation token (and the event loop). */
const FILES_PER_SLICE = 16;

interface FileResult {
  resultId: string;
  diagnostics: Diagnostic[];
}

export interface ScanResult {
  /** Every closed draft with a style: uri -> its diagnostics and result id. */
  files: Map<string, FileResult>;
  /** Drafts linted in this pass (not reused from an earlier one). */
  linted: number;
  cancelled: boolean;
  /** A folder had more drafts than MAX_WORKSPACE_DRAFTS. */
  truncated: boolean;
}

export interface ScanRequest {
  folders: readonly string[];
  isOpen(uri: string): boolean;
  choiceFor(folder: string): Promise<StyleChoice & { enabled: boolean }>;
  token?: { readonly isCancellationRequested: boolean };
  /** Created when there is work to report: some drafts must be linted. */
  progress?: () => Promise<WorkDoneProgressReporter | undefined>;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceScanner {
  private results = new Map<string, FileResult>();

  constructor(
    private readonly cache: LintCache,
    readonly limit = MAX_WORKSPACE_DRAFTS,
  ) {}

  /** The style or settings changed: every kept result is stale. */
  invalidate(): void {
    this.results.clear();
  }

  async scan(request: ScanRequest): Promise<ScanResult> {
    const files = new Map<string, FileResult>();
    const stale: { uri: string; file: string; resultId: string; choice: StyleChoice }[] = [];
    let truncated = false;
    for (const folder of request.folders) {
      const choice = await request.choiceFor(folder);
      if (!choice.enabled) continue;
      // Every draft under the folder (no CLI ignore rules: the style file is the editor's opt-in);
      // unreadable subfolders are skipped quietly here.
      const { drafts } = walkFolder(folder, NO_IGNORES, [], this.limit);
      truncated ||= drafts.length >= this.limit;
      for (const file of drafts) {
        const uri = pathToFileURL(file).href;
        if (request.isOpen(uri) || !this.cache.governed(uri, choice)) continue;
        const stat = statSync(file, { throwIfNoEntry: false });
        if (!stat) continue;
        const resultId = `${this.cache.currentGeneration}:${stat.mtimeMs}:${stat.size}`;
        const known = this.results.get(uri);
        if (known?.resultId === resultId) files.set(uri, known);
        else stale.push({ uri, file, resultId, choice });
      }
    }
    const reporter = stale.length > 0 && request.progress ? await request.progress() : undefined;
    reporter?.begin('Copydesk: checking drafts', 0, `0 of ${stale.length} drafts`, true);
    // A server-created progress carries the user's Cancel button as its own token.
    const progressToken = reporter && 'token' in reporter ? (reporter.token as { isCancellationRequested: boolean }) : undefined;
    const cancelled = () => request.token?.isCancellationRequested === true || progressToken?.isCancellationRequested === true;
    let linted = 0;
    try {
      for (const entry of stale) {
        if (linted % FILES_PER_SLICE === 0 && linted > 0) {
          await yieldToEventLoop();
          reporter?.report(Math.round((100 * linted) / stale.length), `${linted} of ${stale.length} drafts`);
        }
        if (cancelled()) return { files, linted, cancelled: true, truncated };
        const result = await this.lintFile(entry.uri, entry.file, entry.resultId, entry.choice);
        linted++;
        if (result) files.set(entry.uri, result);
      }
    } finally {
      reporter?.done();
    }
    this.results = files;
    return { files, linted, cancelled: false, truncated };
  }

  private async lintFile(uri: string, file: string, resultId: string, choice: StyleChoice): Promise<FileResult | null> {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch {
      return null; // gone or unreadable since the walk: not a draft to list
    }
    // Editors drop the byte-order mark from the text they show; positions must match theirs.
    const doc = TextDocument.create(uri, 'markdown', 0, text.replace(/^\uFEFF/, ''));
    const lint = this.cache.lintClosed(doc, choice);
    return lint ? { resultId, diagnostics: lint.diagnostics } : null;
  }
}

/** The LSP report: full items for new results, unchanged where the client already has the result id. */
export function workspaceReport(
  scan: ScanResult,
  previous: ReadonlyMap<string, string>,
  reportedBefore: ReadonlySet<string>,
  isOpen: (uri: string) => boolean,
): WorkspaceDocumentDiagnosticReport[] {
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for (const [uri, result] of scan.files) {
    if (previous.get(uri) === result.resultId) items.push({ kind: 'unchanged', uri, version: null, resultId: result.resultId });
    else items.push({ kind: 'full', uri, version: null, resultId: result.resultId, items: result.diagnostics });
  }
  // Drafts listed before that are now deleted or without a style: clear them (open ones are the document pull's).
  for (const uri of reportedBefore) if (!scan.files.has(uri) && !isOpen(uri)) items.push({ kind: 'full', uri, version: null, items: [] });
  return items;
}
