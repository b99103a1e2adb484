// Per-draft overrides in front matter switch rules and options for that draft only; a
// mistake in them is reported at the front matter, never thrown.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../src/engine/lint.js';
import { compileStyle } from '../src/runner/style.js';
import { recommendedConfig } from '../src/config/index.js';

const style = compileStyle(recommendedConfig());
const body = 'Almaty, Kazakhstan -- The OSCE ran a course that "gave officers new tools to find victims".\n';
const rules = (text: string) => lintText(text, style).findings.map((f) => f.rule);

test('without overrides the draft has its problems', () => {
  assert.deepEqual(rules(`---\ntitle: Course ends\n---\n\n${body}`).sort(), ['acronym-first-use', 'dateline', 'quote-attribution']);
});

test('disable switches rules off for this draft', () => {
  assert.deepEqual(rules(`---\ntitle: Course ends\ncopydesk:\n  disable: [dateline, acronym-first-use, quote-attribution]\n---\n\n${body}`), []);
});

test('rules and acronyms can be set per draft', () => {
  const text = `---\ntitle: Course ends\ncopydesk:\n  rules:\n    dateline: off\n    quote-attribution: [warning, {minWords: 20}]\n  acronyms:\n    exempt: [OSCE]\n---\n\n${body}`;
  assert.deepEqual(rules(text), []);
  const stricter = text.replace('minWords: 20', 'minWords: 2');
  assert.deepEqual(rules(stricter), ['quote-attribution']);
});

test('the style itself is untouched by a draft override', () => {
  rules(`---\ntitle: T\ncopydesk:\n  disable: [dateline]\n---\n\n${body}`);
  assert.deepEqual(rules(`---\ntitle: Course ends\n---\n\n${body}`).sort(), ['acronym-first-use', 'dateline', 'quote-attribution']);
});

test('an unknown rule or bad value is a front-matter finding at the copydesk value', () => {
  const text = `---\ntitle: T\ncopydesk:\n  disable: [datline]\n---\n\n${body}`;
  const found = lintText(text, style).findings.filter((f) => f.rule === 'front-matter');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /unknown rule "datline"/);
  assert.ok(text.slice(found[0].start, found[0].end).includes('datline'));
  const bad = lintText(`---\ntitle: T\ncopydesk:\n  rules:\n    quote-attribution: [warning, {minWords: many}]\n---\n\n${body}`, style);
  assert.match(bad.findings.find((f) => f.rule === 'front-matter')!.message, /minWords" must be a number/);
});
