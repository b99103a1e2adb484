// The `copydesk` settings the language server pulls (workspace/configuration), per document scope.
// Applies the untrusted-workspace rule: a workspace may not point the linter at a config file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION, type CopydeskSettings } from '../../server/src/protocol';

function folderOf(scope: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  if (scope) return vscode.workspace.getWorkspaceFolder(scope);
  return vscode.workspace.workspaceFolders?.[0];
}

/**
 * `copydesk.configPath` as the user wrote it. In an untrusted workspace only the user's own
 * (global) value counts: VS Code already drops workspace values of restrictedConfigurations,
 * and reading `inspect()` keeps that true even if the manifest declaration were lost.
 */
function rawConfigPath(config: vscode.WorkspaceConfiguration): string {
  if (vscode.workspace.isTrusted) return config.get<string>('configPath', '');
  return config.inspect<string>('configPath')?.globalValue ?? '';
}

/** Expands `${workspaceFolder}` and `~`, and makes relative paths relative to the document's folder root; "" means discover. */
export function resolveConfigPath(value: string, folder: string | undefined, home: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  let expanded = folder ? trimmed.replace(/\$\{workspaceFolder\}/g, folder) : trimmed;
  if (expanded === '~' || expanded.startsWith('~/')) expanded = path.join(home, expanded.slice(1));
  if (path.isAbsolute(expanded)) return path.normalize(expanded);
  // A relative path with no folder to anchor it cannot be resolved; the server reports it as written.
  return folder ? path.join(folder, expanded) : expanded;
}

export function readSettings(scope: vscode.Uri | undefined): CopydeskSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const folder = folderOf(scope)?.uri;
  const folderPath = folder?.scheme === 'file' ? folder.fsPath : undefined;
  const run = config.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType';
  return {
    enable: config.get<boolean>('enable', true),
    configPath: resolveConfigPath(rawConfigPath(config), folderPath, process.env.HOME ?? ''),
    run,
    trusted: vscode.workspace.isTrusted,
    lintWithoutStyle: config.get<boolean>('lintWithoutStyle', false),
    workspaceDiagnostics: config.get<boolean>('workspaceDiagnostics', true),
  };
}

/** True when Copydesk should show anything for this document. */
export function isEnabledFor(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<boolean>('enable', true);
}
