// A Vale style written for the tests (test-fixtures/vale/House), extended directly and through
// a .vale.ini: which rules load, which are named in warnings, and Vale's own semantics —
// no fix without an action, no re-casing without capitalize, $1 expanded, alternatives
// offered, vocabularies, ignores, control comments, MinAlertLevel.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigResolver, type LoadedConfig } from '../src/config/index.js';
import { lintText, fixText } from '../src/engine/lint.js';
import { compileStyle } from '../src/runner/style.js';
import { FIXTURES } from './support/paths.js';

const dir = path.join(FIXTURES, 'vale');

function load(file: string): LoadedConfig {
  const result = new ConfigResolver({ configPath: path.join(dir, file) }).forFile(path.join(dir, 'drafts', 'x.md'));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return result.value;
}

const draft = (name: string) => fs.readFileSync(path.join(dir, 'drafts', name), 'utf8');
const vale = load('vale-style.yaml');
const viaIni = load('ini-style.yaml');
const native = load('copydesk-equivalent.yaml');

function found(config: LoadedConfig, text: string): string[] {
  return lintText(text, compileStyle(config.config)).findings.map((f) => `${f.rule} ${text.slice(f.start, f.end)}: ${f.message}`);
}

test('the Vale style loads every check type Copydesk runs; suggestions wait for MinAlertLevel', () => {
  assert.deepEqual((vale.config.custom ?? []).map((c) => [c.id, c.kind]).sort(), [
    ['House.Acronyms', 'conditional'],
    ['House.Fixes', 'substitution'],
    ['House.Hedging', 'existence'],
    ['House.Repeated', 'repetition'],
    ['House.Spelling', 'substitution'],
    ['House.Titles', 'capitalization'],
  ]);
  assert.equal(vale.warnings.length, 2);
  assert.match(vale.warnings.find((w) => w.includes('Tone'))!, /Tone\.yml:1:10: House\.Tone: Vale check type "sequence" is not supported/);
  assert.match(vale.warnings.find((w) => w.includes('suggestion'))!, /1 suggestion-level rules are off.*House\.SentenceLength/);
});

test('existence agrees with the Copydesk equivalent; substitution keeps Vale’s wording and offers no fix without an action', () => {
  for (const name of ['one.md', 'two.md']) {
    const text = draft(name);
    const hedging = (c: LoadedConfig) => found(c, text).filter((l) => l.startsWith('House.Hedging'));
    assert.deepEqual(hedging(vale), hedging(native));
  }
  const text = draft('one.md');
  const spelling = lintText(text, compileStyle(vale.config)).findings.filter((f) => f.rule === 'House.Spelling');
  assert.deepEqual(spelling.map((f) => f.message), [
    "Use 'organisation' instead of 'organization'.",
    "Use 'organise' instead of 'organize'.",
    "Use 'organisation' instead of 'Organization'.",
    "Use 'IS' instead of 'ISIL'.",
    "Use 'IS' instead of 'Daesh'.",
  ]);
  assert.ok(spelling.every((f) => f.fix === undefined && f.suggestions === undefined), 'no action: no fix');
});

test('conditional: a definition anywhere in the same block counts, as in Vale', () => {
  const lines = found(vale, draft('one.md')).filter((l) => l.startsWith('House.Acronyms'));
  assert.deepEqual(lines, ["House.Acronyms ISIL: 'ISIL' has no definition before it."]);
  // Copydesk's own conditional wants the definition earlier.
  assert.ok(found(native, draft('one.md')).some((l) => l.startsWith('House.Acronyms WHO')));
});

test('actions: $1 expanded, capitalize re-cases, alternatives offered, repetition truncated; control comments silence', () => {
  const text = draft('three.md');
  const lines = found(vale, text);
  assert.ok(lines.includes("House.Fixes within the Camden office: Use 'in the Camden office' instead of 'within the Camden office'."), lines.join('\n'));
  assert.ok(lines.includes("House.Fixes in order to: Use 'to' instead of 'in order to'."));
  assert.ok(lines.includes("House.Fixes utilise: Use 'use' or 'employ' instead of 'utilise'."));
  assert.ok(lines.includes("House.Fixes Utilise: Use 'Use' or 'Employ' instead of 'Utilise'."), 'capitalize: the suggestion takes the capital');
  assert.ok(lines.includes("House.Repeated the the: 'the' is repeated."));
  assert.ok(lines.includes("House.Titles Police Open Inquiry Into Fire: 'Police Open Inquiry Into Fire' should be in sentence case."));
  assert.equal(lines.filter((l) => l.startsWith('House.Fixes in order to')).length, 1, 'the comment switched House.Fixes off for "Staff came in order to help."');
  const { output } = fixText(text, compileStyle(vale.config));
  assert.match(output, /work in the Camden office to speed up the inquiry/);
  assert.match(output, /Teams utilise drones/, 'two alternatives: no automatic choice');
  assert.doesNotMatch(output, /\$\d/);
});

test('through a .vale.ini: rule settings, MinAlertLevel, vocabulary and TokenIgnores apply', () => {
  const ids = (viaIni.config.custom ?? []).map((c) => c.id).sort();
  assert.ok(!ids.includes('House.Hedging'), 'House.Hedging = NO');
  assert.ok(ids.includes('House.SentenceLength'), 'MinAlertLevel = suggestion');
  assert.ok(ids.includes('Vale.Avoid') === false, 'BasedOnStyles names only House');
  assert.equal(viaIni.config.custom?.find((c) => c.id === 'House.Spelling')?.severity, 'warning');
  const lines = found(viaIni, draft('one.md'));
  assert.ok(!lines.some((l) => l.includes("'Daesh'")), 'Daesh is in the accepted vocabulary: an exception');
  assert.ok(lines.some((l) => l.includes("'ISIL'")));
  const three = found(viaIni, draft('three.md'));
  assert.ok(three.some((l) => l.startsWith('House.Spelling organization')), 'outside the ignored token');
  assert.ok(!found(viaIni, 'Head\n\nThe {{ organization }} met.\n').some((l) => l.startsWith('House.Spelling')), 'inside a TokenIgnores match');
});
