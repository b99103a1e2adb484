// One definition of a draft for the CLI and the editor (engine/drafts.ts): the CLI's folder walk
// and the language server's document roles both follow it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expandPatterns } from '../src/cli/files.js';
import { DRAFT_EXTENSIONS, isDraftName } from '../src/engine/drafts.js';
import { roleOf } from '../src/lsp/documents.js';

describe('what a draft is', () => {
  it('is a file with a draft extension, for the CLI walk and the editor alike', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-drafts-'));
    try {
      const names = ['a.md', 'b.MARKDOWN', 'c.mdown', 'd.mkd', 'e.txt', 'f.text', 'LICENSE', 'g.rst', 'h.yaml'];
      for (const name of names) fs.writeFileSync(path.join(dir, name), 'text\n');
      const noRules = { ignoresFile: () => false, ignoresFolder: () => false };
      const found = expandPatterns([dir], dir, noRules).targets.map((t) => path.basename(t.path));
      assert.deepEqual(found, ['a.md', 'b.MARKDOWN', 'c.mdown', 'd.mkd', 'e.txt', 'f.text']);
      for (const name of names) {
        const uri = pathToFileURL(path.join(dir, name)).href;
        assert.equal(roleOf(uri, 'plaintext') === 'draft', found.includes(name), name);
        assert.equal(isDraftName(name), found.includes(name), name);
      }
      assert.equal(DRAFT_EXTENSIONS.length, 6);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is an untitled buffer in Markdown or plain text; style files are never drafts', () => {
    assert.equal(roleOf('untitled:Untitled-1', 'markdown'), 'draft');
    assert.equal(roleOf('untitled:Untitled-2', 'plaintext'), 'draft');
    assert.equal(roleOf('untitled:Untitled-3', 'javascript'), 'ignored');
    assert.equal(roleOf(pathToFileURL(path.join(os.tmpdir(), '.copydesk.yaml')).href, 'yaml'), 'config');
  });
});
