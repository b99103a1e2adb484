// Protocol tests for the style file, settings, pull diagnostics and the node-ipc transport: config
// changes re-lint with no restart, a broken config shows in the config file while the last good one stays.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { EditorBuffer, LspTestClient, pathUri, SAMPLE_DRAFT } from './lsp-harness.js';

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-config-'));
}

describe('style file changes', () => {
  let dir: string;
  let client: LspTestClient;
  let configFile: string;

  before(async () => {
    dir = tempDir();
    configFile = path.join(dir, '.copydesk.yaml');
    // The first draft is checked before any style file exists: the built-in style, by setting.
    client = await LspTestClient.start({ rootDir: dir, initializationOptions: { lintWithoutStyle: true } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function configChanged(type: 1 | 2 | 3): Promise<void> {
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathUri(configFile), type }] });
  }

  it('re-lints open drafts with a new config, then keeps the last good config when it breaks', async () => {
    const draft = new EditorBuffer(client, pathUri(path.join(dir, 'draft.md')), SAMPLE_DRAFT);
    const first = await client.diagnosticsFor(draft.uri);
    assert.deepEqual(codes(first.diagnostics), ['dateline', 'dateline', 'acronym-first-use']);

    let mark = client.pushed.length;
    fs.writeFileSync(configFile, 'rules:\n  dateline: off\n');
    await configChanged(1);
    const relinted = await client.diagnosticsFor(draft.uri, () => true, mark);
    assert.deepEqual(codes(relinted.diagnostics), ['acronym-first-use']);

    mark = client.pushed.length;
    const statusMark = client.statuses.length;
    fs.writeFileSync(configFile, 'rules:\n  datline: warning\n  acronym-first-use: error\n');
    await configChanged(2);
    const inConfig = await client.diagnosticsFor(pathUri(configFile), (p) => p.diagnostics.length > 0, mark);
    assert.equal(inConfig.diagnostics.length, 1);
    assert.deepEqual(inConfig.diagnostics[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } });
    assert.match(inConfig.diagnostics[0].message, /unknown rule "datline"; did you mean "dateline"/);
    assert.equal(inConfig.diagnostics[0].source, 'copydesk');
    // The draft is still linted, with the last good config (dateline off, acronym-first-use a warning).
    const kept = await client.diagnosticsFor(draft.uri, () => true, mark);
    assert.deepEqual(codes(kept.diagnostics), ['acronym-first-use']);
    assert.equal(kept.diagnostics[0].severity, 2);
    const status = await client.waitFor('configError status', () =>
      client.statuses.slice(statusMark).find((s) => s.uri === draft.uri && s.state === 'configError'),
    );
    assert.equal(status.warnings, 1);

    mark = client.pushed.length;
    fs.writeFileSync(configFile, 'rules:\n  dateline: warning\n');
    await configChanged(2);
    const cleared = await client.diagnosticsFor(pathUri(configFile), () => true, mark);
    assert.deepEqual(cleared.diagnostics, []);
    const fixed = await client.diagnosticsFor(draft.uri, () => true, mark);
    assert.deepEqual(codes(fixed.diagnostics), ['dateline', 'dateline', 'acronym-first-use']);
    assert.equal(fixed.diagnostics[0].severity, 2);
  });

  it('checks the unsaved buffer of an open config file at exact ranges', async () => {
    const uri = pathUri(configFile);
    const mark = client.pushed.length;
    const buffer = new EditorBuffer(client, uri, 'rules:\n  dateline: error\n', 'yaml');
    const clean = await client.diagnosticsFor(uri, () => true, mark);
    assert.deepEqual(clean.diagnostics, []);
    const editMark = client.pushed.length;
    await buffer.apply([{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 17 } }, newText: 'loud' }]);
    const broken = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0, editMark);
    assert.equal(broken.diagnostics[0].range.start.line, 1);
    assert.equal(broken.diagnostics[0].range.start.character, 12);
    assert.equal(broken.diagnostics[0].range.end.character, 16);
  });
});

describe('settings and pull diagnostics', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers textDocument/diagnostic and pushes nothing for drafts when the client pulls', async () => {
    const client = await LspTestClient.start({ rootDir: dir, pull: true, initializationOptions: { lintWithoutStyle: true } });
    try {
      const draft = new EditorBuffer(client, pathUri(path.join(dir, 'pulled.md')), SAMPLE_DRAFT);
      const report: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', {
        textDocument: { uri: draft.uri },
      });
      assert.equal(report.kind, 'full');
      assert.deepEqual(codes(report.kind === 'full' ? report.items : []), ['dateline', 'dateline', 'acronym-first-use']);
      await draft.apply([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, newText: 'ALMATY' }]);
      const second: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', {
        textDocument: { uri: draft.uri },
      });
      assert.deepEqual(codes(second.kind === 'full' ? second.items : []), ['dateline', 'acronym-first-use']);
      assert.equal(client.pushed.filter((p) => p.uri === draft.uri && p.diagnostics.length > 0).length, 0);

      // A style change asks the client to pull again, and the next pull uses the new style.
      const refreshes = client.refreshes;
      fs.writeFileSync(path.join(dir, '.copydesk.yaml'), 'rules:\n  acronym-first-use: off\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathUri(path.join(dir, '.copydesk.yaml')), type: 1 }],
      });
      await client.waitFor('diagnostic refresh', () => (client.refreshes > refreshes ? true : undefined));
      const third: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', {
        textDocument: { uri: draft.uri },
      });
      assert.deepEqual(codes(third.kind === 'full' ? third.items : []), ['dateline']);
      fs.rmSync(path.join(dir, '.copydesk.yaml'));
    } finally {
      await client.stop();
    }
  });

  it('honours copydesk.enable=false from workspace/configuration', async () => {
    const client = await LspTestClient.start({ rootDir: dir, settings: { enable: false, configPath: null, run: 'onType', lintWithoutStyle: true } });
    try {
      const draft = new EditorBuffer(client, pathUri(path.join(dir, 'disabled.md')), SAMPLE_DRAFT);
      const published = await client.diagnosticsFor(draft.uri);
      assert.deepEqual(published.diagnostics, []);
      const status = await client.waitFor('status', () => client.statuses.find((s) => s.uri === draft.uri));
      assert.equal(status.state, 'disabled');
    } finally {
      await client.stop();
    }
  });

  it('checks only on open and save when run is onSave', async () => {
    const client = await LspTestClient.start({ rootDir: dir, settings: { enable: true, configPath: '', run: 'onSave', lintWithoutStyle: true } });
    try {
      const draft = new EditorBuffer(client, pathUri(path.join(dir, 'on-save.md')), SAMPLE_DRAFT);
      const opened = await client.diagnosticsFor(draft.uri);
      assert.equal(opened.diagnostics.length, 3);
      const typed = await draft.apply([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, newText: 'ALMATY' }]);
      const mark = client.pushed.length;
      await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: draft.uri } });
      const saved = await client.diagnosticsFor(draft.uri, () => true, mark);
      assert.equal(saved.version, typed);
      assert.equal(saved.diagnostics.length, 2);
      // Nothing was published for the typed version before the save.
      assert.equal(client.pushed.slice(0, mark).filter((p) => p.uri === draft.uri).length, 1);
    } finally {
      await client.stop();
    }
  });

  it('uses only the file named by configPath (initializationOptions)', async () => {
    const style = path.join(dir, 'newsroom.yaml');
    fs.writeFileSync(style, 'rules:\n  acronym-first-use: off\n');
    const client = await LspTestClient.start({ rootDir: dir, initializationOptions: { configPath: 'newsroom.yaml' } });
    try {
      const draft = new EditorBuffer(client, pathUri(path.join(dir, 'custom.md')), SAMPLE_DRAFT);
      const published = await client.diagnosticsFor(draft.uri);
      assert.deepEqual(codes(published.diagnostics), ['dateline', 'dateline']);
    } finally {
      await client.stop();
    }
  });
});

describe('node-ipc transport', () => {
  it('lints a draft over --node-ipc', async () => {
    const dir = tempDir();
    const client = await LspTestClient.start({ rootDir: dir, transport: 'ipc', initializationOptions: { lintWithoutStyle: true } });
    try {
      const draft = new EditorBuffer(client, pathUri(path.join(dir, 'ipc.md')), SAMPLE_DRAFT);
      const published = await client.diagnosticsFor(draft.uri);
      assert.deepEqual(codes(published.diagnostics), ['dateline', 'dateline', 'acronym-first-use']);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
