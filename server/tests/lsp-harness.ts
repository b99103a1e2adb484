// Test client for the language server: starts the BUILT server (out/server/src/lsp/server.js) as a
// child process and drives it over JSON-RPC. Records pushed diagnostics and status notifications.

import { fork, spawn, type ChildProcess } from 'node:child_process';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER_JS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/lsp/server.js');
const WAIT_LIMIT_MS = 30_000;

export interface StatusParams {
  uri: string;
  state: string;
  errors: number;
  warnings: number;
}

export interface StartOptions {
  rootDir: string;
  transport?: 'stdio' | 'ipc';
  pull?: boolean;
  initializationOptions?: Record<string, unknown>;
  /** Answer for workspace/configuration section `copydesk`; when absent the client does not support it. */
  settings?: Record<string, unknown>;
  /** The client accepts server-created work-done progress (window.workDoneProgress). */
  progress?: boolean;
}

export class LspTestClient {
  readonly pushed: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  /** How many workspace/diagnostic/refresh requests the server sent (pull mode). */
  refreshes = 0;
  /** $/progress notifications (work-done progress), in order. */
  readonly progress: { token: string | number; value: { kind: string; title?: string; message?: string; cancellable?: boolean } }[] = [];
  /** Edits the server asked the client to apply (workspace/applyEdit); answered as applied. */
  readonly appliedEdits: WorkspaceEdit[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
  ) {}

  static async start(options: StartOptions): Promise<LspTestClient> {
    const transport = options.transport ?? 'stdio';
    const child =
      transport === 'ipc'
        ? fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
        : spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection =
      transport === 'ipc'
        ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
        : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(connection, child);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.record(() => client.pushed.push(p)));
    connection.onNotification('copydesk/status', (p: StatusParams) => client.record(() => client.statuses.push(p)));
    connection.onNotification('window/logMessage', (p: { message: string }) => client.record(() => client.logs.push(p.message)));
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.record(() => client.refreshes++);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (p: LspTestClient['progress'][number]) => client.record(() => client.progress.push(p)));
    connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      client.record(() => client.appliedEdits.push(p.edit));
      return { applied: true };
    });
    if (options.settings) {
      const settings = options.settings;
      connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
        p.items.map((item) => (item.section === 'copydesk' ? settings : null)),
      );
    }
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.settings !== undefined,
        applyEdit: true,
        didChangeWatchedFiles: {},
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { didSave: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        hover: { contentFormat: ['markdown'] },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
      ...(options.progress ? { window: { workDoneProgress: true } } : {}),
    };
    const rootUri = pathUri(options.rootDir);
    // A server that dies at startup (e.g. a module missing from out/) fails the test with its exit code.
    const died = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`the language server exited during initialize (code ${code}, signal ${signal})`))),
    );
    await Promise.race([died, connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'drafts' }],
      capabilities,
      // No debounce and no held-back word unless a test asks for them.
      initializationOptions: { debounceMs: 0, holdMs: 0, ...options.initializationOptions },
    })]);
    died.catch(() => undefined);
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private record(action: () => void): void {
    action();
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Resolves with the first value `find` returns that is not undefined, re-checked on each notification. */
  waitFor<T>(what: string, find: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_LIMIT_MS);
      const check = () => {
        const found = find();
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  /** The next diagnostics pushed for `uri` after `since` notifications, matching `accept`. */
  diagnosticsFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => this.pushed.slice(since).find((p) => p.uri === uri && accept(p)));
  }

  /** Resolves with the server's exit code once its process ends. */
  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

export function pathUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

/** A draft in the house style with three problems: lower-case city, wrong separator, bare OSCE. */
export const SAMPLE_DRAFT = [
  'Police finish trafficking course',
  '',
  'Almaty, Kazakhstan - Police officers on Friday finished a course run by the OSCE.',
  '',
  '"The course gave our officers new tools to find victims," a police spokesman said.',
  '',
].join('\n');

/** Mirrors an editor buffer: applies edits locally and sends them as incremental didChange. */
export class EditorBuffer {
  doc: TextDocument;
  constructor(
    private readonly client: LspTestClient,
    readonly uri: string,
    text: string,
    languageId = 'markdown',
  ) {
    this.doc = TextDocument.create(uri, languageId, 1, text);
    void client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  get text(): string {
    return this.doc.getText();
  }

  async apply(edits: TextEdit[]): Promise<number> {
    const version = this.doc.version + 1;
    // Incremental changes are applied in order, so send them last-first to keep ranges valid.
    const ordered = [...edits].sort((a, b) => this.doc.offsetAt(b.range.start) - this.doc.offsetAt(a.range.start));
    this.doc = TextDocument.update(this.doc, ordered.map((e) => ({ range: e.range, text: e.newText })), version);
    await this.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
    const edits = edit?.changes?.[this.uri];
    assert.ok(edits && edits.length > 0, 'the action carries edits for this document');
    return edits;
  }
}

