// The Copydesk language server entry: wires a connection (stdio, node-ipc or socket, chosen from
// argv) to the feature modules. No lint logic here; every handler is wrapped so none can crash it.

import * as path from 'node:path';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { codeActionsFor, CODE_ACTION_KINDS } from './code-actions.js';
import { ConfigState } from './config-state.js';
import { definitionFor } from './definition.js';
import { DraftService } from './draft-service.js';
import { filePathOf, guardedDocuments } from './documents.js';
import { fixAllEdit, FIX_ALL_COMMAND } from './fix-all.js';
import { hoverFor } from './hover.js';
import { LintCache } from './lint-cache.js';
import { SettingsStore } from './settings-store.js';
import { parseInitOptions } from './settings.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(guardedDocuments((message) => connection.console.warn(message)));
let service: DraftService | undefined;
/** Set by `shutdown`: from then on requests fail with InvalidRequest and events are ignored (LSP spec). */
let shutDown = false;
let registerWatchers = false;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Runs a handler; an internal error is logged and answered with `fallback`, never a crash. */
async function guarded<T>(what: string, fallback: T, handler: () => T | Promise<T>): Promise<T> {
  if (shutDown) return fallback;
  try {
    return await handler();
  } catch (error) {
    connection.console.error(`Copydesk internal error in ${what}: ${describe(error)}`);
    return fallback;
  }
}

/** A request handler: after shutdown it answers InvalidRequest instead of running. */
function answering<T>(what: string, fallback: T, handler: () => T | Promise<T>): Promise<T> {
  if (shutDown) return Promise.reject(new ResponseError(ErrorCodes.InvalidRequest, `the server is shut down; ${what} is not answered`));
  return guarded(what, fallback, handler);
}

function workspaceRootOf(params: InitializeParams): string | null {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (folder) return filePathOf(folder);
  return params.rootPath ? path.resolve(params.rootPath) : null;
}

connection.onInitialize((params): InitializeResult => {
  const init = parseInitOptions(params.initializationOptions);
  const capabilities = params.capabilities;
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  const configs = new ConfigState(workspaceRootOf(params));
  const settings = new SettingsStore(connection, capabilities.workspace?.configuration === true, init.settings);
  service = new DraftService(connection, documents, new LintCache(configs), configs, settings, {
    debounceMs: init.debounceMs,
    pull,
    refreshSupport: capabilities.workspace?.diagnostics?.refreshSupport === true,
  });
  registerWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
      ...(pull ? { diagnosticProvider: { identifier: 'copydesk', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'copydesk' },
  };
});

connection.onInitialized(() => {
  if (!registerWatchers) return;
  void connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.copydesk.{yaml,yml}' }] })
    .catch((error: unknown) => connection.console.warn(`Could not watch config files: ${describe(error)}`));
});

/** Documents whose open has been handled; TextDocuments fires a content change right after each open. */
const justOpened = new Set<string>();

documents.onDidOpen((event) => {
  justOpened.add(event.document.uri);
  void guarded('didOpen', undefined, async () => {
    if (!service) return;
    if (service.isConfig(event.document)) service.configDocumentEvent(event.document, false);
    else if (service.isDraft(event.document)) await service.draftEvent(event.document, 'open');
  });
});

documents.onDidChangeContent((event) => {
  if (justOpened.delete(event.document.uri)) return;
  void guarded('didChange', undefined, async () => {
    if (!service) return;
    if (service.isConfig(event.document)) service.configDocumentEvent(event.document, false);
    else if (service.isDraft(event.document)) await service.draftEvent(event.document, 'change');
  });
});

documents.onDidSave((event) => {
  void guarded('didSave', undefined, async () => {
    if (!service) return;
    if (service.isConfig(event.document)) service.configDocumentEvent(event.document, false);
    else if (service.isDraft(event.document)) await service.draftEvent(event.document, 'save');
  });
});

documents.onDidClose((event) => {
  justOpened.delete(event.document.uri);
  void guarded('didClose', undefined, () => {
    if (!service) return;
    const wasConfig = service.isConfig(event.document);
    service.closed(event.document.uri);
    if (wasConfig) service.configDocumentEvent(event.document, true);
  });
});

connection.onDidChangeWatchedFiles(() => {
  void guarded('didChangeWatchedFiles', undefined, () => service?.restyle());
});

connection.onDidChangeConfiguration((params) => {
  void guarded('didChangeConfiguration', undefined, () => service?.settingsChanged(params.settings));
});

connection.languages.diagnostics.on((params) =>
  answering('textDocument/diagnostic', { kind: 'full' as const, items: [] }, async () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !service) return { kind: 'full' as const, items: [] };
    return { kind: 'full' as const, items: await service.pullDiagnostics(doc) };
  }),
);

connection.onCodeAction((params) =>
  answering('textDocument/codeAction', [], async () => {
    const doc = documents.get(params.textDocument.uri);
    const lint = doc && service ? await service.currentLint(doc) : null;
    return doc && lint ? codeActionsFor(doc, lint, params) : [];
  }),
);

connection.onHover((params) =>
  answering('textDocument/hover', null, async () => {
    const doc = documents.get(params.textDocument.uri);
    const lint = doc && service ? await service.currentLint(doc) : null;
    return doc && lint ? hoverFor(doc, lint, params.position) : null;
  }),
);

connection.onDefinition((params) =>
  answering('textDocument/definition', null, async () => {
    const doc = documents.get(params.textDocument.uri);
    const lint = doc && service ? await service.currentLint(doc) : null;
    return doc && lint ? definitionFor(doc, lint, params.position) : null;
  }),
);

connection.onExecuteCommand((params) =>
  answering('workspace/executeCommand', { applied: false }, async () => {
    if (params.command !== FIX_ALL_COMMAND) return { applied: false };
    const argument: unknown = params.arguments?.[0];
    const uri = typeof argument === 'object' && argument !== null ? (argument as { uri?: unknown }).uri : argument;
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    const lint = doc && service ? await service.currentLint(doc) : null;
    const edit = doc && lint ? fixAllEdit(doc, lint.style) : null;
    if (!edit) return { applied: false };
    const result = await connection.workspace.applyEdit({ label: 'Copydesk: fix all problems', edit });
    return { applied: result.applied };
  }),
);

connection.onShutdown(() => {
  if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is already shut down');
  shutDown = true;
  service?.stop();
});

process.on('uncaughtException', (error) => connection.console.error(`Copydesk internal error: ${describe(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`Copydesk internal error: ${describe(error)}`));

documents.listen(connection);
connection.listen();
