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
import { parseMarkdown, plainFrontMatter, plainHeading, plainParagraph } from '../src/engine/markdown-parser.js';
import { restorePositions } from '../src/engine/positions.js';
import { CORPUS, CORPUS_SKIP } from './support/paths.js';
import { propertyRuns } from './support/property.js';

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
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => same(pieces.join(''))), propertyRuns(1000));
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
  const prose = fc.constantFrom('Officials', 'said', 'é', '😀', '2024', '10.5', '\n1.5', '\n2024', ' ', '  ', '\nThe', '.', ',', '"', '“', '”', "'", '(', ')', '-', '--', ':', '!', '$');
  const syntax = fc.constantFrom(
    '1.', '2)', '\n', '\n ', ' \n', '\t', '\r', '\u00a0', '\u0000', '*', '_', '#', '>', '=', '+', '|', '~', '`', '<', '&amp;', '&', '\\', '@', 'www.', 'WWW.',
    'http://', '[', ']', '<TMK>', '<b>', '</b>', '<a href="x">', '<A-1>', '<TMK.N>', '>', 'AT&T', '&#39;', '&copy', '&copy;', '& ',
  );
  const piece = fc.oneof({ arbitrary: prose, weight: 12 }, { arbitrary: syntax, weight: 1 });
  let answered = 0;
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => void (samePlain(pieces.join('')) && answered++)), propertyRuns(3000));
  assert.ok(answered > 100, `the fast path answered ${answered} times`);
  assert.ok(samePlain('Officials met on Monday, "as planned," an aide said.\nThe talks end on 12 May.'));
  for (const text of ['1. First', 'Title\n===', 'A line  \nbreak', 'See www.e.org', 'Tom &amp; Jerry', 'Text\n', '', 'Up\n1. one', 'Up\n1)', '1986. The']) assert.equal(plainParagraph(text), null, text);
  assert.ok(samePlain('Prices rose\n1.5 pct in May, up from\n2024 levels.'));
  assert.ok(samePlain('Torchmark Corp <TMK> said its board\nauthorised a buyback, AT&T said.'));
});

/** When a builder answers, its node is the whole tree remark-gfm gives; returns whether it answered. */
function sameBuilt(build: (text: string) => unknown, text: string): boolean {
  const node = build(text);
  if (node) assert.deepEqual([node], referenceTree(text).children, JSON.stringify(text));
  return node !== null;
}

test('property: a one-line heading built without the parser is the node remark-gfm gives', () => {
  const opener = fc.constantFrom('# ', '## ', '###### ', '####### ', '#', '#  ', '# \t', ' # ', '#\t');
  const word = fc.constantFrom('Markets', 'rally', 'é', '😀', '2024', '1.', '-', '*', '#5', '#', ' ', '  ', '\\#', '=', '\n', '\n===', '&amp;', '&', 'AT&T', '<b>', '<TMK>', '</b>', '<', '>', '[x]', '"');
  const piece = fc.oneof({ arbitrary: fc.constantFrom('Markets', 'rally', 'é', '😀', '2024', ' ', '"', '.'), weight: 8 }, { arbitrary: word, weight: 1 });
  let answered = 0;
  const heading = fc.tuple(opener, fc.array(piece, { maxLength: 12 })).map(([open, pieces]) => open + pieces.join(''));
  fc.assert(fc.property(heading, (text) => void (sameBuilt(plainHeading, text) && answered++)), propertyRuns(3000));
  assert.ok(answered > 100, `the fast path answered ${answered} times`);
  assert.ok(sameBuilt(plainHeading, '## Takeover rumour lifts Exel shares'));
  assert.ok(sameBuilt(plainHeading, '# TORCHMARK <TMK> AUTHORIZES STOCK REPURCHASE'));
  for (const text of ['# Title #', '#  Title', '# Title ', '#Title', '# ', '####### Seven', '# Title\n===', '# Tom &amp; Jerry']) assert.equal(plainHeading(text), null, text);
});

test('property: front matter built without the parser is the node remark-frontmatter gives', () => {
  const line = fc.oneof(
    { arbitrary: fc.constantFrom('title: "Rates"', 'id: 7', '', 'é: 😀', '- item', '# not a heading', 'a: |', '  indented'), weight: 8 },
    { arbitrary: fc.constantFrom(' ', '---', '--- ', '...', '\r'), weight: 1 },
  );
  const draft = fc.tuple(
    fc.oneof({ arbitrary: fc.constant('---'), weight: 4 }, { arbitrary: fc.constantFrom('--- ', '----', '---\r'), weight: 1 }),
    fc.array(line, { maxLength: 6 }),
    fc.oneof({ arbitrary: fc.constant('---'), weight: 4 }, { arbitrary: fc.constantFrom('--- ', '...', '---\nText'), weight: 1 }),
  );
  let answered = 0;
  fc.assert(
    fc.property(draft, ([open, lines, close]) => void (sameBuilt(plainFrontMatter, [open, ...lines, close].join('\n')) && answered++)),
    propertyRuns(2000),
  );
  assert.ok(answered > 100, `the fast path answered ${answered} times`);
  for (const text of ['---\n---', '---\n\n---', '---\n\n\n---', '---\ntitle: x\n---']) assert.ok(sameBuilt(plainFrontMatter, text), JSON.stringify(text));
  for (const text of ['---\r\na: 1\r\n---', '--- \na: 1\n---', '---\na: 1\n---\n---']) assert.equal(plainFrontMatter(text), null, JSON.stringify(text));
});
