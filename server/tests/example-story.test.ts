// SPEC's example story, the model of the built-in style: it lints clean under
// copydesk:recommended apart from the web-page residue at its end, and each planted
// error (expansion removed, dateline broken, attribution dropped) gives exactly the
// expected findings and fixes back to the original.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { recommendedConfig } from '../src/config/index.js';
import { lintText, fixText } from '../src/engine/lint.js';
import { compileStyle } from '../src/runner/style.js';
import { FIXTURES } from './support/paths.js';
import { formatRange } from './support/positions.js';

const story = fs.readFileSync(path.join(FIXTURES, 'drafts', 'example-story.txt'), 'utf8');
const style = compileStyle(recommendedConfig());

/** Findings other than the residue rule's, as "rule range message". */
function problems(text: string): string[] {
  return lintText(text, style)
    .findings.filter((f) => f.rule !== 'residue')
    .map((f) => `${f.rule} ${formatRange(text, f.start, f.end)} ${f.message}`);
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" must occur once`);
  return text.replace(from, to);
}

test('the example story reports nothing but its web residue', () => {
  assert.deepEqual(problems(story), []);
  const residue = lintText(story, style).findings.filter((f) => f.rule === 'residue');
  const lines = residue.map((f) => story.slice(f.start, f.end).trim());
  assert.deepEqual(lines, ['Do you like this article?', '0 Comment(s)', 'Comment Policy * Denotes Required Field 1500 / 1500']);
});

test('removing an expansion yields one acronym-first-use finding, fixed back', () => {
  const broken = replaceOnce(story, 'the Organisation for Security and Co-operation in Europe (OSCE) on', 'the OSCE on');
  assert.deepEqual(problems(broken), [
    'acronym-first-use 4:112-4:116 Spell out OSCE at its first use: "Organisation for Security and Co-operation in Europe (OSCE)".',
  ]);
  assert.equal(fixText(broken, style).output, fixText(story, style).output);
});

test('breaking the dateline yields the case and separator findings, fixed back', () => {
  const broken = replaceOnce(story, 'SHYMKENT, Kazakhstan -- ', 'Shymkent, Kazakhstan – ');
  assert.deepEqual(problems(broken), [
    'dateline 4:1-4:9 Write the dateline city in capitals: "SHYMKENT".',
    'dateline 4:21-4:24 Use " -- " between the dateline and the story, not " – ".',
  ]);
  assert.equal(fixText(broken, style).output, fixText(story, style).output);
});

test('dropping an attribution yields quote-attribution findings and no fix', () => {
  const broken = replaceOnce(story, '", the OSCE said, adding that the training included "', '". The training included "');
  assert.deepEqual(problems(broken), [
    'quote-attribution 14:27-14:185 Quotation has no attribution: say who said it ("…," she said) in its sentence or the one before or after it.',
    'quote-attribution 14:209-14:357 Quotation has no attribution: say who said it ("…," she said) in its sentence or the one before or after it.',
  ]);
  const fixed = fixText(broken, style).output;
  assert.ok(fixed.includes('". The training included "'), 'no fix invents a source');
});

test('dropping only the second attribution leaves the first quotation attributed', () => {
  const broken = replaceOnce(
    story,
    'Participants took part in a number of practical exercises to apply their newly acquired knowledge, the OSCE said.',
    'Participants took part in a number of practical exercises to apply their newly acquired knowledge.',
  );
  assert.deepEqual(problems(broken), []);
});
