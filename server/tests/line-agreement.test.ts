// The CLI and the editor agree on where every finding is: the same line and column for LF,
// CRLF and CR-only drafts (issue 7), after front matter, for a draft refused as too deeply
// nested, and for an error in a style file (issue 11: lines are counted in engine/lines.ts). Also the editor's quick fix for a finding next to a bare
// link in brackets lands on the finding, and a fix the engine refuses is not offered.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { EditorBuffer, LspTestClient, pathUri } from './lsp-harness.js';
import { runCopydesk, makeTempFolder } from './cli-harness.js';

/** Findings on many lines: the dateline, acronyms after bare links, a quotation, astral characters, a table. */
const DRAFT = [
  'Council Meets On The Budget Today.',
  '',
  'London, England - The IMF met on Monday [see www.imf.org for details] and the OSCE [a desk@example.org] too.',
  '',
  '"We will organize 😀 the talks," he claimed. The WHO 𝒳 said (see https://example.org/x).',
  '',
  '| Body | Seats |',
  '| --- | ---: |',
  '| ECB | 5 |',
  '',
  '"This quote has no speaker at all here.',
  '',
].join('\n');

interface Place {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const sortPlaces = (places: Place[]) => places.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.endColumn - b.endColumn);

function cliPlaces(dir: string, name: string): Place[] {
  const run = runCopydesk(['--format', 'json', name], { cwd: dir });
  const [entry] = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
  return sortPlaces(entry.messages.map((m) => ({ rule: m.ruleId, line: m.line - 1, column: m.column - 1, endLine: m.endLine - 1, endColumn: m.endColumn - 1 })));
}

function lspPlaces(diagnostics: Diagnostic[]): Place[] {
  return sortPlaces(
    diagnostics.map((d) => ({ rule: String(d.code), line: d.range.start.line, column: d.range.start.character, endLine: d.range.end.line, endColumn: d.range.end.character })),
  );
}

describe('the CLI and the editor place findings alike', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = makeTempFolder();
    // No style file in the temp folder: the editor applies the built-in style, as the CLI does, by setting.
    client = await LspTestClient.start({ rootDir: dir, initializationOptions: { lintWithoutStyle: true } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`same line and column for every finding with ${name} line endings`, async () => {
      const file = `draft-${name}.md`;
      const text = DRAFT.replace(/\n/g, eol);
      fs.writeFileSync(path.join(dir, file), text);
      const fromCli = cliPlaces(dir, file);
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, file)), text);
      const published = await client.diagnosticsFor(buffer.uri);
      const fromEditor = lspPlaces(published.diagnostics);
      assert.ok(fromCli.length >= 6, `the draft has findings on several lines (${fromCli.length})`);
      assert.ok(new Set(fromCli.map((p) => p.line)).size >= 4, 'findings on at least four lines');
      assert.deepEqual(fromEditor, fromCli);
    });
  }

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`same line and column after front matter with ${name} line endings`, async () => {
      const file = `front-${name}.md`;
      const body = DRAFT.split('\n').slice(2);
      const text = ['---', 'title: "Council Meets On The Budget Today."', 'slug: "budget"', '---', '', ...body].join(eol);
      fs.writeFileSync(path.join(dir, file), text);
      const fromCli = cliPlaces(dir, file);
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, file)), text);
      const fromEditor = lspPlaces((await client.diagnosticsFor(buffer.uri)).diagnostics);
      assert.ok(new Set(fromCli.map((p) => p.line)).size >= 4, 'findings on at least four lines');
      assert.deepEqual(fromEditor, fromCli);
    });

    it(`a draft nested too deep is refused at the same line, in the same words, with ${name} line endings`, async () => {
      const file = `deep-${name}.md`;
      const lines = ['# Deep', '', 'Body text.', ''];
      for (let i = 0; i < 150; i++) lines.push(`${'  '.repeat(i)}- item`);
      const text = lines.join(eol);
      fs.writeFileSync(path.join(dir, file), text);
      const run = runCopydesk([file], { cwd: dir });
      assert.equal(run.status, 2);
      const buffer = new EditorBuffer(client, pathUri(path.join(dir, file)), text);
      const published = await client.diagnosticsFor(buffer.uri);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['parse']);
      const [diagnostic] = published.diagnostics;
      assert.ok(run.stderr.includes(`${file}: ${diagnostic.message}`), `the CLI says what the editor says: ${run.stderr}`);
      assert.equal(Number(/at line (\d+)/.exec(run.stderr)?.[1]), diagnostic.range.start.line + 1);
      assert.equal(diagnostic.range.start.line, 105, 'the first line indented past 100 levels');
    });

    it(`an error in a style file is at the same line and column with ${name} line endings`, async () => {
      const folder = path.join(dir, `style-${name}`);
      fs.mkdirSync(folder);
      const styleFile = path.join(folder, '.copydesk.yaml');
      fs.writeFileSync(styleFile, ['# house style', 'extends: copydesk:recommended', 'rules:', '  datline: warning', ''].join(eol));
      fs.writeFileSync(path.join(folder, 'story.md'), 'Headline\n');
      const run = runCopydesk(['story.md'], { cwd: folder });
      const [, line, column] = /\.copydesk\.yaml:(\d+):(\d+): /.exec(run.stderr) ?? [];
      const mark = client.pushed.length;
      new EditorBuffer(client, pathUri(path.join(folder, 'story.md')), 'Headline\n');
      const published = await client.diagnosticsFor(pathUri(styleFile), (p) => p.diagnostics.length > 0, mark);
      const { start } = published.diagnostics[0].range;
      assert.deepEqual([start.line + 1, start.character + 1], [Number(line), Number(column)]);
      assert.deepEqual([Number(line), Number(column)], [4, 3], run.stderr);
    });
  }

  it('every line ending gives the same places as LF', () => {
    const lf = cliPlaces(dir, 'draft-LF.md');
    assert.deepEqual(cliPlaces(dir, 'draft-CR.md'), lf);
    assert.deepEqual(cliPlaces(dir, 'draft-CRLF.md'), lf);
  });

  it('the quick fix for an acronym beside a bare link in brackets edits the acronym, not the headline', async () => {
    const text = '# Fund meets on debt\n\nLONDON, England -- The IMF met on Monday [see www.imf.org for details].\n';
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'imf.md')), text);
    const published = await client.diagnosticsFor(buffer.uri);
    const imf = published.diagnostics.find((d) => d.code === 'acronym-first-use');
    assert.deepEqual(imf?.range, { start: { line: 2, character: 23 }, end: { line: 2, character: 26 } });
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: buffer.uri },
      range: imf!.range,
      context: { diagnostics: [imf] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    await buffer.apply(buffer.editsOf(fix?.edit));
    assert.equal(buffer.text, text.replace('The IMF', 'The International Monetary Fund (IMF)'));
  });

  it('a fix the engine refuses (it never settles) is offered neither as a quick fix nor in fix-all', async () => {
    // A style whose terms swap two words both ways: the two fixes undo each other, so the
    // engine refuses them and reports the finding as not fixable.
    const folder = path.join(dir, 'swapped');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '.copydesk.yaml'), 'extends: copydesk:recommended\nterms:\n  grey: gray\n  gray: grey\n');
    const text = 'Sky turns dark\n\nLONDON, England -- The sky was grey on Monday.\n';
    const buffer = new EditorBuffer(client, pathUri(path.join(folder, 'sky.md')), text);
    const published = await client.diagnosticsFor(buffer.uri);
    const terms = published.diagnostics.find((d) => d.code === 'terms');
    assert.ok(terms, 'the terms finding is reported');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: buffer.uri },
      range: terms.range,
      context: { diagnostics: [terms] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.filter((a) => a.isPreferred || a.kind?.startsWith('source.fixAll')).map((a) => a.title),
      [],
    );
    assert.ok(actions.some((a) => a.title === 'Disable terms for this line'), 'the finding can still be silenced');
    fs.writeFileSync(path.join(folder, 'sky.md'), text);
    const fixed = runCopydesk(['--fix', '--format', 'json', 'sky.md'], { cwd: folder });
    assert.equal(fs.readFileSync(path.join(folder, 'sky.md'), 'utf8'), text, '--fix leaves the draft as it was');
    const [entry] = JSON.parse(fixed.stdout) as { messages: { ruleId: string; fix?: unknown }[] }[];
    assert.ok(entry.messages.some((m) => m.ruleId === 'terms' && m.fix === undefined), 'reported as not fixable');
  });
});
