// The feature-gated parser gives exactly the tree remark-gfm gives, on real corpus stories
// and on generated drafts full of GFM constructs; so does a plain paragraph built without it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseMarkdown, plainParagraph } from '../src/engine/markdown-parser.js';
import { restorePositions } from '../src/engine/positions.js';
import { CORPUS, CORPUS_SKIP } from './support/paths.js';

const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
/** remark-gfm's tree, with the positions its autolink transform leaves out given back (positions.ts). */
function referenceTree(text: string) {
  const tree = reference.parse(text);
  restorePositions(tree, text);
  return tree;
}
const same = (text: string) => assert.deepEqual(parseMarkdown(text), referenceTree(text));

test('same tree as remark-gfm on every dev-corpus story', { skip: CORPUS_SKIP }, () => {
  for (const source of ['reuters', 'bbc']) {
    const dir = path.join(CORPUS, source);
    for (const name of fs.readdirSync(dir)) same(fs.readFileSync(path.join(dir, name), 'utf8'));
  }
});

test('same tree on drafts with tables, strikethrough, autolinks, footnotes and task lists', () => {
  same('| City | Cases |\n| --- | ---: |\n| ALMATY | 3 |\n');
  same('City | Cases\n:-- | --\nALMATY | 3\n');
  same('ALMATY\n:--\n');
  same('ALMATY\n--:\n\nNext\n---\n');
  same('It was ~~wrong~~ right. See www.example.org and https://example.org/x or mail desk@example.org.\n');
  same('A claim.[^1]\n\n[^1]: The source.\n\n- [ ] check\n- [x] done\n');
});

test('property: same tree on generated drafts', () => {
  const piece = fc.constantFrom('ALMATY', 'OSCE', '|', '---', ':--', '~', '~~x~~', 'www.a.org', 'http://b.c', 'x@y.org', '[^1]', '[^1]: n', '- [ ] ', '[x]', '\n', '\n\n', ' ', '# ', '> ', '"', '`c`', '<b>', '*');
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => same(pieces.join(''))), { numRuns: 1000 });
});

/** When plainParagraph answers, its node is the whole tree remark-gfm gives; returns whether it answered. */
function samePlain(text: string): boolean {
  const plain = plainParagraph(text);
  if (plain) assert.deepEqual([plain], referenceTree(text).children, JSON.stringify(text));
  return plain !== null;
}

test('a plain paragraph built without the parser is the node remark-gfm gives, on every corpus paragraph', { skip: CORPUS_SKIP }, () => {
  let chunks = 0;
  let plain = 0;
  for (const source of ['reuters', 'bbc']) {
    const dir = path.join(CORPUS, source);
    for (const name of fs.readdirSync(dir)) {
      for (const chunk of fs.readFileSync(path.join(dir, name), 'utf8').split(/\r?\n(?:[ \t]*\r?\n)+/)) {
        chunks++;
        if (samePlain(chunk)) plain++;
      }
    }
  }
  // Most wire paragraphs are plain prose; the fast path must take them.
  assert.ok(plain > chunks / 3, `${plain} of ${chunks} paragraphs built without the parser`);
});

test('property: a plain paragraph built without the parser is the node remark-gfm gives', () => {
  const prose = fc.constantFrom('Officials', 'said', 'é', '😀', '2024', '10.5', ' ', '  ', '\nThe', '.', ',', '"', '“', '”', "'", '(', ')', '-', '--', ':', '!', '$');
  const syntax = fc.constantFrom(
    '1.', '2)', '\n', '\n ', ' \n', '\t', '\r', '\u00a0', '\u0000', '*', '_', '#', '>', '=', '+', '|', '~', '`', '<', '&amp;', '&', '\\', '@', 'www.', 'WWW.',
    'http://', '[', ']',
  );
  const piece = fc.oneof({ arbitrary: prose, weight: 12 }, { arbitrary: syntax, weight: 1 });
  let answered = 0;
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => void (samePlain(pieces.join('')) && answered++)), { numRuns: 3000 });
  assert.ok(answered > 100, `the fast path answered ${answered} times`);
  assert.ok(samePlain('Officials met on Monday, "as planned," an aide said.\nThe talks end on 12 May.'));
  for (const text of ['1. First', 'Title\n===', 'A line  \nbreak', 'See www.e.org', 'Tom & Jerry', 'Text\n', '']) assert.equal(plainParagraph(text), null, text);
});
