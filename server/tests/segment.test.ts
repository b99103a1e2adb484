// Sentence and quotation segmentation on the shapes wire copy takes: abbreviations,
// initials, decimals, straight and curly quotes, apostrophes, multi-paragraph quotes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNewsDocument } from '../src/engine/document.js';
import { sentencesOf, quotationsOf, quoteMarks } from '../src/engine/segment.js';

function sentences(paragraph: string): string[] {
  const doc = parseNewsDocument(paragraph);
  const block = doc.blocks[0];
  return sentencesOf(block).map((s) => block.text.slice(s.start, s.end));
}

test('abbreviations and initials do not end sentences', () => {
  assert.deepEqual(sentences('Acme Corp. and Widget Inc. said on Feb. 26 that Mr. J. Smith would lead the U.S. unit. He starts Monday.'), [
    'Acme Corp. and Widget Inc. said on Feb. 26 that Mr. J. Smith would lead the U.S. unit.',
    'He starts Monday.',
  ]);
});

test('a dotted abbreviation before a sentence opener does end the sentence', () => {
  assert.deepEqual(sentences('Exports rose to the U.S. The company said imports fell.'), [
    'Exports rose to the U.S.',
    'The company said imports fell.',
  ]);
});

test('decimals, percentages and ellipses inside a sentence', () => {
  assert.deepEqual(sentences('Shares rose 2.5 pct to 13.75 dlrs... then fell. Trading was thin.'), [
    'Shares rose 2.5 pct to 13.75 dlrs... then fell.',
    'Trading was thin.',
  ]);
});

test('a question or exclamation inside a quotation followed by the attribution', () => {
  assert.deepEqual(sentences('"Why now?" she asked. "Because we can!" he said. It ended there.'), [
    '"Why now?" she asked.',
    '"Because we can!" he said.',
    'It ended there.',
  ]);
});

test('a sentence closing inside a quotation ends after the closing mark', () => {
  assert.deepEqual(sentences('He said: "We are done." Then he left.'), ['He said: "We are done."', 'Then he left.']);
});

test('hard-wrapped lines are one sentence', () => {
  assert.deepEqual(sentences('Torchmark Corp said its board\nauthorized the purchase of its\ndebentures. It also declared a dividend.'), [
    'Torchmark Corp said its board\nauthorized the purchase of its\ndebentures.',
    'It also declared a dividend.',
  ]);
});

test('straight quotes are told open from close by their neighbours', () => {
  const text = 'He called it "a deal" and said "it\'s done," and left.';
  assert.deepEqual(
    quoteMarks(text).map((m) => `${m.role}@${m.at}`),
    ['open@13', 'close@20', 'open@31', 'close@42'],
  );
});

test('apostrophes and single quotes are not quotation marks', () => {
  const doc = parseNewsDocument('Title\n\nLONDON -- The officers\' union said it\'s "ready to talk to the ministry" now.\n');
  const q = quotationsOf(doc);
  assert.equal(q.length, 1);
  assert.equal(q[0].text, 'ready to talk to the ministry');
  assert.equal(q[0].wordCount, 6);
});

test('a quotation continued by the open-quote convention spans paragraphs', () => {
  const doc = parseNewsDocument('Title\n\nLONDON -- "First part of it.\n\n"Second part," he said.\n\nAfter.\n');
  const q = quotationsOf(doc);
  assert.equal(q.length, 1);
  assert.equal(q[0].parts.length, 2);
  assert.equal(q[0].text, 'First part of it. Second part,');
  assert.ok(q[0].closed);
});

test('an unclosed quotation ends with its paragraph when the next does not reopen', () => {
  const doc = parseNewsDocument('Title\n\nLONDON -- "Never closed here.\n\nNext paragraph.\n');
  const q = quotationsOf(doc);
  assert.equal(q.length, 1);
  assert.equal(q[0].closed, false);
  assert.equal(q[0].text, 'Never closed here.');
});

test('curly quotes', () => {
  const doc = parseNewsDocument('Title\n\nLONDON -- “We will win this,” she said, “and soon.”\n');
  assert.deepEqual(quotationsOf(doc).map((q) => q.text), ['We will win this,', 'and soon.']);
});
