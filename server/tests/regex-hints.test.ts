// A pattern opening with plain words runs anchored at the places those words stand: the
// matches, groups and group offsets must be exactly those of a search through the whole text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RE2JS } from 're2js';
import { compileRegex } from '../src/engine/custom/regex.js';

function all(pattern: string, ignoreCase: boolean, text: string): string[] {
  const re = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  const m = re.matcher(text);
  const out: string[] = [];
  while (m.find()) if (m.end() > m.start()) out.push(`${m.start()}-${m.end()} ${re.groupCount() ? `${m.group(1)}@${m.start(1)}` : ''}`);
  return out;
}

function viaHints(pattern: string, ignoreCase: boolean, text: string): string[] {
  const compiled = compileRegex(pattern, ignoreCase);
  assert.ok(compiled.ok);
  const out: string[] = [];
  compiled.re.each(text, (s, e, group, groupStart) => out.push(`${s}-${e} ${compiled.re.groupCount ? `${group(1)}@${groupStart(1)}` : ''}`));
  return out;
}

const texts = [
  'It was done. The deal is signed and was being reviewed; Being seen is bent.',
  'Thesis: abe isolated, is\nsealed, WAS FORMED, wasted was.',
  'be being been beset; is is fixed, (am) armed.',
  '',
];

test('anchored runs from the words a pattern opens with find what a whole-text search finds', () => {
  const patterns: [string, boolean][] = [
    ['\\b(am|are|were|being|is|been|was|be)\\b\\s*(?m)\\b(?:[\\w]+ed|bent|beset)\\b', true],
    ['\\b(am|are|were|being|is|been|was|be)\\b\\s*(?m)\\b(?:[\\w]+ed|bent|beset)\\b', false],
    ['(is|be)[a-z]*', true],
    ['(?i)\\b(was|is) (?:done|signed|sealed)', false],
  ];
  for (const [pattern, ignoreCase] of patterns) {
    for (const text of texts) assert.deepEqual(viaHints(pattern, ignoreCase, text), all(pattern, ignoreCase, text), `${pattern} on ${JSON.stringify(text)}`);
  }
  assert.ok(viaHints(patterns[0][0], true, texts[0]).length >= 3, 'the test text holds matches');
});
