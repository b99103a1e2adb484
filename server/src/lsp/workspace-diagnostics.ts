// Problems of drafts that are not open: answers workspace/diagnostic for clients that pull, and
// pushes publishDiagnostics for closed drafts to clients that do not. The scan itself is the
// WorkspaceScanner's; this decides when to run it and what to send. Off with
// copydesk.workspaceDiagnostics = false.

import { pathToFileURL } from 'node:url';
import type {
  CancellationToken,
  Connection,
  TextDocuments,
  WorkDoneProgressReporter,
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceHooks } from './draft-service.js';
import type { SettingsStore } from './settings-store.js';
import { workspaceReport, type ScanRequest, type WorkspaceScanner } from './workspace-scan.js';

export interface WorkspaceDiagnosticsOptions {
  /** The client pulls workspace/diagnostic; otherwise closed drafts are pushed. */
  pull: boolean;
  /** Workspace folder paths. */
  folders: string[];
  /** The client accepts server-created work-done progress (window.workDoneProgress). */
  progressSupport: boolean;
  /** Delay before a push scan after a change, so a burst of file events makes one scan. */
  debounceMs: number;
}

export class WorkspaceDiagnostics implements WorkspaceHooks {
  /** Push mode: result id pushed per closed draft. */
  private readonly pushed = new Map<string, string>();
  /** Pull mode: drafts the last workspace report listed. */
  private reported = new Set<string>();
  private pushTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private superseded = false;
  private truncationLogged = false;
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly scanner: WorkspaceScanner,
    private readonly settings: SettingsStore,
    private readonly options: WorkspaceDiagnosticsOptions,
    private readonly refresh: () => void,
  ) {}

  /** shutdown: no scan starts or publishes after this. */
  stop(): void {
    clearTimeout(this.pushTimer);
    this.stopped = true;
    this.superseded = true;
  }

  /** After initialization: a pushing client gets every draft's problems once. */
  start(): void {
    if (!this.options.pull) this.schedulePush(0);
  }

  restyled(): void {
    this.scanner.invalidate();
    if (!this.options.pull) this.schedulePush(this.options.debounceMs);
  }

  closed(uri: string): void {
    if (!uri.startsWith('file:')) return;
    if (this.options.pull) this.refresh();
    else this.schedulePush(this.options.debounceMs);
  }

  /** didChangeWatchedFiles for drafts: created, changed or deleted on disk. */
  draftFilesChanged(): void {
    if (this.options.pull) this.refresh();
    else this.schedulePush(this.options.debounceMs);
  }

  /** workspace/diagnostic: reports for every closed draft with a style, unchanged ones by result id. */
  async pull(params: WorkspaceDiagnosticParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const scan = await this.scanner.scan(this.request(token, async () => progress));
    this.logTruncation(scan.truncated);
    const isOpen = (uri: string) => this.documents.get(uri) !== undefined;
    const items = workspaceReport(scan, previous, this.reported, isOpen);
    if (!scan.cancelled) this.reported = new Set(scan.files.keys());
    return { items };
  }

  private schedulePush(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      if (this.running) {
        // A scan is under way with the old state: stop it and scan again when it ends.
        this.superseded = true;
        this.rerun = true;
        return;
      }
      this.running = this.push()
        .catch((error: unknown) => this.connection.console.error(`Copydesk internal error while checking the workspace: ${String(error)}`))
        .finally(() => {
          this.running = undefined;
          if (this.rerun) {
            this.rerun = false;
            this.schedulePush(0);
          }
        });
    }, delayMs);
  }

  private async push(): Promise<void> {
    this.superseded = false;
    const isSuperseded = () => this.superseded;
    const supersededToken = {
      get isCancellationRequested(): boolean {
        return isSuperseded();
      },
    };
    const progress = this.options.progressSupport ? () => this.connection.window.createWorkDoneProgress() : undefined;
    const scan = await this.scanner.scan(this.request(supersededToken, progress));
    if (scan.cancelled || this.stopped) return;
    this.logTruncation(scan.truncated);
    for (const [uri, result] of scan.files) {
      if (this.pushed.get(uri) === result.resultId || this.documents.get(uri)) continue;
      this.pushed.set(uri, result.resultId);
      void this.connection.sendDiagnostics({ uri, diagnostics: result.diagnostics });
    }
    for (const uri of [...this.pushed.keys()]) {
      if (scan.files.has(uri)) continue;
      this.pushed.delete(uri);
      // An open draft's diagnostics belong to the document lint; a deleted or uncovered one is cleared.
      if (!this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  private request(token: ScanRequest['token'], progress: ScanRequest['progress']): ScanRequest {
    return {
      folders: this.options.folders,
      isOpen: (uri) => this.documents.get(uri) !== undefined,
      choiceFor: async (folder) => {
        const settings = await this.settings.forUri(pathToFileURL(folder).href);
        // Only drafts under a style file are listed, whatever lintWithoutStyle says for open ones.
        return { ...settings, lintWithoutStyle: false, enabled: settings.enable && settings.workspaceDiagnostics };
      },
      token,
      progress,
    };
  }

  private logTruncation(truncated: boolean): void {
    if (!truncated || this.truncationLogged) return;
    this.truncationLogged = true;
    this.connection.console.warn(
      `Copydesk lists the problems of the first ${this.scanner.limit} drafts of each workspace folder only; open a smaller folder to see the rest.`,
    );
  }
}
