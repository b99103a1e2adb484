// Chunked re-parsing for the editor gives the same NewsDocument as a whole parse, edit
// after edit, on generated drafts full of constructs that tempt it to go wrong; so does the
// parse in pieces the CLI uses for large drafts, down to the findings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseNewsDocument, type NewsDocument } from '../src/engine/document.js';
import { ChunkCache, parseMarkdownIncremental } from '../src/engine/incremental-parse.js';
import { parseMarkdown } from '../src/engine/markdown-parser.js';
import { lintDocument } from '../src/engine/lint.js';
import { compileStyle } from '../src/runner/style.js';
import { recommendedConfig } from '../src/config/index.js';
import { CORPUS, CORPUS_SKIP } from './support/paths.js';
import { newsDraft } from './support/news-grammar.js';
import { propertyRuns } from './support/property.js';

/** Past a megabyte one micromark run over a whole draft turns superlinear: the size the large-draft tests use. */
const MEGABYTE = 1_000_000;

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

/** The mdast tree a draft parsed once in pieces gives is the whole parse's, positions included (a BOM is taken off first, as parseNewsDocument does). */
function assertSameTree(draft: string, message?: string): void {
  const text = draft.replace(/^\uFEFF/, '');
  assert.deepEqual(parseMarkdownIncremental(text, new ChunkCache(false)).children, parseMarkdown(text).children, message ?? JSON.stringify(text));
}

function assertSame(text: string, cache: ChunkCache): void {
  assert.deepEqual(summary(parseNewsDocument(text, cache)), summary(parseNewsDocument(text, 'whole')));
}

test('every corpus story parses the same in pieces (the default) as in one whole parse', { skip: CORPUS_SKIP }, () => {
  let inPieces = 0;
  for (const source of ['reuters', 'bbc']) {
    const dir = path.join(CORPUS, source);
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const doc = parseNewsDocument(text);
      assert.deepEqual(summary(doc), summary(parseNewsDocument(text, 'whole')), name);
      assertSameTree(text, name);
      inPieces++;
    }
  }
  assert.ok(inPieces >= 400, `only ${inPieces} stories read`);
});

test('property: generated news drafts parse the same in pieces as whole', () => {
  fc.assert(
    fc.property(newsDraft, (draft) => {
      assert.deepEqual(summary(parseNewsDocument(draft.text)), summary(parseNewsDocument(draft.text, 'whole')));
      assertSameTree(draft.text);
    }),
    propertyRuns(2000),
  );
});

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

test('a fence after leading blank lines is a thematic break, not front matter, in pieces too', () => {
  for (const text of ['\r\n\r\n---\n\n- item', '\n\n---\n\n- item', '\n---\ntitle: x\n---\n\nText.']) {
    assertSame(text, new ChunkCache());
    assert.deepEqual(summary(parseNewsDocument(text)), summary(parseNewsDocument(text, 'whole')), JSON.stringify(text));
  }
});

test('indented code keeps the indented blank lines after it, in pieces and in chunks too', () => {
  // Found by the property below: micromark's indented code takes in a following blank line
  // indented four columns or more, so such a gap cannot end a chunk.
  for (const text of ['\tALMATY, Kazakhstan -- Text.\n\n\n\t\r\n\r\n', '\tA\n\n\t\nB', '# H\n    code\n\n\t\nB', '    a\n\n      \nB']) {
    assertSameTree(text);
    assert.deepEqual(parseMarkdownIncremental(text, new ChunkCache()).children, parseMarkdown(text).children, JSON.stringify(text));
  }
  // A shallower blank line ends the code: the draft is still cut there.
  const cache = new ChunkCache();
  parseMarkdownIncremental('    a\n\n   \nB', cache);
  assert.equal(cache.chunks.size, 2);
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
      for (const text of versions) {
        const whole = summary(parseNewsDocument(text, 'whole'));
        assert.deepEqual(summary(parseNewsDocument(text, cache)), whole);
        assert.deepEqual(summary(parseNewsDocument(text)), whole, 'parsed once in pieces (the default)');
        assertSameTree(text);
      }
    }),
    propertyRuns(1500),
  );
});

/** Corpus stories joined into one draft of at least `size` characters (repeated when the corpus is smaller). */
function corpusDraft(size: number): string {
  const stories: string[] = [];
  for (const source of ['reuters', 'bbc']) {
    const dir = path.join(CORPUS, source);
    // A story with an indented paragraph is parsed whole, never in pieces: it would test nothing here.
    for (const name of fs.readdirSync(dir)) stories.push(fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  const usable = stories.filter((t) => !/\n[ \t]*\n[ \t]/.test(t));
  const parts: string[] = [];
  for (let length = 0, i = 0; length < size; i++) {
    parts.push(usable[i % usable.length]);
    length += usable[i % usable.length].length + 2;
  }
  return parts.join('\n\n');
}

test('a draft parsed once in pieces gives the same document and findings as one whole parse', { skip: CORPUS_SKIP }, () => {
  const text = corpusDraft(MEGABYTE / 2);
  const style = compileStyle(recommendedConfig());
  const inPieces = parseNewsDocument(text);
  const whole = parseNewsDocument(text, 'whole');
  assert.deepEqual(summary(inPieces), summary(whole));
  const findings = lintDocument(whole, style).findings;
  assert.ok(findings.length > 500);
  assert.deepEqual(lintDocument(inPieces, style).findings, findings);
});

test('a multi-megabyte corpus draft parses to the same tree in pieces as in one parse', { skip: CORPUS_SKIP }, () => {
  const text = corpusDraft(1.5 * MEGABYTE);
  const { children } = parseMarkdownIncremental(text, new ChunkCache(false));
  assert.deepEqual(children, parseMarkdown(text).children);
});
