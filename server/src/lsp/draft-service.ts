// Keeps open drafts linted: debounced runs on change, stale runs dropped (a result is published
// only for the version it was computed from), push or pull diagnostics with the word being typed
// held back, the copydesk/status notification, and re-linting everything when the style or
// settings change. Drafts no style file governs are left alone unless lintWithoutStyle is set.

import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigState } from './config-state.js';
import { ConfigDiagnostics, configBufferDiagnostics } from './config-diagnostics.js';
import { roleOf } from './documents.js';
import type { EditTracker } from './edit-tracker.js';
import type { DraftLint, LintCache } from './lint-cache.js';
import type { SettingsStore } from './settings-store.js';
import { STATUS_NOTIFICATION, type CopydeskSettings, type LintState, type StatusParams } from '../protocol/index.js';

/**
 * The editor's size limit (UTF-16 code units, about 500 KB): a longer draft is linted when it is
 * opened and saved, not while typing, and the status bar says so. The CLI has no such limit.
 */
export const LARGE_DRAFT_CHARS = 500_000;

function isLarge(doc: TextDocument): boolean {
  return doc.getText().length > LARGE_DRAFT_CHARS;
}

export interface DraftServiceOptions {
  debounceMs: number;
  /** The client pulls diagnostics (LSP 3.17): drafts are then never pushed. */
  pull: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  refreshSupport: boolean;
}

/** What the draft lint tells the workspace diagnostics (wired by the server). */
export interface WorkspaceHooks {
  /** Style or settings changed: every draft on disk must be checked again. */
  restyled(): void;
  /** A draft was closed: from now on its file on disk is what counts. */
  closed(uri: string): void;
}

export class DraftService {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Diagnostics last published per draft: what a pulling client sees in onSave mode until the next save. */
  private readonly published = new Map<string, Diagnostic[]>();
  private readonly runTokens = new Map<string, number>();
  private nextToken = 0;
  private restyleTimer: NodeJS.Timeout | undefined;
  private readonly releaseTimers = new Map<string, NodeJS.Timeout>();
  private readonly configDiagnostics: ConfigDiagnostics;
  workspace: WorkspaceHooks | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: LintCache,
    private readonly configs: ConfigState,
    private readonly settings: SettingsStore,
    private readonly edits: EditTracker,
    private readonly options: DraftServiceOptions,
  ) {
    this.configDiagnostics = new ConfigDiagnostics({
      push: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    });
  }

  /** shutdown: no lint runs or publishes after this. */
  stop(): void {
    for (const timer of [...this.timers.values(), ...this.releaseTimers.values()]) clearTimeout(timer);
    this.timers.clear();
    this.releaseTimers.clear();
    clearTimeout(this.restyleTimer);
  }

  get pullMode(): boolean {
    return this.options.pull;
  }

  isDraft(doc: TextDocument): boolean {
    return roleOf(doc.uri, doc.languageId) === 'draft';
  }

  isConfig(doc: TextDocument): boolean {
    return roleOf(doc.uri, doc.languageId) === 'config';
  }

  /** A draft was opened, changed or saved. `trigger` decides whether onSave mode lints now. */
  async draftEvent(doc: TextDocument, trigger: 'open' | 'change' | 'save'): Promise<void> {
    const settings = await this.settings.forUri(doc.uri);
    if (trigger === 'change' && (settings.run === 'onSave' || isLarge(doc))) return;
    if (this.options.pull) {
      // The client pulls on open and change by itself; a save (onSave mode) needs a fresh lint and a nudge.
      if (trigger === 'save' && settings.enable) {
        this.lintNow(doc, settings);
        this.requestRefresh();
      }
      return;
    }
    this.schedule(doc.uri, trigger === 'change' ? this.options.debounceMs : 0);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    clearTimeout(this.releaseTimers.get(uri));
    this.releaseTimers.delete(uri);
    this.edits.forget(uri);
    this.runTokens.delete(uri);
    this.cache.forget(uri);
    this.published.delete(uri);
    this.configs.forget(uri);
    this.settings.forget(uri);
    // A pulling client drops pulled diagnostics of a closed document itself.
    if (!this.options.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.workspace?.closed(uri);
  }

  /** The style or the settings changed: drop caches and re-lint every open draft, no restart. */
  restyle(): void {
    this.configs.clearCache();
    this.cache.invalidate();
    this.published.clear();
    this.configDiagnostics.forgetSignature();
    for (const doc of this.documents.all()) {
      if (this.isConfig(doc)) this.pushConfigBuffer(doc);
      if (!this.isDraft(doc)) continue;
      if (this.options.pull) void this.lintForPull(doc);
      else this.schedule(doc.uri, 0);
    }
    if (this.options.pull) this.requestRefresh();
    this.workspace?.restyled();
  }

  /** didChangeConfiguration: settings are read again and every draft re-linted. */
  settingsChanged(settings: unknown): void {
    this.settings.changed(settings);
    this.restyle();
  }

  /** Diagnostics for a pull request (textDocument/diagnostic). */
  async pullDiagnostics(doc: TextDocument): Promise<Diagnostic[]> {
    if (this.isConfig(doc)) return configBufferDiagnostics(doc, this.configs.readPolicy());
    if (!this.isDraft(doc)) return [];
    return this.lintForPull(doc);
  }

  /** A config document opened, changed, saved or closed: report its buffer and re-lint drafts. */
  configDocumentEvent(doc: TextDocument, closed: boolean): void {
    if (closed) {
      void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    }
    // Typing in a style file re-styles once the typing pauses, like draft linting.
    clearTimeout(this.restyleTimer);
    this.restyleTimer = setTimeout(() => {
      try {
        this.restyle();
      } catch (error) {
        this.logError('re-checking drafts after a style change', error);
      }
    }, closed ? 0 : this.options.debounceMs);
  }

  /** The current lint of an open draft (cached per version), for code actions, hover and definition. */
  async currentLint(doc: TextDocument): Promise<DraftLint | null> {
    if (!this.isDraft(doc)) return null;
    const settings = await this.settings.forUri(doc.uri);
    if (!settings.enable) return null;
    return this.cache.lint(doc, settings);
  }

  private async lintForPull(doc: TextDocument): Promise<Diagnostic[]> {
    const settings = await this.settings.forUri(doc.uri);
    if (!settings.enable) {
      this.sendStatus({ uri: doc.uri, state: 'disabled', errors: 0, warnings: 0 });
      return [];
    }
    // onSave: what the last save (or open) published stands until the next save, whatever
    // code actions or hovers lint in between.
    const published = this.published.get(doc.uri);
    if ((settings.run === 'onSave' || isLarge(doc)) && published) return published;
    return this.lintNow(doc, settings);
  }

  private schedule(uri: string, delayMs: number): void {
    clearTimeout(this.timers.get(uri));
    const token = ++this.nextToken;
    this.runTokens.set(uri, token);
    const run = () => {
      this.timers.delete(uri);
      this.runPush(uri, token).catch((error: unknown) => this.logError(`lint of ${uri}`, error));
    };
    this.timers.set(uri, setTimeout(run, delayMs));
  }

  private async runPush(uri: string, token: number): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await this.settings.forUri(uri);
    // Stale: a newer change or a close arrived while settings were fetched.
    if (this.runTokens.get(uri) !== token || this.documents.get(uri)?.version !== version) return;
    if (!settings.enable) {
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      this.sendStatus({ uri, state: 'disabled', errors: 0, warnings: 0 });
      return;
    }
    const diagnostics = this.lintNow(doc, settings);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Lints at the current version; returns what to show now (held-back findings left out). */
  private lintNow(doc: TextDocument, settings: CopydeskSettings): Diagnostic[] {
    this.configs.setTrusted(settings.trusted);
    const lint = this.cache.lint(doc, settings);
    if (!lint) {
      this.published.set(doc.uri, []);
      this.sendStatus({ uri: doc.uri, state: 'notCovered', errors: 0, warnings: 0 });
      return [];
    }
    const { shown, releaseInMs } = this.edits.holdBack(doc.uri, doc.version, lint.findings);
    const diagnostics = shown.map((i) => lint.diagnostics[i]);
    if (releaseInMs !== null) this.scheduleRelease(doc.uri, doc.version, releaseInMs);
    this.published.set(doc.uri, diagnostics);
    this.sendStatus({ ...statusOf(lint), ...(isLarge(doc) ? { onSaveOnly: true } : {}) });
    this.publishConfigErrors();
    return diagnostics;
  }

  /** The typing paused: show the held-back findings of this version (push again, or ask the client to pull). */
  private scheduleRelease(uri: string, version: number, delayMs: number): void {
    clearTimeout(this.releaseTimers.get(uri));
    const release = () => {
      this.releaseTimers.delete(uri);
      if (this.documents.get(uri)?.version !== version) return; // a newer edit re-lints anyway
      if (this.options.pull) this.requestRefresh();
      else this.schedule(uri, 0);
    };
    this.releaseTimers.set(uri, setTimeout(release, delayMs + 5));
  }

  /** Disk errors of every open draft's config, then the open config buffers if anything moved. */
  private publishConfigErrors(): void {
    const errors = this.documents
      .all()
      .flatMap((d) => (this.isDraft(d) ? (this.cache.latest(d.uri)?.configErrors ?? []) : []));
    const openConfigs = new Set(this.documents.all().filter((d) => this.isConfig(d)).map((d) => d.uri));
    if (!this.configDiagnostics.publishDiskErrors(errors, openConfigs)) return;
    for (const doc of this.documents.all()) if (this.isConfig(doc)) this.pushConfigBuffer(doc);
  }

  private pushConfigBuffer(doc: TextDocument): void {
    if (this.options.pull) return;
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: configBufferDiagnostics(doc, this.configs.readPolicy()) });
  }

  requestRefresh(): void {
    if (!this.options.refreshSupport) return;
    this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  private sendStatus(status: StatusParams): void {
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  private logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`Copydesk internal error during ${what}: ${detail}`);
  }
}

function statusOf(lint: DraftLint): StatusParams {
  const errors = lint.findings.filter((f) => f.severity === 'error').length;
  const warnings = lint.findings.filter((f) => f.severity === 'warning').length;
  let state: LintState = errors + warnings > 0 ? 'problems' : 'ok';
  if (lint.configErrors.length > 0) state = 'configError';
  return { uri: lint.uri, state, errors, warnings };
}
