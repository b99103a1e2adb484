// The NewsDocument: headline, body and dateline paragraph; prose only; every prose
// character maps back to its exact UTF-16 source offset (CRLF, BOM, astral characters).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNewsDocument } from '../src/engine/document.js';
import { PLACEHOLDER } from '../src/engine/prose.js';
import { parseDocument, isMap, type Scalar } from 'yaml';
import { propertyRuns } from './support/property.js';

test('headline from front matter title, body after it', () => {
  const doc = parseNewsDocument('---\ntitle: "Police finish course"\ndate: 2024-04-30\n---\n\nALMATY, Kazakhstan -- Text.\n');
  assert.equal(doc.headline?.origin, 'frontMatter');
  assert.equal(doc.headline?.block.text, 'Police finish course');
  const h = doc.headline!.block;
  assert.equal(doc.source.slice(h.map.toSource(0), h.map.toSourceEnd(h.text.length)), 'Police finish course');
  assert.equal(doc.dateline?.text, 'ALMATY, Kazakhstan -- Text.');
});

test('headline from the first level-1 heading', () => {
  const doc = parseNewsDocument('# Police finish course\n\nALMATY, Kazakhstan -- Text.\n\n## More\n\nMore text.\n');
  assert.equal(doc.headline?.origin, 'heading');
  assert.deepEqual(doc.body.map((b) => b.text), ['ALMATY, Kazakhstan -- Text.', 'More', 'More text.']);
  assert.equal(doc.dateline?.text, 'ALMATY, Kazakhstan -- Text.');
});

test('headline from a plain first line followed by a blank line', () => {
  const doc = parseNewsDocument('Police finish course\n\n\nALMATY, Kazakhstan -- Text.\n');
  assert.equal(doc.headline?.origin, 'firstLine');
  assert.equal(doc.dateline?.text, 'ALMATY, Kazakhstan -- Text.');
});

test('a one-line story opening with a dateline is not taken for a headline', () => {
  const doc = parseNewsDocument('ALMATY, Kazakhstan -- Police finished a course.\n\nMore.\n');
  assert.equal(doc.headline, null);
  assert.equal(doc.dateline?.text, 'ALMATY, Kazakhstan -- Police finished a course.');
});

test('code, HTML, URLs and front matter are not prose', () => {
  const doc = parseNewsDocument('---\ntitle: T\nnote: "OSCE said"\n---\n\nSee `OSCE` and [the site](https://osce.example/OSCE) <b>OSCE</b>.\n\n```\nOSCE\n```\n\n<div>OSCE</div>\n');
  const prose = doc.body.map((b) => b.text).join('\n');
  assert.equal(prose, `See ${PLACEHOLDER} and the site ${PLACEHOLDER}OSCE${PLACEHOLDER}.`);
});

test('control comments are read from HTML comments', () => {
  const doc = parseNewsDocument('T\n\n<!-- copydesk-disable dateline, quote-attribution -->\n\nText <!-- copydesk-enable --> more.\n');
  assert.deepEqual(doc.controlComments.map((c) => [c.kind, c.rules.map((r) => r.id)]), [
    ['disable', ['dateline', 'quote-attribution']],
    ['enable', []],
  ]);
});

test('offsets survive CRLF, a BOM, block quotes, escapes, entities and emoji', () => {
  const source = '\uFEFFTitle\r\n\r\n> ALMATY -- Caf\u00e9 \\*owner\\* said &amp; 🚓 "left"\r\n> on Friday.\r\n';
  const doc = parseNewsDocument(source);
  const block = doc.body[0];
  for (const word of ['ALMATY', 'Café', 'owner', '🚓', '"left"', 'Friday']) {
    const t = block.text.indexOf(word);
    assert.ok(t >= 0, word);
    assert.equal(source.slice(block.map.toSource(t), block.map.toSourceEnd(t + word.length)), word, word);
  }
  const amp = block.text.indexOf('&');
  assert.equal(source.slice(block.map.toSource(amp), block.map.toSource(amp) + 5), '&amp;');
});

test('property: every prose character of plain paragraphs maps to the same source character', () => {
  const word = fc.stringMatching(/^[A-Za-z\u00c0-\u00ff\u{1F680}-\u{1F6C5}0-9,.'"-]{1,12}$/u);
  const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
  const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'));
  const eol = fc.constantFrom('\n', '\r\n');
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), eol, fc.boolean(), (paragraphs, nl, bom) => {
      const source = (bom ? '\uFEFF' : '') + paragraphs.map((p) => p.replace(/\n/g, nl)).join(nl + nl) + nl;
      const doc = parseNewsDocument(source);
      for (const block of doc.blocks) {
        for (let t = 0; t < block.text.length; t++) {
          const ch = block.text[t];
          const at = block.map.toSource(t);
          if (ch === '\n') assert.ok(source[at] === '\n' || source[at] === '\r');
          else assert.equal(source[at], ch);
        }
      }
    }),
    propertyRuns(300),
  );
});

test('a decoded reference maps to itself, not to a later literal of the same character', () => {
  const source = 'T\n\nLONDON -- He called it &quot;a fair deal&quot; and "a start".\n';
  const block = parseNewsDocument(source).body[0];
  const marks = [...block.text].flatMap((c, i) => (c === '"' ? [i] : []));
  assert.deepEqual(
    marks.map((t) => source.slice(block.map.toSource(t), block.map.toSource(t) + 6)),
    ['&quot;', '&quot;', '"a sta', '".\n'],
  );
  const start = block.text.indexOf('start');
  assert.equal(source.slice(block.map.toSource(start), block.map.toSourceEnd(start + 5)), 'start');
});

test('front matter read without the YAML library gives what the library gives', () => {
  const key = fc.constantFrom('id', 'newid', 'source_file', 'true', 'True', 'null', 'date', 'a1');
  const value = fc.oneof(
    fc.string({ maxLength: 12 }).filter((s) => !/[\r\n]/.test(s)).map((s) => JSON.stringify(s)),
    fc.stringMatching(/^[0-9]{1,17}$/),
    fc.constantFrom('plain words', "'single'", '"a\\"b"', '2024-04-30', '-3', '1e3', '  "spaced"', '"trailing" '),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 5 }), (pairs) => {
      const yamlText = pairs.map(([k, v]) => `${k}: ${v}`).join('\n');
      const doc = parseNewsDocument(`---\n${yamlText}\n---\n\nText.\n`);
      const parsed = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
      const expected: Record<string, unknown> | null = parsed.errors.length === 0 && isMap(parsed.contents) ? {} : null;
      const ranges = new Map<string, [number, number]>();
      if (expected && isMap(parsed.contents)) {
        for (const pair of parsed.contents.items) {
          const k = String((pair.key as Scalar).value);
          expected[k] = (pair.value as Scalar).value;
          const r = (pair.value as Scalar).range!;
          ranges.set(k, [4 + r[0], 4 + r[1]]);
        }
      }
      assert.deepEqual(doc.frontMatter?.data, expected);
      if (expected) assert.deepEqual([...doc.frontMatter!.valueRanges], [...ranges]);
    }),
    propertyRuns(300),
  );
});
