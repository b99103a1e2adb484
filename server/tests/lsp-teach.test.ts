// Protocol tests for the code actions that teach the style: add an acronym to the dictionary
// (asking for the expansion, or a commented placeholder), to exempt, or accept a term. Each edits
// the governing .copydesk.yaml with its comments kept, and the problem clears after the reload.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { EditorBuffer, LspTestClient, pathUri } from './lsp-harness.js';

const STYLE = [
  '# Newsroom style. Keep this comment.',
  'rules:',
  '  numbers: off   # we write figures',
  '  acronym-first-use: [warning, { reportUnknown: true }]',
  '',
  'acronyms:',
  '  # house acronyms',
  '  dictionary:',
  '    MVD: Interior Ministry',
  '  exempt: [GATT]',
  '',
  'terms:',
  '  utilise: use',
  '',
].join('\r\n');

const DRAFT = [
  'Crews clear the pass',
  '',
  'ALMATY, Kazakhstan -- Crews cleared the pass on Monday, the ZZQ said. They utilise ploughs.',
  '',
].join('\n');

/** Applies a WorkspaceEdit's edits for `uri` to `text`. */
function applyTo(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  const edits = edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `the action edits ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits);
}

describe('fixes that teach the style', () => {
  let dir: string;
  let styleFile: string;
  let styleUri: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-teach-'));
    styleFile = path.join(dir, '.copydesk.yaml');
    styleUri = pathUri(styleFile);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function actionsAt(client: LspTestClient, buffer: EditorBuffer, word: string): Promise<CodeAction[]> {
    const at = buffer.doc.positionAt(buffer.text.indexOf(word) + 1);
    return client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: buffer.uri },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    });
  }

  async function reload(client: LspTestClient, text: string): Promise<number> {
    const mark = client.pushed.length;
    fs.writeFileSync(styleFile, text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: styleUri, type: 2 }] });
    return mark;
  }

  const has = (diagnostics: Diagnostic[], pattern: RegExp) => diagnostics.some((d) => pattern.test(d.message));

  it('adds the acronym to the dictionary with a placeholder to complete, comments and CRLF kept', async () => {
    fs.writeFileSync(styleFile, STYLE);
    const client = await LspTestClient.start({ rootDir: dir });
    try {
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'story.md')), DRAFT);
      const first = await client.diagnosticsFor(buffer.uri);
      assert.ok(has(first.diagnostics, /ZZQ is never spelled out/));
      const actions = await actionsAt(client, buffer, 'ZZQ');
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes("Add ZZQ to the style's acronym dictionary (.copydesk.yaml)"), titles.join(' | '));
      assert.ok(titles.includes('Add ZZQ to exempt (.copydesk.yaml)'));
      const add = actions.find((a) => a.title.startsWith('Add ZZQ to the style'))!;
      const next = applyTo(STYLE, add.edit, styleUri);
      assert.ok(next.includes('    ZZQ: Full name of ZZQ # Copydesk: write what ZZQ stands for\r\n'), next);
      for (const line of STYLE.split('\r\n').filter((l) => l.includes('#'))) assert.ok(next.includes(line), `kept: ${line}`);
      assert.ok(!/[^\r]\n/.test(next), 'line endings stay CRLF');

      const mark = await reload(client, next);
      const after = await client.diagnosticsFor(buffer.uri, () => true, mark);
      assert.ok(!has(after.diagnostics, /ZZQ is never spelled out/), 'the problem clears after the reload');
      assert.ok(has(after.diagnostics, /Spell out ZZQ at its first use: "Full name of ZZQ \(ZZQ\)"/));
    } finally {
      await client.stop();
    }
  });

  it('adds the acronym to exempt, and accepts a term for good', async () => {
    fs.writeFileSync(styleFile, STYLE);
    const client = await LspTestClient.start({ rootDir: dir });
    try {
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'exempt.md')), DRAFT);
      const first = await client.diagnosticsFor(buffer.uri);
      assert.ok(has(first.diagnostics, /"use", not "utilise"/), JSON.stringify(first.diagnostics.map((d) => d.message)));
      const exempt = (await actionsAt(client, buffer, 'ZZQ')).find((a) => a.title === 'Add ZZQ to exempt (.copydesk.yaml)');
      let text = applyTo(STYLE, exempt?.edit, styleUri);
      assert.ok(text.includes('  exempt: [GATT, ZZQ]\r\n'), text);
      const accept = (await actionsAt(client, buffer, 'utilise')).find((a) => a.title === 'Always accept "utilise" (.copydesk.yaml)');
      text = applyTo(text, accept?.edit, styleUri);
      assert.ok(text.includes('  utilise: utilise\r\n'), text);
      const mark = await reload(client, text);
      const after = await client.diagnosticsFor(buffer.uri, () => true, mark);
      assert.ok(!has(after.diagnostics, /ZZQ/), 'exempt: no acronym problem');
      assert.ok(!has(after.diagnostics, /utilise/), 'the term is accepted');
    } finally {
      await client.stop();
    }
  });

  it('asks the client for the expansion, then writes it through workspace/applyEdit', async () => {
    fs.writeFileSync(styleFile, STYLE);
    const client = await LspTestClient.start({ rootDir: dir, initializationOptions: { askExpansion: true } });
    try {
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'ask.md')), DRAFT);
      await client.diagnosticsFor(buffer.uri);
      const add = (await actionsAt(client, buffer, 'ZZQ')).find((a) => a.title.startsWith('Add ZZQ to the style'));
      assert.equal(add?.edit, undefined, 'no edit yet: the client asks first');
      assert.equal(add?.command?.command, 'copydesk.teachStyle');
      const argument = { ...(add!.command!.arguments![0] as object), lesson: { kind: 'dictionary', acronym: 'ZZQ', expansion: 'Zonal Quarry Authority' } };
      const result = await client.connection.sendRequest<{ applied: boolean; uri: string }>('workspace/executeCommand', {
        command: 'copydesk.teachStyle',
        arguments: [argument],
      });
      assert.deepEqual(result, { applied: true, uri: styleUri });
      const next = applyTo(STYLE, client.appliedEdits.at(-1), styleUri);
      assert.ok(next.includes('    ZZQ: Zonal Quarry Authority\r\n'), next);
    } finally {
      await client.stop();
    }
  });
});
