// Protocol tests: problems of drafts that are not open (pulled workspace/diagnostic with result
// ids, pushed for clients without pull), with progress, cancellation, file events and the off
// switch; and the word still being typed held back until the typing moves away or pauses.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, type WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { EditorBuffer, LspTestClient, pathUri, SAMPLE_DRAFT } from './lsp-harness.js';

/** styled/ has a style file and `count` drafts (one in a subfolder); plain/ has a draft and no style. */
function makeWorkspace(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-ws-'));
  fs.mkdirSync(path.join(dir, 'styled', 'sub'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'plain'));
  // reportUnknown: acronyms the dictionary does not know are reported too (the word being typed).
  fs.writeFileSync(path.join(dir, 'styled', '.copydesk.yaml'), '# desk style\nrules:\n  acronym-first-use: [warning, { reportUnknown: true }]\n');
  for (let i = 0; i < count; i++) {
    const folder = i === 0 ? path.join(dir, 'styled', 'sub') : path.join(dir, 'styled');
    fs.writeFileSync(path.join(folder, `story-${i}.md`), SAMPLE_DRAFT);
  }
  fs.writeFileSync(path.join(dir, 'plain', 'notes.md'), SAMPLE_DRAFT);
  return dir;
}

const story = (dir: string, i: number) => path.join(dir, 'styled', i === 0 ? 'sub' : '', `story-${i}.md`);

async function pullWorkspace(client: LspTestClient, previous: { uri: string; value: string }[] = []): Promise<WorkspaceDiagnosticReport> {
  return client.connection.sendRequest('workspace/diagnostic', { previousResultIds: previous });
}

describe('workspace diagnostics, pulled', () => {
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = makeWorkspace(5);
    client = await LspTestClient.start({ rootDir: dir, pull: true });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports every closed draft under a style, then only what changed, and leaves open drafts to the document pull', async () => {
    const first = await pullWorkspace(client);
    const uris = first.items.map((i) => i.uri).sort();
    assert.deepEqual(uris, [0, 1, 2, 3, 4].map((i) => pathUri(story(dir, i))).sort());
    for (const item of first.items) {
      assert.equal(item.kind, 'full');
      assert.equal(item.version, null);
      if (item.kind === 'full') assert.deepEqual(item.items.map((d) => d.code), ['dateline', 'dateline', 'acronym-first-use']);
    }
    const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    const second = await pullWorkspace(client, previous);
    assert.ok(second.items.every((i) => i.kind === 'unchanged'), 'nothing changed on disk');

    fs.writeFileSync(story(dir, 2), SAMPLE_DRAFT.replace('Almaty', 'ALMATY'));
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathUri(story(dir, 2)), type: 2 }] });
    await client.waitFor('a refresh after the file event', () => (client.refreshes > refreshes ? true : undefined));
    const third = await pullWorkspace(client, previous);
    const changed = third.items.filter((i) => i.kind === 'full');
    assert.deepEqual(changed.map((i) => i.uri), [pathUri(story(dir, 2))]);
    assert.deepEqual(changed[0].kind === 'full' && changed[0].items.map((d) => d.code), ['dateline', 'acronym-first-use']);

    new EditorBuffer(client, pathUri(story(dir, 3)), SAMPLE_DRAFT);
    const fourth = await pullWorkspace(client, previous);
    assert.ok(!fourth.items.some((i) => i.uri === pathUri(story(dir, 3))), 'an open draft is the document pull\'s');
  });
});

describe('workspace diagnostics, pushed', () => {
  it('pushes every closed draft under a style with cancellable progress, and follows file events', async () => {
    const dir = makeWorkspace(4);
    const client = await LspTestClient.start({ rootDir: dir, progress: true });
    try {
      const expected = [0, 1, 2, 3].map((i) => pathUri(story(dir, i)));
      for (const uri of expected) {
        const pushed = await client.diagnosticsFor(uri);
        assert.equal(pushed.diagnostics.length, 3);
      }
      assert.equal(client.pushed.filter((p) => p.uri.includes('/plain/')).length, 0, 'no style, no problems listed');
      const begin = await client.waitFor('progress begin', () => client.progress.find((p) => p.value.kind === 'begin'));
      assert.equal(begin.value.cancellable, true);
      await client.waitFor('progress end', () => client.progress.find((p) => p.value.kind === 'end'));

      let mark = client.pushed.length;
      fs.rmSync(story(dir, 1));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: expected[1], type: 3 }] });
      const cleared = await client.diagnosticsFor(expected[1], () => true, mark);
      assert.deepEqual(cleared.diagnostics, []);

      mark = client.pushed.length;
      fs.writeFileSync(story(dir, 2), SAMPLE_DRAFT.replace('Almaty', 'ALMATY'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: expected[2], type: 2 }] });
      const updated = await client.diagnosticsFor(expected[2], () => true, mark);
      assert.equal(updated.diagnostics.length, 2);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops the scan when the user cancels its progress', async () => {
    const dir = makeWorkspace(400);
    const client = await LspTestClient.start({ rootDir: dir, progress: true });
    try {
      const begin = await client.waitFor('progress begin', () => client.progress.find((p) => p.value.kind === 'begin'));
      await client.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
      await client.waitFor('progress end', () => client.progress.find((p) => p.value.kind === 'end'));
      const listed = new Set(client.pushed.filter((p) => p.uri.includes('/styled/')).map((p) => p.uri));
      assert.ok(listed.size < 400, `the scan went on after the cancel: ${listed.size} drafts pushed`);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists nothing beyond open drafts when copydesk.workspaceDiagnostics is off', async () => {
    const dir = makeWorkspace(3);
    const client = await LspTestClient.start({ rootDir: dir, settings: { workspaceDiagnostics: false } });
    try {
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'styled', 'open.md')), SAMPLE_DRAFT);
      await client.diagnosticsFor(buffer.uri);
      // The push scan runs 50 ms after initialize; give it ample time, then check it listed nothing.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(client.pushed.filter((p) => p.uri !== buffer.uri), []);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cancels a pull whose token is cancelled before it finishes', async () => {
    const dir = makeWorkspace(300);
    const client = await LspTestClient.start({ rootDir: dir, pull: true });
    try {
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] }, source.token);
      setTimeout(() => source.cancel(), 20);
      const report = (await pending.catch(() => ({ items: [] }))) as WorkspaceDiagnosticReport;
      assert.ok(report.items.length < 300, `the pull went on after the cancel: ${report.items.length} reports`);
      const full = await pullWorkspace(client);
      assert.equal(full.items.length, 300);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the word being typed', () => {
  it('holds back a finding at the end of the latest edit until the typing pauses or moves away', async () => {
    const dir = makeWorkspace(0);
    const client = await LspTestClient.start({ rootDir: dir, initializationOptions: { holdMs: 400, debounceMs: 0 } });
    try {
      const text = SAMPLE_DRAFT.replace('by the OSCE.', 'by the OSCE (OSCE).');
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'styled', 'typing.md')), text);
      await client.diagnosticsFor(buffer.uri);
      const end = buffer.doc.positionAt(buffer.text.indexOf('spokesman said.') + 'spokesman said.'.length);
      let mark = client.pushed.length;
      const typed = await buffer.apply([{ range: { start: end, end }, newText: ' The ZZQ' }]);
      const first = await client.diagnosticsFor(buffer.uri, (p) => p.version === typed, mark);
      assert.ok(!first.diagnostics.some((d) => d.message.includes('ZZQ')), 'the acronym being typed is held back');
      const released = await client.diagnosticsFor(buffer.uri, (p) => p.version === typed && p.diagnostics.some((d) => d.message.includes('ZZQ')), mark);
      assert.ok(released, 'shown once the typing pauses');

      mark = client.pushed.length;
      const again = await buffer.apply([{ range: { start: buffer.doc.positionAt(buffer.text.length - 1), end: buffer.doc.positionAt(buffer.text.length - 1) }, newText: '. Then the ZZR' }]);
      const top = await buffer.apply([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'New ' }]);
      const moved = await client.diagnosticsFor(buffer.uri, (p) => p.version === top, mark);
      assert.ok(moved.diagnostics.some((d) => d.message.includes('ZZR')), 'shown at once when the next edit is elsewhere');
      assert.ok(again < top);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
