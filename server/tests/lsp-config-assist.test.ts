// Protocol tests for editing .copydesk.yaml: the server's completion (top-level keys, rule ids,
// severities, a rule's options, section keys) and hover; and the generated JSON schema, which
// accepts the --init starter and the documented example and rejects what the config check rejects.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import type { CompletionItem, CompletionList, Hover, Position } from 'vscode-languageserver-protocol';
import { starterConfig } from '../src/shared/starter.js';
import { checkConfigText } from '../src/config/index.js';
import { RULES } from '../src/rules/index.js';
import { configSchema } from '../src/lsp/config-schema.js';
import { EditorBuffer, LspTestClient, pathUri } from './lsp-harness.js';

describe('completion and hover in .copydesk.yaml', () => {
  let dir: string;
  let client: LspTestClient;
  let counter = 0;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-assist-'));
    client = await LspTestClient.start({ rootDir: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `text` as a style file; `|` marks the cursor. */
  function open(text: string): { buffer: EditorBuffer; position: Position } {
    const offset = text.indexOf('|');
    const clean = text.replace('|', '');
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, `s${counter++}`, '.copydesk.yaml')), clean, 'yaml');
    return { buffer, position: buffer.doc.positionAt(offset) };
  }

  async function labels(text: string): Promise<string[]> {
    const { buffer, position } = open(text);
    const result: CompletionItem[] | CompletionList | null = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: buffer.uri },
      position,
    });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return items.map((i) => i.label);
  }

  async function hoverText(text: string): Promise<string> {
    const { buffer, position } = open(text);
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: buffer.uri }, position });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  }

  it('completes top-level keys, rule ids, severities and a rule\'s options', async () => {
    assert.deepEqual(await labels('# style\n|'), ['root', 'extends', 'rules', 'acronyms', 'dateline', 'terms', 'custom', 'ignores', 'gitignore']);
    assert.deepEqual(await labels('rules:\n  dateline: error\n  |'), RULES.map((r) => r.id));
    assert.deepEqual(await labels('rules:\n  numbers: |'), ['off', 'info', 'warning', 'error']);
    assert.deepEqual(await labels('rules:\n  quote-attribution: [warning, { |'), ['minWords', 'neighbourhood', 'verbs']);
    assert.deepEqual(await labels('dateline:\n  # how stories open\n  |'), ['form', 'region', 'standalone']);
    assert.deepEqual(await labels('dateline:\n  region: |'), ['required', 'optional']);
    assert.deepEqual(await labels('extends: |'), ['copydesk:recommended', 'none']);
  });

  it('offers nothing in a draft', async () => {
    const buffer = new EditorBuffer(client, pathUri(path.join(dir, 'draft.md')), 'rules:\n  ');
    const result: CompletionItem[] | null = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: buffer.uri },
      position: { line: 1, character: 2 },
    });
    assert.deepEqual(result ?? [], []);
  });

  it('explains rule ids, options and severities on hover', async () => {
    assert.match(await hoverText('rules:\n  quote-at|tribution: warning\n'), /\*\*quote-attribution\*\* \(built-in rule\).*\n[\s\S]*`minWords` \(number, 1 to 100\)/);
    assert.match(await hoverText('rules:\n  quote-attribution: [warning, { minW|ords: 6 }]\n'), /\*\*minWords\*\* \(number, 1 to 100\)/);
    assert.match(await hoverText('rules:\n  numbers: wa|rning\n'), /\*\*warning\*\*: Reported as a warning/);
    assert.match(await hoverText('acr|onyms:\n  exempt: [GATT]\n'), /dictionary: ACRONYM/);
  });
});

describe('the generated JSON schema of .copydesk.yaml', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(configSchema());
  const docsExample = (): string => {
    const text = fs.readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    return /```yaml\n(# newsroom\/\.copydesk\.yaml[\s\S]*?)```/.exec(text)![1];
  };

  it('accepts the --init starter and the documented example, which the config check accepts too', () => {
    for (const text of [starterConfig(), docsExample()]) {
      assert.deepEqual(checkConfigText(text, path.join(os.tmpdir(), 'x', '.copydesk.yaml')), []);
      assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
    }
  });

  it('rejects what the config check rejects: unknown keys, rules, severities, options and bad values', () => {
    for (const text of [
      'rulez:\n  dateline: error\n',
      'rules:\n  dateline: sometimes\n',
      'rules:\n  quote-attribution: [warning, { colour: red }]\n',
      'rules:\n  quote-attribution: [warning, { minWords: 500 }]\n',
      'rules:\n  quote-balance: [warning, { style: fancy }]\n',
      'acronyms:\n  dictionary:\n    usa: United States\n',
      'dateline:\n  region: sometimes\n',
      'custom:\n  - id: house.x\n',
    ]) {
      assert.equal(validate(parse(text)), false, text);
      assert.ok(checkConfigText(text, path.join(os.tmpdir(), 'x', '.copydesk.yaml')).length > 0, `the config check agrees: ${text}`);
    }
  });

  it('covers every rule of the registry with its options', () => {
    const rules = (configSchema().properties as Record<string, { properties: Record<string, unknown> }>).rules.properties;
    assert.deepEqual(Object.keys(rules), RULES.map((r) => r.id));
  });
});
