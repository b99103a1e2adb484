// The server's copy of a document and its lifetime (issue 7, item 9): out-of-order versions and
// malformed ranges are refused without touching the copy, drafts past the size limit lint on
// save only (told in the status), no request is answered after shutdown, and exit ends it.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, pathUri, SAMPLE_DRAFT } from './lsp-harness.js';

const CLEAN = SAMPLE_DRAFT.replace('Almaty, Kazakhstan - ', 'ALMATY, Kazakhstan -- ').replace(
  'by the OSCE.',
  'by the Organisation for Security and Co-operation in Europe (OSCE).',
);

function allIntegers(p: PublishDiagnosticsParams): boolean {
  return p.diagnostics.every((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character].every(Number.isInteger));
}

describe('the server guards its copy of each document', () => {
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-guard-'));
    client = await LspTestClient.start({ rootDir: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = (uri: string, text: string) =>
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const change = (uri: string, version: number, contentChanges: unknown[]) =>
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });

  it('refuses a version that goes backwards and never publishes it', async () => {
    const uri = pathUri(path.join(dir, 'versions.md'));
    await open(uri, SAMPLE_DRAFT);
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    await change(uri, 5, [{ text: CLEAN }]);
    const clean = await client.diagnosticsFor(uri, (p) => p.version === 5);
    assert.deepEqual(clean.diagnostics, []);
    const mark = client.pushed.length;
    await change(uri, 3, [{ text: SAMPLE_DRAFT }]);
    await change(uri, 5, [{ text: SAMPLE_DRAFT }]);
    // A newer version after the refused ones is applied to the copy the server kept.
    await change(uri, 6, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }, text: 'Judges' }]);
    const next = await client.diagnosticsFor(uri, (p) => p.version === 6, mark);
    assert.deepEqual(next.diagnostics, [], 'the text is the clean version 5 with a new headline word, not the refused drafts');
    assert.ok(client.pushed.slice(mark).every((p) => p.uri !== uri || p.version === undefined || p.version >= 5), 'no older version is published');
    await client.waitFor('a log line', () => client.logs.find((l) => /version 3 is not newer than 5/.test(l)));
  });

  it('refuses a non-integer, negative or reversed range without corrupting the copy', async () => {
    const uri = pathUri(path.join(dir, 'ranges.md'));
    await open(uri, SAMPLE_DRAFT);
    const first = await client.diagnosticsFor(uri, (p) => p.version === 1);
    const bad = [
      { start: { line: 2, character: 1.5 }, end: { line: 2, character: 3 } },
      { start: { line: -1, character: 0 }, end: { line: 0, character: 2 } },
      { start: { line: 2, character: 4 }, end: { line: 2, character: 1 } },
      { start: { line: 2, character: null }, end: { line: 2, character: 2 } },
      { start: { line: '2', character: 0 }, end: { line: 2, character: 2 } },
    ];
    let version = 1;
    for (const range of bad) await change(uri, ++version, [{ range, text: 'XX' }]);
    const after = await client.diagnosticsFor(uri, (p) => p.version === 1 && client.pushed.indexOf(p) > client.pushed.indexOf(first));
    assert.deepEqual(after.diagnostics, first.diagnostics, 'the copy is the opened text: same findings at the same places');
    assert.ok(client.pushed.every(allIntegers), 'no diagnostic carries a null or fractional position');
    await client.waitFor('a log line', () => client.logs.find((l) => /not a non-negative integer/.test(l)));
  });
});

describe('drafts past the editor size limit', () => {
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-large-'));
    // No style file in the temp folder: the built-in style, by setting.
    client = await LspTestClient.start({ rootDir: dir, initializationOptions: { lintWithoutStyle: true } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lint on open and save only, and the status says so', async () => {
    const paragraph = 'Officials met on Monday to discuss the budget for the coming year in the capital.\n\n';
    const large = SAMPLE_DRAFT + '\n' + paragraph.repeat(Math.ceil(520_000 / paragraph.length));
    const uri = pathUri(path.join(dir, 'large.md'));
    const small = pathUri(path.join(dir, 'small.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: large } });
    await client.diagnosticsFor(uri, (p) => p.version === 1);
    const status = await client.waitFor('status', () => client.statuses.find((s) => s.uri === uri));
    assert.equal((status as { onSaveOnly?: boolean }).onSaveOnly, true);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }, text: 'Judges' }],
    });
    // A small draft opened after the change is linted after it: by then a typing lint would have run.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'markdown', version: 1, text: SAMPLE_DRAFT } });
    await client.diagnosticsFor(small);
    assert.equal(client.pushed.filter((p) => p.uri === uri && p.version === 2).length, 0, 'no lint while typing');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.diagnosticsFor(uri, (p) => p.version === 2);
    const smallStatus = client.statuses.find((s) => s.uri === small) as { onSaveOnly?: boolean } | undefined;
    assert.equal(smallStatus?.onSaveOnly, undefined, 'a normal draft is linted while typing');
  });
});

describe('shutdown and exit', () => {
  it('answers InvalidRequest after shutdown, publishes nothing more, and exits 0 on exit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-shutdown-'));
    const client = await LspTestClient.start({ rootDir: dir });
    try {
      const uri = pathUri(path.join(dir, 'a.md'));
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SAMPLE_DRAFT } });
      await client.diagnosticsFor(uri);
      assert.equal(await client.connection.sendRequest('shutdown'), null);
      const mark = client.pushed.length;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: CLEAN }] });
      for (const request of ['textDocument/hover', 'shutdown']) {
        await assert.rejects(
          client.connection.sendRequest(request, { textDocument: { uri }, position: { line: 0, character: 0 } }),
          (error: { code?: number }) => error.code === -32600,
          `${request} after shutdown is an InvalidRequest`,
        );
      }
      assert.equal(client.pushed.length, mark, 'nothing is published after shutdown');
      await client.connection.sendNotification('exit');
      assert.equal(await client.exited(), 0);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('workspace trust', () => {
  it('an untrusted workspace reads no style outside it; a trusted one does', async () => {
    const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-trust-')));
    const project = path.join(base, 'project');
    fs.mkdirSync(project);
    // The parent's config switches the dateline rule off; the project's extends a secret above it.
    fs.writeFileSync(path.join(base, '.copydesk.yaml'), 'rules:\n  dateline: off\n');
    fs.writeFileSync(path.join(base, 'house.yaml'), 'rules:\n  numbers: error\n');
    fs.writeFileSync(path.join(project, '.copydesk.yaml'), 'extends: ../house.yaml\n');
    const uri = pathUri(path.join(project, 'a.md'));
    const codesWith = async (trusted: boolean) => {
      const client = await LspTestClient.start({ rootDir: project, settings: { enable: true, configPath: '', run: 'onType', trusted } });
      try {
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SAMPLE_DRAFT } });
        const published = await client.diagnosticsFor(uri);
        const status = await client.waitFor('status', () => client.statuses.find((s) => s.uri === uri));
        return { codes: published.diagnostics.map((d) => String(d.code)), state: status.state };
      } finally {
        await client.stop();
      }
    };
    try {
      const trusted = await codesWith(true);
      assert.equal(trusted.state, 'problems');
      assert.ok(!trusted.codes.includes('dateline'), 'trusted: the parent folder config applies');
      const untrusted = await codesWith(false);
      assert.equal(untrusted.state, 'configError', 'untrusted: extending ../house.yaml is refused');
      assert.ok(untrusted.codes.includes('dateline'), 'untrusted: the parent folder config is not read');
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
