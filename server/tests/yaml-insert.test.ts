// Unit tests for the surgical YAML additions behind the style-teaching code actions: only the new
// entry is inserted, in the file's own indentation, line endings and collection style.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyLesson } from '../src/lsp/style-edits.js';
import { appendSequenceItem, insertMappingEntry } from '../src/lsp/yaml-insert.js';

describe('yaml-insert', () => {
  it('adds a key at the end of a block mapping, in its indentation, keeping what follows', () => {
    const text = 'acronyms:\n    dictionary:\n        MVD: Interior Ministry  # ok\n\n# trailing note\nterms:\n    a: b\n';
    assert.equal(
      insertMappingEntry(text, ['acronyms', 'dictionary'], 'ZZQ', 'Zonal Quarry'),
      'acronyms:\n    dictionary:\n        MVD: Interior Ministry  # ok\n        ZZQ: Zonal Quarry\n\n# trailing note\nterms:\n    a: b\n',
    );
  });

  it('creates missing parents, and a new top-level section after a blank line', () => {
    assert.equal(insertMappingEntry('rules:\n  numbers: off\n', ['acronyms', 'dictionary'], 'ZZQ', 'Z Q'), 'rules:\n  numbers: off\n\nacronyms:\n  dictionary:\n    ZZQ: Z Q\n');
    assert.equal(insertMappingEntry('acronyms:\n  exempt: [GATT]\n', ['acronyms', 'dictionary'], 'ZZQ', 'Z Q'), 'acronyms:\n  exempt: [GATT]\n  dictionary:\n    ZZQ: Z Q\n');
    assert.equal(insertMappingEntry('# only a comment', ['terms'], 'utilise', 'utilise'), '# only a comment\n\nterms:\n  utilise: utilise\n');
    assert.equal(insertMappingEntry('', ['terms'], 'x', 'y'), 'terms:\n  x: y\n');
  });

  it('keeps flow collections flow, CRLF line endings, and quotes what must be quoted', () => {
    assert.equal(insertMappingEntry('acronyms: {dictionary: {MVD: Interior Ministry}}\n', ['acronyms', 'dictionary'], 'ZZQ', 'Z: Q'), 'acronyms: {dictionary: {MVD: Interior Ministry, ZZQ: "Z: Q"}}\n');
    assert.equal(appendSequenceItem('acronyms:\r\n  exempt:\r\n    - GATT\r\n', ['acronyms', 'exempt'], 'ZZQ'), 'acronyms:\r\n  exempt:\r\n    - GATT\r\n    - ZZQ\r\n');
    assert.equal(appendSequenceItem('acronyms:\n  exempt: []\n', ['acronyms', 'exempt'], 'ZZQ'), 'acronyms:\n  exempt: [ZZQ]\n');
    assert.equal(appendSequenceItem('acronyms:\n  dictionary: {}\n', ['acronyms', 'exempt'], 'ZZQ'), 'acronyms:\n  dictionary: {}\n  exempt: [ZZQ]\n');
  });

  it('replaces the value of a key that is already there instead of adding a duplicate', () => {
    assert.equal(insertMappingEntry('terms:\n  Utilise: use # house\n', ['terms'], 'utilise', 'utilise'), 'terms:\n  Utilise: utilise # house\n');
  });

  it('refuses files it would have to guess about, and keeps a BOM', () => {
    assert.equal(insertMappingEntry('rules: [a\n', ['terms'], 'x', 'y'), null, 'a YAML syntax error');
    assert.equal(insertMappingEntry('- a\n- b\n', ['terms'], 'x', 'y'), null, 'not a mapping');
    assert.equal(insertMappingEntry('terms: plain text\n', ['terms'], 'x', 'y'), null, 'terms is not a mapping');
    assert.equal(applyLesson('\uFEFFterms:\n  a: b\n', { kind: 'term', term: 'x' }), '\uFEFFterms:\n  a: b\n  x: x\n');
  });
});
