// Protocol tests: the built language server as a child process over stdio, driven like an editor
// would: diagnostics, quick fixes (with and without context.diagnostics), fix all, hover, definition.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { EditorBuffer, LspTestClient, pathUri, SAMPLE_DRAFT } from './lsp-harness.js';

const FIXED_DRAFT = SAMPLE_DRAFT.replace('Almaty, Kazakhstan - ', 'ALMATY, Kazakhstan -- ').replace(
  'by the OSCE.',
  'by the Organisation for Security and Co-operation in Europe (OSCE).',
);

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

describe('language server over stdio', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-'));
    // An empty style file: the drafts opt in, under the built-in style unchanged.
    fs.writeFileSync(path.join(dir, '.copydesk.yaml'), '# the built-in style\n');
    client = await LspTestClient.start({ rootDir: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics with source, code, rule page and the document version', async () => {
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'open.md')), SAMPLE_DRAFT);
    const published = await client.diagnosticsFor(buffer.uri);
    assert.equal(published.version, 1);
    assert.deepEqual(codes(published.diagnostics), ['dateline', 'dateline', 'acronym-first-use']);
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'copydesk');
      assert.match(d.codeDescription?.href ?? '', new RegExp(`docs/rules/${String(d.code)}\\.md$`));
    }
    assert.deepEqual(published.diagnostics[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
    const status = await client.waitFor('status', () => client.statuses.find((s) => s.uri === buffer.uri));
    assert.equal(status.state, 'problems');
  });

  it('offers the quick fix from context.diagnostics; applying it removes the problem', async () => {
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'quickfix.md')), SAMPLE_DRAFT);
    const first = await client.diagnosticsFor(buffer.uri);
    const city = first.diagnostics[0];
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: buffer.uri },
      range: city.range,
      context: { diagnostics: [city] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.equal(fix?.title, 'Upper-case the city: ALMATY');
    assert.deepEqual(fix?.diagnostics, [city]);
    const mark = client.pushed.length;
    const version = await buffer.apply(buffer.editsOf(fix?.edit));
    assert.ok(buffer.text.includes('ALMATY, Kazakhstan - Police'));
    const after = await client.diagnosticsFor(buffer.uri, (p) => p.version === version, mark);
    assert.deepEqual(codes(after.diagnostics), ['dateline', 'acronym-first-use']);
    assert.match(after.diagnostics[0].message, /--/);
  });

  it('computes code actions from the range when context.diagnostics is empty (as Vim ALE sends)', async () => {
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'ale.md')), SAMPLE_DRAFT);
    await client.diagnosticsFor(buffer.uri);
    const at = buffer.doc.positionAt(SAMPLE_DRAFT.indexOf('OSCE') + 1);
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: buffer.uri },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Spell out OSCE: Organisation for Security and Co-operation in Europe (OSCE)'), titles.join(' | '));
    assert.ok(titles.includes('Disable acronym-first-use for this line'));
    assert.ok(!titles.some((t) => t.includes('city')), 'only actions for problems in the range');
    const disable = actions.find((a) => a.title === 'Disable acronym-first-use for this line');
    assert.equal(disable?.diagnostics?.[0].code, 'acronym-first-use');
    const mark = client.pushed.length;
    const version = await buffer.apply(buffer.editsOf(disable?.edit));
    assert.equal(buffer.text.split('\n')[2], '<!-- copydesk-disable-next-line acronym-first-use -->');
    const after = await client.diagnosticsFor(buffer.uri, (p) => p.version === version, mark);
    assert.deepEqual(codes(after.diagnostics), ['dateline', 'dateline']);
  });

  it('keeps CRLF line endings, the BOM and indentation in "disable for this line"', async () => {
    const text = '\uFEFF' + SAMPLE_DRAFT.replace('Almaty', '  Almaty').replace(/\n/g, '\r\n');
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'crlf.md')), text);
    const published = await client.diagnosticsFor(buffer.uri);
    const city = published.diagnostics.find((d) => d.message.includes('capitals'));
    assert.deepEqual(city?.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } });
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: buffer.uri },
      range: city!.range,
      context: { diagnostics: [] },
    });
    const disable = actions.find((a) => a.title === 'Disable dateline for this line');
    await buffer.apply(buffer.editsOf(disable?.edit));
    assert.ok(buffer.text.startsWith('\uFEFFPolice'));
    assert.equal(buffer.text.split('\r\n')[2], '  <!-- copydesk-disable-next-line dateline -->');
  });

  it('fixes everything with source.fixAll.copydesk', async () => {
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'fixall.md')), SAMPLE_DRAFT);
    await client.diagnosticsFor(buffer.uri);
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: buffer.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.copydesk'] },
    });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.copydesk']);
    const mark = client.pushed.length;
    const version = await buffer.apply(buffer.editsOf(actions[0].edit));
    assert.equal(buffer.text, FIXED_DRAFT);
    const after = await client.diagnosticsFor(buffer.uri, (p) => p.version === version, mark);
    assert.deepEqual(after.diagnostics, []);
  });

  it('fixes everything with the copydesk.fixAll command through workspace/applyEdit', async () => {
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'command.md')), SAMPLE_DRAFT);
    await client.diagnosticsFor(buffer.uri);
    let received: WorkspaceEdit | undefined;
    const handler = client.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      received = p.edit;
      return { applied: true };
    });
    const result: { applied: boolean } = await client.connection.sendRequest('workspace/executeCommand', {
      command: 'copydesk.fixAll',
      arguments: [{ uri: buffer.uri }],
    });
    handler.dispose();
    assert.equal(result.applied, true);
    await buffer.apply(buffer.editsOf(received));
    assert.equal(buffer.text, FIXED_DRAFT);
  });

  it('explains an acronym on hover and jumps to its definition', async () => {
    const text = [
      'Police finish trafficking course',
      '',
      'ALMATY, Kazakhstan -- The Organisation for Security and Co-operation in Europe (OSCE) ran a course.',
      '',
      'The OSCE said more courses would follow, officers from the KNB attended, a spokesman said.',
      '',
    ].join('\n');
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'hover.md')), text);
    const use = buffer.doc.positionAt(text.lastIndexOf('OSCE') + 2);
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: buffer.uri }, position: use });
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /Organisation for Security and Co-operation in Europe/);
    assert.match(value, /Defined on line 3/);
    const location: Location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: buffer.uri }, position: use });
    const expansion = text.indexOf('Organisation');
    assert.equal(location.uri, buffer.uri);
    assert.deepEqual(location.range, {
      start: buffer.doc.positionAt(expansion),
      end: buffer.doc.positionAt(expansion + 'Organisation for Security and Co-operation in Europe'.length),
    });
    const knb = buffer.doc.positionAt(text.indexOf('KNB') + 1);
    const knbHover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: buffer.uri }, position: knb });
    const knbValue = typeof knbHover.contents === 'object' && 'value' in knbHover.contents ? knbHover.contents.value : '';
    assert.match(knbValue, /Not defined in this draft/);
    assert.match(knbValue, /National Security Committee \(house dictionary\)/);
    const none: Location | null = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: buffer.uri }, position: knb });
    assert.equal(none, null);
  });

  it('clears diagnostics when a draft is closed', async () => {
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'close.md')), SAMPLE_DRAFT);
    await client.diagnosticsFor(buffer.uri, (p) => p.diagnostics.length > 0);
    const mark = client.pushed.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: buffer.uri } });
    const cleared = await client.diagnosticsFor(buffer.uri, () => true, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('survives binary-looking text and a 1 MB line, and keeps answering', async () => {
    const binary = new EditorBuffer(client, pathUri(path.join(dir, 'binary.txt')), '\u0000\u0001\uFFFD\uD800PK\u0003\u0004'.repeat(2000), 'plaintext');
    await client.diagnosticsFor(binary.uri);
    const long = new EditorBuffer(client, pathUri(path.join(dir, 'long.md')), `Headline\n\n${'word OSCE and more '.repeat(55_000)}\n`);
    await client.diagnosticsFor(long.uri);
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'after.md')), SAMPLE_DRAFT);
    const published = await client.diagnosticsFor(buffer.uri);
    assert.equal(published.diagnostics.length, 3);
  });

  it('refuses lists nested 10,000 deep with one diagnostic instead of hanging', async () => {
    const deep = new EditorBuffer(client, pathUri(path.join(dir, 'deep.md')), `Headline\n\n${'- '.repeat(10_000)}item\n`);
    const published = await client.diagnosticsFor(deep.uri);
    assert.deepEqual(codes(published.diagnostics), ['parse']);
    assert.match(published.diagnostics[0].message, /nested more than 100 deep/);
    assert.equal(published.diagnostics[0].range.start.line, 2);
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'after-deep.md')), SAMPLE_DRAFT);
    assert.equal((await client.diagnosticsFor(buffer.uri)).diagnostics.length, 3);
  });
});
