// Chunked re-parsing for the editor gives the same NewsDocument as a whole parse, edit
// after edit, on generated drafts full of constructs that tempt it to go wrong.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseNewsDocument, type NewsDocument } from '../src/engine/document.js';
import { ChunkCache } from '../src/engine/incremental-parse.js';
import { CORPUS, CORPUS_SKIP } from './support/paths.js';

/** Everything rules read, with each prose character's source offset. */
function summary(doc: NewsDocument) {
  return {
    headline: doc.headline && { origin: doc.headline.origin, text: doc.headline.block.text },
    dateline: doc.dateline?.text ?? null,
    frontMatter: doc.frontMatter && { start: doc.frontMatter.start, end: doc.frontMatter.end, data: doc.frontMatter.data },
    controlComments: doc.controlComments,
    blocks: doc.blocks.map((b) => ({
      kind: b.kind,
      container: b.container,
      depth: b.depth,
      text: b.text,
      start: b.start,
      end: b.end,
      offsets: [...b.text].map((_, t) => b.map.toSource(t)),
    })),
  };
}

function assertSame(text: string, cache: ChunkCache): void {
  assert.deepEqual(summary(parseNewsDocument(text, cache)), summary(parseNewsDocument(text)));
}

test('corpus stories parse the same in chunks, first time and again from the cache', { skip: CORPUS_SKIP }, () => {
  const cache = new ChunkCache();
  for (const source of ['reuters', 'bbc']) {
    const dir = path.join(CORPUS, source);
    for (const name of fs.readdirSync(dir).slice(0, 60)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      assertSame(text, cache);
      assertSame(text.replace(/\n\n/, '\n\nAn inserted paragraph.\n\n'), cache);
    }
  }
});

test('unchanged paragraphs come from the cache', () => {
  const cache = new ChunkCache();
  const text = 'Title\n\nALMATY, Kazakhstan -- One.\n\nTwo.\n\nThree.\n';
  parseNewsDocument(text, cache);
  const before = [...cache.chunks.values()];
  assert.equal(before.length, 4);
  parseNewsDocument(text.replace('Two.', 'Two, edited.'), cache);
  const after = [...cache.chunks.values()];
  assert.equal(after.filter((c) => before.includes(c)).length, 3, 'three paragraphs reused');
});

test('an unclosed front matter fence parses the same', () => {
  assertSame('---\n\n\n- item', new ChunkCache());
});

test('property: a sequence of edits keeps chunked parsing equal to whole parsing', () => {
  const piece = fc.constantFrom(
    'ALMATY, Kazakhstan -- Text.', 'Title', '# Head', '## Sub', '---', '***', '===', '\n', '\n\n', '\n\n\n', '\r\n\r\n', ' ', '  ', '    ',
    '\t', '- item', '1. one', '> quote', '| a | b |\n| - | - |', '```', '~~~', '[x]: http://e.org', '[x]', '<!-- copydesk-disable -->',
    '<!--', '-->', '<div>', '</div>', '<pre>', '"', '`code`', 'title: T', '&amp;', '\\*', '[^1]', 'www.e.org',
  );
  const draft = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
  fc.assert(
    fc.property(fc.array(draft, { minLength: 1, maxLength: 4 }), (versions) => {
      const cache = new ChunkCache();
      for (const text of versions) assertSame(text, cache);
    }),
    { numRuns: 1500 },
  );
});
