// What the extension adds around the server's commands: asks for an acronym's expansion before
// "add to dictionary", picks the folder for "Create style file" and opens the result, saves the
// style file a lesson edited (so the server, which reads style files from disk, picks it up),
// and opens the rule pages shipped in the extension.
import * as vscode from 'vscode';
import { CREATE_STYLE_COMMAND, SHOW_RULE_COMMAND, TEACH_COMMAND } from '../../server/src/protocol';

type Next = (command: string, args: unknown[]) => unknown;

interface TeachArgument {
  draftUri: string;
  lesson: { kind: string; acronym?: string; expansion?: string };
}

function isTeachArgument(value: unknown): value is TeachArgument {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.draftUri === 'string' && typeof record.lesson === 'object' && record.lesson !== null;
}

/** "Add ACR to the style's acronym dictionary": ask what it stands for, then let the server edit the style. */
async function teach(args: unknown[], next: Next): Promise<unknown> {
  const [argument] = args;
  if (!isTeachArgument(argument)) return next(TEACH_COMMAND, args);
  const lesson = { ...argument.lesson };
  if (lesson.kind === 'dictionary' && !lesson.expansion) {
    const expansion = await vscode.window.showInputBox({
      title: `Copydesk: add ${lesson.acronym} to the acronym dictionary`,
      prompt: `What does ${lesson.acronym} stand for? It is written into the style file that governs this draft.`,
      placeHolder: 'Full name, e.g. Organisation for Security and Co-operation in Europe',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'Write the full name, or press Escape to cancel.' : undefined),
    });
    if (expansion === undefined) return { applied: false };
    lesson.expansion = expansion.trim();
  }
  const result = (await next(TEACH_COMMAND, [{ ...argument, lesson }])) as { applied?: boolean; uri?: string } | undefined;
  await saveIfDirty(result?.uri);
  return result;
}

/** The server reads style files from disk: save the one the lesson edited so the draft is re-checked. */
async function saveIfDirty(uri: string | undefined): Promise<void> {
  if (!uri) return;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (document?.isDirty) await document.save();
}

/** The workspace folder for a new style file: the active draft's, else the only one, else the user's pick. */
async function styleFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  if (own) return own;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for the new .copydesk.yaml' });
}

async function createStyle(args: unknown[], next: Next): Promise<unknown> {
  let forward = args;
  if (args.length === 0) {
    const folder = await styleFolder();
    if (!folder) {
      void vscode.window.showInformationMessage('Copydesk: open a folder first; the style file goes into a workspace folder.');
      return undefined;
    }
    forward = [{ folder: folder.uri.toString() }];
  }
  const result = (await next(CREATE_STYLE_COMMAND, forward)) as { created?: boolean; uri?: string; message?: string } | undefined;
  if (result?.uri) await vscode.window.showTextDocument(vscode.Uri.parse(result.uri), { preview: false });
  if (result?.message) {
    const show = result.created ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(result.message);
  }
  return result;
}

/** Middleware for the server's commands that need the user or the editor first; others pass through. */
export function wrapServerCommand(command: string, args: unknown[], next: Next): unknown {
  if (command === TEACH_COMMAND) return teach(args, next);
  if (command === CREATE_STYLE_COMMAND) return createStyle(args, next);
  return next(command, args);
}

/** Opens docs/rules/RULE.md from the extension as a Markdown preview (the diagnostic's rule link). */
export function registerShowRulePage(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_RULE_COMMAND, async (id: unknown) => {
    if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) return;
    const page = vscode.Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`));
    try {
      await vscode.commands.executeCommand('markdown.showPreview', page);
    } catch {
      await vscode.window.showTextDocument(page, { preview: true });
    }
  });
}
