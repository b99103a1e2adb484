// The name helpers behind the consistency rules: transliteration keys, edit distance, people
// found in a story, and related locations carried to LSP diagnostics.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { honorificFor, storyNames, transliterationKey, vowelVariant } from '../src/engine/names.js';
import { editDistance } from '../src/engine/suggest.js';
import { parseNewsDocument } from '../src/engine/document.js';
import { findingToDiagnostic } from '../src/lsp/diagnostics.js';

test('transliterations of one name share a key; other names do not', () => {
  const same = [
    ['Nazarbayev', 'Nazarbaev'],
    ['Yerlan', 'Erlan'],
    ['Khamidov', 'Hamidov'],
    ['Youssef', 'Yussef'],
    ['Russell', 'Russel'],
    ['Dmitriy', 'Dmitry'],
    ['Yevgeny', 'Evgeny'],
    ['Dmitriev', 'Dmitrev'],
    ['Zoë', 'Zoe'],
  ];
  for (const [a, b] of same) assert.equal(transliterationKey(a), transliterationKey(b), `${a} / ${b}`);
  const different = [
    ['Austria', 'Australia'],
    ['Minister', 'Ministry'],
    ['Labour', 'Labor'],
    ['Organisation', 'Organization'],
    ['Germany', 'German'],
  ];
  for (const [a, b] of different) assert.notEqual(transliterationKey(a), transliterationKey(b), `${a} / ${b}`);
});

test('edit distance counts a swap of neighbours as one edit and stops past its limit', () => {
  assert.equal(editDistance('smith', 'smiht', 1), 1);
  assert.equal(editDistance('smith', 'smyth', 1), 1);
  assert.equal(editDistance('hartley', 'hartely', 1), 1);
  assert.equal(editDistance('minister', 'ministri', 1), 2);
  assert.equal(editDistance('a', 'abcdef', 2), 3);
  assert.ok(vowelVariant('mohamed', 'muhamad'));
  assert.ok(!vowelVariant('dalas', 'dules'), 'too short to judge by vowels alone');
  assert.ok(!vowelVariant('minister', 'ministry'));
});

test('people are given name and surname, corroborated by a title or a later surname', () => {
  const doc = parseNewsDocument(
    'Talks fail\n\nLONDON -- Finance Minister John Smith met Mary Jones on Monday. Shares of Merrill Lynch fell. Jones said the talks had failed.\n',
  );
  const people = storyNames(doc).people.map((p) => [p.given, p.surname, p.corroborated]);
  assert.deepEqual(people, [
    ['John', 'Smith', true],
    ['Mary', 'Jones', true],
    ['Merrill', 'Lynch', false],
  ]);
  assert.equal(honorificFor('Mary'), 'Ms');
  assert.equal(honorificFor('John'), 'Mr');
  assert.equal(honorificFor('Jordan'), null);
});

test('a finding\'s related locations become LSP relatedInformation in the same document', () => {
  const text = 'Leader meets envoys\n\nASTANA -- Nazarbayev met envoys. Nazarbaev spoke.\n';
  const doc = TextDocument.create('file:///story.md', 'markdown', 1, text);
  const start = text.indexOf('Nazarbaev ');
  const first = text.indexOf('Nazarbayev');
  const diagnostic = findingToDiagnostic(doc, {
    rule: 'name-consistency',
    severity: 'warning',
    start,
    end: start + 9,
    message: 'm',
    related: [{ start: first, end: first + 10, message: 'First written "Nazarbayev" here.' }],
  });
  assert.deepEqual(diagnostic.relatedInformation, [
    {
      location: { uri: 'file:///story.md', range: { start: { line: 2, character: 10 }, end: { line: 2, character: 20 } } },
      message: 'First written "Nazarbayev" here.',
    },
  ]);
});
