// The feature-gated parser gives exactly the tree remark-gfm gives, on real corpus stories
// and on generated drafts full of GFM constructs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseMarkdown } from '../src/engine/markdown-parser.js';
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
