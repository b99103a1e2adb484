// VS Code entry point: starts the Copydesk language server (dist/server.cjs over node IPC) and wires
// settings, commands and the status bar to it. No lint logic lives here; the server owns all of it.
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  LanguageClient,
  TransportKind,
  vsdiag,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerShowRulePage, wrapServerCommand } from './commands';
import { isEnabledFor, readSettings } from './settings';
import { CopydeskStatusBar } from './status';
import {
  CREATE_STYLE_COMMAND,
  DRAFT_GLOB,
  DRAFT_LANGUAGES,
  FIX_ALL_COMMAND,
  parseStatusParams,
  SETTINGS_SECTION,
  STATUS_NOTIFICATION,
  STYLE_FILE_GLOB,
} from '../../server/src/protocol';

const CLIENT_ID = 'copydesk'; // also makes vscode-languageclient honour `copydesk.trace.server`
const COMMAND_SHOW_OUTPUT = 'copydesk.showOutput';
const COMMAND_RESTART = 'copydesk.restartServer';

let client: LanguageClient | undefined;

/** Drafts as engine/drafts.ts defines them (by file name; untitled buffers by language), and style files. */
const DOCUMENT_SELECTOR: LanguageClientOptions['documentSelector'] = [
  { scheme: 'file', pattern: DRAFT_GLOB },
  ...DRAFT_LANGUAGES.map((language) => ({ scheme: 'untitled', language })),
  // Config files get diagnostics too (schema errors at exact ranges), whatever language mode they open in.
  { scheme: 'file', pattern: STYLE_FILE_GLOB },
];

/** The `{uri}` argument of the server's fix-all command, taken from the active editor. */
function activeDocumentArgument(): { uri: string } | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri.toString() } : undefined;
}

function createMiddleware(getClient: () => LanguageClient | undefined): Middleware {
  return {
    workspace: {
      // The server pulls section `copydesk`; answer it from readSettings so the trust rule and
      // path resolution live in one place. Other sections go to the default handler.
      configuration: async (params, token, next) => {
        const defaults = await next(params, token);
        if (!Array.isArray(defaults)) return defaults;
        const converter = getClient()?.protocol2CodeConverter;
        return params.items.map((item, index) => {
          if (item.section !== SETTINGS_SECTION) return defaults[index];
          const scope = item.scopeUri && converter ? converter.asUri(item.scopeUri) : undefined;
          return readSettings(scope);
        });
      },
    },
    // `copydesk.enable=false` silences the extension even if a server run was already in flight.
    handleDiagnostics: (uri, diagnostics, next) => next(uri, isEnabledFor(uri) ? diagnostics : []),
    provideDiagnostics: (document, previousResultId, token, next) => {
      const uri = document instanceof vscode.Uri ? document : document.uri;
      if (!isEnabledFor(uri)) return { kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] };
      return next(document, previousResultId, token);
    },
    // Invoked from the palette or a keybinding the command has no argument: fix the active editor.
    executeCommand: async (command, args, next) => {
      if (command !== FIX_ALL_COMMAND || args.length > 0) return wrapServerCommand(command, args, next);
      const argument = activeDocumentArgument();
      if (!argument) {
        void vscode.window.showInformationMessage('Copydesk: open a draft to fix its problems.');
        return undefined;
      }
      return next(command, [argument]);
    },
  };
}

/** Tell the server to pull `copydesk` settings again (it re-lints open drafts with them). */
function signalSettingsChanged(): void {
  if (!client?.isRunning()) return;
  void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
}

/**
 * Diagnostics already shown for documents that are now disabled go at once: pushed ones are deleted,
 * pulled ones are pulled again (the provideDiagnostics middleware answers empty for them).
 */
function clearDisabledDiagnostics(): void {
  if (!client?.isRunning()) return;
  const collection = client.diagnostics;
  if (collection) {
    const disabled: vscode.Uri[] = [];
    collection.forEach((uri) => {
      if (!isEnabledFor(uri)) disabled.push(uri);
    });
    for (const uri of disabled) collection.delete(uri);
  }
  client.getFeature(DocumentDiagnosticRequest.method).refresh();
}

/** If the server did not advertise the fix-all command, vscode-languageclient did not register it: do it here. */
function registerFixAllFallback(context: vscode.ExtensionContext, languageClient: LanguageClient): void {
  const advertised = languageClient.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (advertised.includes(FIX_ALL_COMMAND)) return;
  context.subscriptions.push(
    vscode.commands.registerCommand(FIX_ALL_COMMAND, async () => {
      const argument = activeDocumentArgument();
      if (!argument || !client?.isRunning()) return undefined;
      return client.sendRequest('workspace/executeCommand', { command: FIX_ALL_COMMAND, arguments: [argument] });
    }),
  );
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Copydesk', { log: true });
  const statusBar = new CopydeskStatusBar(COMMAND_SHOW_OUTPUT, CREATE_STYLE_COMMAND);
  const configWatcher = vscode.workspace.createFileSystemWatcher(STYLE_FILE_GLOB);
  context.subscriptions.push(outputChannel, statusBar, configWatcher);

  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    synchronize: { fileEvents: configWatcher },
    middleware: createMiddleware(() => client),
    // Rule links open the pages shipped in the extension; the acronym dictionary action asks for the expansion.
    initializationOptions: { ruleLinks: 'command', explainInHover: false, askExpansion: true },
  };
  client = new LanguageClient(CLIENT_ID, 'Copydesk', serverOptions, clientOptions);
  const languageClient = client;
  // A custom notification, not publishDiagnostics: overriding that one would starve VS Code of diagnostics.
  context.subscriptions.push(
    languageClient.onNotification(STATUS_NOTIFICATION, (params: unknown) => {
      const status = parseStatusParams(params);
      if (status) statusBar.update(status);
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND_SHOW_OUTPUT, () => outputChannel.show(true)),
    registerShowRulePage(context),
    vscode.commands.registerCommand(COMMAND_RESTART, async () => {
      statusBar.reset();
      await languageClient.restart();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      clearDisabledDiagnostics();
      signalSettingsChanged();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => signalSettingsChanged()),
  );

  try {
    await languageClient.start();
    registerFixAllFallback(context, languageClient);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outputChannel.error(`Copydesk language server failed to start: ${reason}`);
    void vscode.window.showErrorMessage('Copydesk could not start its language server.', 'Show output').then((choice) => {
      if (choice) outputChannel.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
