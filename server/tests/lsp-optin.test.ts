// Protocol tests: drafts are checked only when they opt in (a style file upward, configPath, or
// lintWithoutStyle), the not-covered status, a new style file taking effect without a restart,
// the "Create style file" command, and the rule-page link and explanation.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { EditorBuffer, LspTestClient, pathUri, SAMPLE_DRAFT } from './lsp-harness.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-optin-'));
}

describe('drafts opt in', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = tempDir();
    client = await LspTestClient.start({ rootDir: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves README.md, a .txt and an untitled draft alone without a style file, and says so', async () => {
    for (const uri of [pathUri(path.join(dir, 'README.md')), pathUri(path.join(dir, 'requirements.txt')), 'untitled:Untitled-1']) {
      const buffer = new EditorBuffer(client, uri, SAMPLE_DRAFT, uri.endsWith('.txt') ? 'plaintext' : 'markdown');
      const published = await client.diagnosticsFor(buffer.uri);
      assert.deepEqual(published.diagnostics, [], uri);
      const status = await client.waitFor('status', () => client.statuses.find((s) => s.uri === uri));
      assert.equal(status.state, 'notCovered', uri);
    }
  });

  it('does not treat a plain-text file without a draft extension as a draft', async () => {
    fs.writeFileSync(path.join(dir, '.copydesk.yaml'), '# style\n');
    try {
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'LICENSE')), SAMPLE_DRAFT, 'plaintext');
      const draft = new EditorBuffer(client, pathUri(path.join(dir, 'story.text')), SAMPLE_DRAFT, 'plaintext');
      await client.diagnosticsFor(draft.uri, (p) => p.diagnostics.length > 0);
      assert.equal(client.pushed.filter((p) => p.uri === buffer.uri).length, 0);
    } finally {
      fs.rmSync(path.join(dir, '.copydesk.yaml'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathUri(path.join(dir, '.copydesk.yaml')), type: 3 }] });
    }
  });

  it('checks the open drafts as soon as a .copydesk.yaml appears, without a restart', async () => {
    const sub = path.join(dir, 'desk');
    fs.mkdirSync(sub);
    const buffer = new EditorBuffer(client, pathUri(path.join(sub, 'story.md')), SAMPLE_DRAFT);
    const before = await client.diagnosticsFor(buffer.uri);
    assert.deepEqual(before.diagnostics, []);
    const mark = client.pushed.length;
    fs.writeFileSync(path.join(dir, '.copydesk.yaml'), '# the newsroom style\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathUri(path.join(dir, '.copydesk.yaml')), type: 1 }] });
    const after = await client.diagnosticsFor(buffer.uri, (p) => p.diagnostics.length > 0, mark);
    assert.deepEqual(after.diagnostics.map((d) => d.code), ['dateline', 'dateline', 'acronym-first-use']);
    fs.rmSync(path.join(dir, '.copydesk.yaml'));
    fs.rmSync(sub, { recursive: true });
  });

  it('writes the starter style with copydesk.createStyleFile, never over an existing one', async () => {
    const folder = path.join(dir, 'new-desk');
    fs.mkdirSync(folder);
    const first = await client.connection.sendRequest<{ created: boolean; uri: string }>('workspace/executeCommand', {
      command: 'copydesk.createStyleFile',
      arguments: [{ folder: pathUri(folder) }],
    });
    assert.equal(first.created, true);
    assert.equal(first.uri, pathUri(path.join(folder, '.copydesk.yaml')));
    const text = fs.readFileSync(path.join(folder, '.copydesk.yaml'), 'utf8');
    assert.match(text, /^# Copydesk house style/);
    fs.appendFileSync(path.join(folder, '.copydesk.yaml'), '# mine\n');
    const second = await client.connection.sendRequest<{ created: boolean; message: string }>('workspace/executeCommand', {
      command: 'copydesk.createStyleFile',
      arguments: [{ folder: pathUri(folder) }],
    });
    assert.equal(second.created, false);
    assert.match(second.message, /already exists/);
    assert.ok(fs.readFileSync(path.join(folder, '.copydesk.yaml'), 'utf8').endsWith('# mine\n'), 'the existing style is untouched');
    fs.rmSync(folder, { recursive: true });
  });
});

describe('lintWithoutStyle', () => {
  it('checks drafts with no style file under copydesk:recommended when set', async () => {
    const dir = tempDir();
    const client = await LspTestClient.start({ rootDir: dir, settings: { lintWithoutStyle: true } });
    try {
      const buffer = new EditorBuffer(client, 'untitled:Untitled-2', SAMPLE_DRAFT);
      const published = await client.diagnosticsFor(buffer.uri);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['dateline', 'dateline', 'acronym-first-use']);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rule pages', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, '.copydesk.yaml'), '# style\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('links each diagnostic to its rule page on disk and explains the rule on hover', async () => {
    const client = await LspTestClient.start({ rootDir: dir });
    try {
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'story.md')), SAMPLE_DRAFT);
      const published = await client.diagnosticsFor(buffer.uri);
      for (const d of published.diagnostics) {
        const href = d.codeDescription?.href ?? '';
        assert.match(href, /^file:/, 'never a web address');
        const page = fileURLToPath(href);
        assert.equal(path.basename(page), `${String(d.code)}.md`);
        assert.ok(fs.existsSync(page), `${page} exists`);
      }
      const hover: Hover = await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: buffer.uri },
        position: published.diagnostics[0].range.start,
      });
      const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.match(value, /dateline \(built-in rule\)/);
      assert.match(value, /severity in force: +error/);
      assert.doesNotMatch(value, /https?:\/\//);
    } finally {
      await client.stop();
    }
  });

  it('links to a command the VS Code extension opens, and leaves hovers short, when asked', async () => {
    const client = await LspTestClient.start({ rootDir: dir, initializationOptions: { ruleLinks: 'command', explainInHover: false } });
    try {
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'story.md')), SAMPLE_DRAFT);
      const published = await client.diagnosticsFor(buffer.uri);
      assert.equal(published.diagnostics[0].codeDescription?.href, `command:copydesk.showRulePage?${encodeURIComponent('["dateline"]')}`);
      const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: buffer.uri },
        position: published.diagnostics[0].range.start,
      });
      assert.equal(hover, null);
    } finally {
      await client.stop();
    }
  });
});
