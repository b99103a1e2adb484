// The Copydesk extension against its real language server, inside a real VS Code extension host:
// activation, diagnostics, the fix-all command and copydesk.enable. Drafts are invented text.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'copydesk.copydesk';
const DRAFT = [
  '# Police close border crossing after protest',
  '',
  'Almaty, Kazakhstan - Police closed the Korday border crossing on Tuesday after a protest',
  'by lorry drivers over new customs fees, the OSCE said in a statement.',
  '',
].join('\n');
const CITY_PROBLEM = /dateline city in capitals/;

/** Polls until check() returns a truthy value; fails with `what` after timeoutMs. */
async function waitFor(what, check, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function openDraft(name, text, show = true) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the test run must open a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  if (show) await vscode.window.showTextDocument(document);
  return document;
}

const copydeskDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk');

describe('Copydesk extension in code-server', function () {
  this.timeout(60000);

  after(async () => {
    const settings = vscode.workspace.getConfiguration('copydesk');
    await settings.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await settings.update('run', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('activates on a Markdown draft and registers its commands', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await openDraft('activation.md', DRAFT);
    await waitFor('activation', () => extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['copydesk.fixAll', 'copydesk.showOutput', 'copydesk.restartServer']) {
      assert.ok(commands.includes(command), `${command} is not registered`);
    }
  });

  it('shows the dateline problem as a diagnostic from copydesk', async () => {
    const document = await openDraft('diagnostics.md', DRAFT);
    const diagnostics = await waitFor('a dateline diagnostic', () => {
      const found = copydeskDiagnostics(document.uri).filter((d) => CITY_PROBLEM.test(d.message));
      return found.length > 0 ? found : undefined;
    });
    assert.equal(diagnostics[0].range.start.line, 2);
    assert.equal(document.getText(diagnostics[0].range), 'Almaty');
  });

  it('copydesk.fixAll fixes the active draft', async () => {
    const document = await openDraft('fix-all.md', DRAFT);
    await waitFor('diagnostics before the fix', () => copydeskDiagnostics(document.uri).length > 0);
    await vscode.commands.executeCommand('copydesk.fixAll');
    await waitFor('the fixed text', () => document.getText().includes('ALMATY, Kazakhstan'));
    await waitFor('the city problem to go', () => !copydeskDiagnostics(document.uri).some((d) => CITY_PROBLEM.test(d.message)));
    assert.ok(document.getText().includes('Police closed the Korday border crossing'), 'the story text must survive the fix');
  });

  it('copydesk.enable=false clears the diagnostics, true brings them back', async () => {
    const document = await openDraft('disable.md', DRAFT);
    await waitFor('diagnostics while enabled', () => copydeskDiagnostics(document.uri).length > 0);
    const settings = vscode.workspace.getConfiguration('copydesk');
    await settings.update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('diagnostics to clear', () => copydeskDiagnostics(document.uri).length === 0);
    await settings.update('enable', true, vscode.ConfigurationTarget.Workspace);
    await waitFor('diagnostics to return', () => copydeskDiagnostics(document.uri).length > 0);
  });

  it('copydesk.run=onSave re-checks the draft when it is saved', async () => {
    // Only the save half is asserted. That typing does NOT re-check is the server's to guarantee; in
    // VS Code (pull diagnostics) it did not hold yet when this was written, and was reported.
    const settings = vscode.workspace.getConfiguration('copydesk');
    await settings.update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    try {
      const document = await openDraft('on-save.md', DRAFT);
      await waitFor('the city problem on open', () => copydeskDiagnostics(document.uri).some((d) => CITY_PROBLEM.test(d.message)));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(2, 0, 2, 6), 'ALMATY');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await document.save());
      await waitFor('the city problem to go after the save', () => !copydeskDiagnostics(document.uri).some((d) => CITY_PROBLEM.test(d.message)));
      assert.ok(copydeskDiagnostics(document.uri).length > 0, 'the other problems of the draft must remain');
    } finally {
      await settings.update('run', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('underlines a mistake inside a .copydesk.yaml', async () => {
    const folder = vscode.workspace.workspaceFolders[0];
    const config = vscode.Uri.joinPath(folder.uri, 'broken-style', '.copydesk.yaml');
    await vscode.workspace.fs.writeFile(config, Buffer.from('rules:\n  dateline: sometimes\n', 'utf8'));
    try {
      const document = await vscode.workspace.openTextDocument(config);
      await vscode.window.showTextDocument(document);
      const found = await waitFor('a diagnostic in the config file', () => {
        const diagnostics = copydeskDiagnostics(config);
        return diagnostics.length > 0 ? diagnostics : undefined;
      });
      assert.equal(found[0].range.start.line, 1, `expected the bad severity on line 2, got ${JSON.stringify(found[0].message)}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'broken-style'), { recursive: true });
    }
  });

  it('lists the problems of a draft that was never opened', async () => {
    const folder = vscode.workspace.workspaceFolders[0];
    const uri = vscode.Uri.joinPath(folder.uri, 'closed', 'never-opened.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(DRAFT, 'utf8'));
    await waitFor('diagnostics of the closed draft', () => copydeskDiagnostics(uri).some((d) => CITY_PROBLEM.test(d.message)), 30000);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the draft must not have been opened');
  });

  it('copydesk.createStyleFile writes the starter style into a folder, never over one', async () => {
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'new-desk');
    await vscode.workspace.fs.createDirectory(folder);
    const result = await vscode.commands.executeCommand('copydesk.createStyleFile', { folder: folder.toString() });
    assert.equal(result && result.created, true, JSON.stringify(result));
    const text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.copydesk.yaml'))).toString('utf8');
    assert.match(text, /^# Copydesk house style/);
    const again = await vscode.commands.executeCommand('copydesk.createStyleFile', { folder: folder.toString() });
    assert.equal(again && again.created, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('copydesk.restartServer brings the server back with diagnostics', async () => {
    await vscode.commands.executeCommand('copydesk.restartServer');
    const document = await openDraft('after-restart.md', DRAFT);
    await waitFor('diagnostics after the restart', () => copydeskDiagnostics(document.uri).some((d) => CITY_PROBLEM.test(d.message)));
  });
});
