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
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDraftName } from '../engine/drafts.js';
import { codeActionsFor, CODE_ACTION_KINDS } from './code-actions.js';
import { configCompletions, configHover } from './config-assist.js';
import { ConfigState } from './config-state.js';
import { definitionFor } from './definition.js';
import { DraftService } from './draft-service.js';
import { filePathOf, guardedDocuments, isConfigFileName } from './documents.js';
import { EditTracker } from './edit-tracker.js';
import { fixAllEdit } from './fix-all.js';
import { hoverFor } from './hover.js';
import { LintCache } from './lint-cache.js';
import { setRuleLinkStyle } from './rule-docs.js';
import { SettingsStore } from './settings-store.js';
import { DEFAULT_HOLD_MS, parseInitOptions, type InitOptions } from './settings.js';
import { createStyleFile } from './style-file.js';
import { governingConfig, lessonEdit, readText, type Lesson } from './style-edits.js';
import { CREATE_STYLE_COMMAND, DRAFT_GLOB, FIX_ALL_COMMAND, STYLE_FILE_GLOB, TEACH_COMMAND } from '../protocol/index.js';
import { WorkspaceDiagnostics } from './workspace-diagnostics.js';
import { WorkspaceScanner } from './workspace-scan.js';

const connection = createConnection(ProposedFeatures.all);
const edits = new EditTracker(DEFAULT_HOLD_MS);
const documents = new TextDocuments<TextDocument>(edits.configuration(guardedDocuments((message) => connection.console.warn(message))));
let service: DraftService | undefined;
let workspace: WorkspaceDiagnostics | undefined;
let init: InitOptions = parseInitOptions(undefined);
let folders: string[] = [];
/** Set by `shutdown`: from then on requests fail with InvalidRequest and events are ignored (LSP spec). */
let shutDown = false;
let registerWatchers = false;
const openText = (uri: string) => documents.get(uri)?.getText();

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

/** Every workspace folder as a path (the first anchors relative settings and untitled drafts). */
function workspaceFoldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(filePathOf).filter((p): p is string => p !== null);
  if (paths.length === 0 && params.rootPath) paths.push(path.resolve(params.rootPath));
  return paths;
}

connection.onInitialize((params): InitializeResult => {
  init = parseInitOptions(params.initializationOptions);
  edits.holdMs = init.holdMs;
  setRuleLinkStyle(init.ruleLinks);
  folders = workspaceFoldersOf(params);
  const capabilities = params.capabilities;
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  const configs = new ConfigState(folders[0] ?? null);
  const settings = new SettingsStore(connection, capabilities.workspace?.configuration === true, init.settings);
  const cache = new LintCache(configs);
  const refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
  service = new DraftService(connection, documents, cache, configs, settings, edits, { debounceMs: init.debounceMs, pull, refreshSupport });
  const draftService = service;
  workspace = new WorkspaceDiagnostics(connection, documents, new WorkspaceScanner(cache), settings, {
    pull,
    folders,
    progressSupport: capabilities.window?.workDoneProgress === true,
    debounceMs: Math.max(init.debounceMs, 50),
  }, () => draftService.requestRefresh());
  service.workspace = workspace;
  registerWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      // Completion is for style files only (rule ids, severities, options).
      completionProvider: { triggerCharacters: [':', '{', ','] },
      executeCommandProvider: { commands: [FIX_ALL_COMMAND, TEACH_COMMAND, CREATE_STYLE_COMMAND] },
      ...(pull ? { diagnosticProvider: { identifier: 'copydesk', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
    },
    serverInfo: { name: 'copydesk' },
  };
});

connection.onInitialized(() => {
  workspace?.start();
  if (!registerWatchers) return;
  const watchers = [{ globPattern: STYLE_FILE_GLOB }, { globPattern: DRAFT_GLOB }];
  void connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers })
    .catch((error: unknown) => connection.console.warn(`Could not watch config files and drafts: ${describe(error)}`));
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

connection.onDidChangeWatchedFiles((params) => {
  void guarded('didChangeWatchedFiles', undefined, () => {
    // A style file (or a file it extends: any other change than a draft's) changes every draft.
    const draftsOnly = params.changes.every((c) => !isConfigFileName(c.uri) && isDraftName(c.uri));
    if (draftsOnly) workspace?.draftFilesChanged();
    else service?.restyle();
  });
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

connection.languages.diagnostics.onWorkspace((params, token, progress) =>
  answering('workspace/diagnostic', { items: [] }, () => workspace?.pull(params, token, progress) ?? { items: [] }),
);

connection.onCodeAction((params) =>
  answering('textDocument/codeAction', [], async () => {
    const doc = documents.get(params.textDocument.uri);
    const lint = doc && service ? await service.currentLint(doc) : null;
    return doc && lint ? codeActionsFor(doc, lint, params, { openText, askExpansion: init.askExpansion }) : [];
  }),
);

connection.onCompletion((params) =>
  answering('textDocument/completion', [], () => {
    const doc = documents.get(params.textDocument.uri);
    return doc && service?.isConfig(doc) ? configCompletions(doc, params.position) : [];
  }),
);

connection.onHover((params) =>
  answering('textDocument/hover', null, async () => {
    const doc = documents.get(params.textDocument.uri);
    if (doc && service?.isConfig(doc)) return configHover(doc, params.position);
    const lint = doc && service ? await service.currentLint(doc) : null;
    return doc && lint ? hoverFor(doc, lint, params.position, init.explainInHover) : null;
  }),
);

connection.onDefinition((params) =>
  answering('textDocument/definition', null, async () => {
    const doc = documents.get(params.textDocument.uri);
    const lint = doc && service ? await service.currentLint(doc) : null;
    return doc && lint ? definitionFor(doc, lint, params.position) : null;
  }),
);

/** TEACH_COMMAND `{draftUri, lesson}`: the lesson written into the draft's style file through applyEdit. */
async function teachStyle(argument: unknown): Promise<{ applied: boolean; uri?: string }> {
  const { draftUri, lesson } = (typeof argument === 'object' && argument !== null ? argument : {}) as { draftUri?: unknown; lesson?: Lesson };
  const doc = typeof draftUri === 'string' ? documents.get(draftUri) : undefined;
  const lint = doc && service ? await service.currentLint(doc) : null;
  const file = lint ? governingConfig(lint) : null;
  const text = file ? readText(file, openText) : null;
  const edit = file && text !== null && lesson ? lessonEdit(file, text, lesson) : null;
  if (!edit || !file) return { applied: false };
  const result = await connection.workspace.applyEdit({ label: 'Copydesk: teach the style', edit });
  return { applied: result.applied, uri: Object.keys(edit.changes ?? {})[0] };
}

connection.onExecuteCommand((params) =>
  answering('workspace/executeCommand', { applied: false }, async () => {
    if (params.command === TEACH_COMMAND) return teachStyle(params.arguments?.[0]);
    if (params.command === CREATE_STYLE_COMMAND) {
      const result = createStyleFile(params.arguments?.[0], folders);
      if (result.created) service?.restyle();
      return result;
    }
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
  workspace?.stop();
});

process.on('uncaughtException', (error) => connection.console.error(`Copydesk internal error: ${describe(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`Copydesk internal error: ${describe(error)}`));

documents.listen(connection);
connection.listen();
