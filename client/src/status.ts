// The Copydesk status bar item: mirrors the server's `copydesk/status` notification for the active editor.
// It only displays what the server reports; it never lints or reads config itself.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export class CopydeskStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly listeners: vscode.Disposable[] = [];

  constructor(
    private readonly showOutputCommand: string,
    private readonly createStyleCommand: string,
  ) {
    this.item = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Copydesk';
    this.listeners.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
    );
    this.render();
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  /** Forget every document's state (the server restarted and will report again). */
  reset(): void {
    this.byUri.clear();
    this.render();
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    const status = editor ? this.byUri.get(editor.document.uri.toString()) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    const problems = status.errors + status.warnings;
    this.item.command = status.state === 'notCovered' ? this.createStyleCommand : this.showOutputCommand;
    switch (status.state) {
      case 'ok':
        this.item.text = '$(check) Copydesk';
        this.item.tooltip = 'Copydesk: no house-style problems';
        break;
      case 'problems':
        this.item.text = `$(warning) Copydesk ${problems}`;
        this.item.tooltip = `Copydesk: ${status.errors} error(s), ${status.warnings} warning(s)`;
        break;
      case 'configError':
        this.item.text = '$(error) Copydesk config';
        this.item.tooltip = 'Copydesk: the style config has errors; the last good config is in use. Click for details.';
        break;
      case 'notCovered':
        this.item.text = '$(circle-slash) Copydesk: no style';
        this.item.tooltip =
          'Copydesk does not check this file: no .copydesk.yaml in its folder or above (and copydesk.lintWithoutStyle is off). Click to create a style file in the workspace folder.';
        break;
      case 'disabled':
        this.item.text = '$(circle-slash) Copydesk';
        this.item.tooltip = 'Copydesk is disabled (copydesk.enable)';
        break;
    }
    if (status.onSaveOnly) {
      this.item.text += ' (on save)';
      this.item.tooltip += '. This draft is past the size limit (500,000 characters): it is checked when saved, not while typing.';
    }
    this.item.show();
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.item.dispose();
  }
}
