// A Vale style (written for the tests) with one rule of each supported type gives the same
// findings as the same rules written as Copydesk custom rules; an unsupported Vale check
// type is named in a warning, not dropped silently.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigResolver, type LoadedConfig } from '../src/config/index.js';
import { lintText, fixText } from '../src/engine/lint.js';
import { compileStyle } from '../src/engine/style.js';
import { FIXTURES } from './support/paths.js';

const dir = path.join(FIXTURES, 'vale');

function load(file: string): LoadedConfig {
  const result = new ConfigResolver({ configPath: path.join(dir, file) }).forFile(path.join(dir, 'drafts', 'x.md'));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return result.value;
}

const vale = load('vale-style.yaml');
const native = load('copydesk-equivalent.yaml');
const drafts = fs.readdirSync(path.join(dir, 'drafts')).sort().map((f) => fs.readFileSync(path.join(dir, 'drafts', f), 'utf8'));

test('the Vale style loads its existence, substitution and conditional rules', () => {
  assert.deepEqual((vale.config.custom ?? []).map((c) => [c.id, c.kind]).sort(), [
    ['House.Acronyms', 'conditional'],
    ['House.Hedging', 'existence'],
    ['House.Spelling', 'substitution'],
  ]);
});

test('an unsupported Vale check type is named in a warning', () => {
  assert.equal(vale.warnings.length, 1);
  assert.match(vale.warnings[0], /House\.SentenceLength/);
  assert.match(vale.warnings[0], /occurrence/);
});

test('same findings and fixes as the Copydesk equivalent on every draft', () => {
  const a = compileStyle(vale.config);
  const b = compileStyle(native.config);
  let total = 0;
  for (const text of drafts) {
    const strip = (f: { rule: string; severity: string; start: number; end: number; message: string; fix?: unknown }) => ({ rule: f.rule, severity: f.severity, start: f.start, end: f.end, message: f.message, fix: f.fix });
    const fromVale = lintText(text, a).findings.map(strip);
    assert.deepEqual(fromVale, lintText(text, b).findings.map(strip));
    assert.equal(fixText(text, a).output, fixText(text, b).output);
    total += fromVale.length;
  }
  const rules = new Set(drafts.flatMap((t) => lintText(t, a).findings.map((f) => f.rule)));
  assert.deepEqual([...rules].sort(), ['House.Acronyms', 'House.Hedging', 'House.Spelling'], 'every rule type fires somewhere');
  assert.ok(total >= 8, `only ${total} findings`);
});
