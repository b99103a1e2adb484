// Regression tests for issue 7 (engine side): findings only on real text, fixes that prove
// themselves before they apply, the dateline fix settling, CR-only drafts, duplicate style
// keys found in one pass. Each fix test asserts the text after --fix (the engine fix loop).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, fixText } from '../src/engine/lint.js';
import { placement, withSoundFix } from '../src/engine/fix-guard.js';
import { parseNewsDocument } from '../src/engine/document.js';
import { ProseBuilder } from '../src/engine/prose.js';
import { applyFixes, changedOnlyInside, isSoundFix, planFixes } from '../src/engine/fix.js';
import { computeLineStarts, lineOf } from '../src/engine/lines.js';
import { findExcessiveNesting } from '../src/engine/nesting.js';
import { compileStyle } from '../src/runner/style.js';
import { recommendedConfig, resolveFromRaw } from '../src/config/index.js';
import { parseConfigText } from '../src/config/parse.js';
import type { Finding } from '../src/engine/types.js';

const style = compileStyle(recommendedConfig());
const fix = (text: string) => fixText(text, style);

/** Asserts the fixed text, that it took one pass, and that a second run changes nothing. */
function assertFixesTo(draft: string, expected: string): void {
  const first = fix(draft);
  assert.equal(first.output, expected);
  const second = fix(first.output);
  assert.equal(second.output, expected, 'a second --fix changes nothing');
  assert.equal(second.passes, 0);
}

// Item 1: a bracket holding a bare URL or e-mail.

test('a bare e-mail in brackets: the acronym finding sits on the acronym, the fix expands it in place', () => {
  const draft = 'x\n\nThe IMF [a b@c.de]';
  const first = lintText(draft, style).findings.find((f) => f.rule === 'acronym-first-use')!;
  assert.equal(draft.slice(first.start, first.end), 'IMF');
  assertFixesTo(draft, 'x\n\nThe International Monetary Fund (IMF) [a b@c.de]');
});

test('a bare www address in brackets: the headline is never touched', () => {
  const draft = '# Fund meets on debt\n\nLONDON, England -- The IMF met on Monday [see www.imf.org for details].\n';
  assertFixesTo(draft, '# Fund meets on debt\n\nLONDON, England -- The International Monetary Fund (IMF) met on Monday [see www.imf.org for details].\n');
});

test('the words around bare links in brackets are prose, mapped to their own characters', () => {
  const source = 'Intro\n\nThe IMF [see www.imf.org for details] and [http://y.example] and [desk@example.org].\n';
  const doc = parseNewsDocument(source);
  const block = doc.blocks[1];
  assert.equal(block.text, 'The IMF [see www.imf.org for details] and [http://y.example] and [desk@example.org].');
  for (let t = 0; t < block.text.length; t++) assert.equal(source[block.map.toSource(t)], block.text[t], `character ${t}`);
});

test('a prose block whose map does not land on its own characters is never produced', () => {
  const source = '# Head\n\nThe IMF';
  const wrong = new ProseBuilder(source);
  wrong.addText('The IMF', 0, 7); // the position of the heading, not of the paragraph
  assert.equal(wrong.mapsOntoSource(), false);
  const right = new ProseBuilder(source);
  right.addText('The IMF', 8, 15);
  assert.equal(right.mapsOntoSource(), true);
});

test('a finding outside every prose block, or outside the text, is dropped by the engine', () => {
  const doc = parseNewsDocument('Council meets\n\nLONDON, England -- The IMF met.\n');
  const placed = placement(doc);
  const at = (start: number, end: number): Finding => ({ rule: 'test', severity: 'warning', start, end, message: 'm' });
  const imf = doc.source.indexOf('IMF');
  assert.equal(placed(at(imf, imf + 3)), true);
  assert.equal(placed(at(13, 15)), false, 'the blank line between headline and body');
  assert.equal(placed(at(imf, doc.source.length + 5)), false, 'past the end');
  assert.equal(placed(at(-1, 2)), false);
  assert.equal(placed(at(0.5, 2)), false);
});

// Every fix proves itself before it is written.

test('a fix that would replace markup (a link, code, an escape) is reported without it; whole-line deletions may', () => {
  const source = 'Council meets\n\nLONDON, England -- The [IMF](https://imf.example/IMF) and `code` met \\[ad].\n\nShare this article\n';
  const doc = parseNewsDocument(source);
  const edit = (start: number, end: number, text: string): Finding => ({ rule: 'test', severity: 'warning', start, end, message: 'm', fix: { title: 't', edits: [{ start, end, text }] } });
  const fixable = (start: number, end: number, text: string) => withSoundFix(doc, edit(start, end, text)).fix !== undefined;
  const link = source.indexOf('[IMF]');
  assert.equal(fixable(link + 1, link + 4, 'International Monetary Fund (IMF)'), true, 'the words of a link are prose');
  assert.equal(fixable(link, source.indexOf(' and'), 'IMF'), false, 'the link target is not');
  const code = source.indexOf('`code`');
  assert.equal(fixable(code - 4, code + 6, 'x'), false, 'inline code is not');
  const escape = source.indexOf('\\[');
  assert.equal(fixable(escape, escape + 2, '('), false, 'an escape is not');
  const share = source.indexOf('Share');
  assert.equal(fixable(link + 5, source.length, ''), false, 'a deletion of markup that does not start a line');
  assert.equal(fixable(share, source.length, ''), true, 'a whole line deleted');
  assert.equal(fixable(source.indexOf('\n\nShare'), share - 1, ''), true, 'white space between blocks');
});

const finding = (start: number, end: number, text: string, title = 'Fix'): Finding => ({
  rule: 'test',
  severity: 'warning',
  start,
  end,
  message: 'm',
  fix: { title, edits: [{ start, end, text }] },
});

test('overlapping fixes: the first is applied, the other waits for the next pass', () => {
  const { output, applied } = applyFixes('abcdef', [finding(1, 3, 'X'), finding(2, 4, 'Y'), finding(4, 5, 'Z')]);
  assert.equal(output, 'aXdZf');
  assert.equal(applied.length, 2);
});

test('a fix that splits a CRLF or an astral character, or runs past the text, is not sound and not applied', () => {
  const source = 'a\r\nb 😀 c';
  assert.equal(isSoundFix(source, finding(2, 3, '').fix!), false, 'between CR and LF');
  const emoji = source.indexOf('😀');
  assert.equal(isSoundFix(source, finding(emoji + 1, emoji + 2, '').fix!), false, 'inside the surrogate pair');
  assert.equal(isSoundFix(source, finding(5, 99, '').fix!), false, 'past the end');
  assert.equal(isSoundFix(source, { title: 't', edits: [{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }] }), false, 'its own edits overlap');
  assert.equal(isSoundFix(source, finding(emoji, emoji + 2, ':)').fix!), true);
  assert.equal(applyFixes(source, [finding(2, 3, '')]).output, source);
});

test('the proof notices a change outside the edits', () => {
  assert.equal(changedOnlyInside('abcdef', 'aXcdef', [{ start: 1, end: 2, text: 'X' }]), true);
  assert.equal(changedOnlyInside('abcdef', 'aXcdeF', [{ start: 1, end: 2, text: 'X' }]), false);
  assert.equal(changedOnlyInside('abcdef', 'aXdef', [{ start: 1, end: 2, text: 'X' }]), false);
});

test('a fix that never settles is refused: nothing of it is written and its finding reads as not fixable', () => {
  // A rule that always wants one more "!" at the end.
  const lint = (text: string): Finding[] => [finding(text.length, text.length, '!', 'Add !'), ...(text.startsWith('a') ? [finding(0, 1, 'A', 'Capitalise')] : [])];
  const plan = planFixes('abc', lint);
  assert.equal(plan.output, 'Abc', 'the settling fix still applies; the growing one does not');
  assert.deepEqual(plan.unfixable.map((f) => f.fix!.title), ['Add !']);
  assert.ok(plan.remaining.every((f) => f.fix === undefined), 'the refused finding is reported without a fix');
});

test('two fixes that undo each other are both refused, so a second run cannot start the swing again', () => {
  const lint = (text: string): Finding[] =>
    text.includes('colour') ? [finding(text.indexOf('colour'), text.indexOf('colour') + 6, 'color', 'US')] : text.includes('color') ? [finding(text.indexOf('color'), text.indexOf('color') + 5, 'colour', 'UK')] : [];
  const plan = planFixes('the colour red', lint);
  assert.equal(plan.output, 'the colour red');
  const again = planFixes(plan.output, lint);
  assert.equal(again.output, plan.output);
});

test('a style whose terms swap two words both ways: --fix leaves them and reports them as not fixable', () => {
  const swapped = resolveFromRaw({ extends: 'copydesk:recommended', terms: { grey: 'gray', gray: 'grey' } }, 'style.yaml');
  assert.ok(swapped.ok);
  const draft = 'Sky turns dark\n\nLONDON, England -- The sky was grey on Monday.\n';
  const result = fixText(draft, compileStyle(swapped.value.config));
  assert.equal(result.output, draft);
  assert.deepEqual(result.unfixable.map((f) => f.rule), ['terms']);
  const terms = result.remaining.find((f) => f.rule === 'terms');
  assert.ok(terms && terms.fix === undefined);
});

// Item 2: the dateline fix settles.

test('a dateline alone in its paragraph gets the separator without a trailing space, once (LF, CRLF, CR)', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const draft = ['Council meets', '', 'LONDON, England -', '', 'The story starts.', ''].join(eol);
    assertFixesTo(draft, ['Council meets', '', 'LONDON, England --', '', 'The story starts.', ''].join(eol));
  }
});

test('a separator already right before a paragraph break is left alone', () => {
  const draft = 'Council meets\n\nLONDON, England -- \n\nThe story starts.\n';
  assert.deepEqual(lintText(draft, style).findings.filter((f) => f.rule === 'dateline'), []);
});

test('earnings tables whose body starts on the next line keep the line break; only the dash is fixed', () => {
  // Decision: joining "-\nShr" into "-- Shr" deleted the layout of the table; the line break
  // stands for the separator's trailing space, so the fix rewrites the dash only.
  const draft = 'Earnings\n\nNEW YORK, March 3 -\nShr 1.20 dlrs vs 1.10 dlrs\nNet 5 mln vs 4 mln\n';
  assertFixesTo(draft, 'Earnings\n\nNEW YORK, March 3 --\nShr 1.20 dlrs vs 1.10 dlrs\nNet 5 mln vs 4 mln\n');
  assertFixesTo(draft.replace(/\n/g, '\r'), 'Earnings\r\rNEW YORK, March 3 --\rShr 1.20 dlrs vs 1.10 dlrs\rNet 5 mln vs 4 mln\r');
});

test('a wrong separator inside the line is still replaced whole', () => {
  assertFixesTo('Council meets\n\nLONDON, England - The council met.\n', 'Council meets\n\nLONDON, England -- The council met.\n');
});

// Item 3: CR-only line endings.

test('CR-only front matter: the headline full-stop fix removes the full stop and nothing else', () => {
  const draft = '---\rtitle: The council meets on budget.\r---\r\rLONDON, England -- Text here.\r';
  assertFixesTo(draft, '---\rtitle: The council meets on budget\r---\r\rLONDON, England -- Text here.\r');
});

test('CR-only headline lines are headlines, and their full stop is fixed', () => {
  assertFixesTo('The council meets on budget.\r\rLONDON, England -- Text here.\r', 'The council meets on budget\r\rLONDON, England -- Text here.\r');
  assertFixesTo('# The council meets on budget.\r\rLONDON, England -- Text here.\r', '# The council meets on budget\r\rLONDON, England -- Text here.\r');
});

test('lines end at CRLF, LF and a lone CR alike', () => {
  const starts = computeLineStarts('a\r\nb\nc\rd');
  assert.deepEqual(starts, [0, 3, 5, 7]);
  assert.equal(lineOf(starts, 1), 0, 'the CR of a CRLF belongs to its line');
  assert.equal(lineOf(starts, 8), 3);
});

test('the nesting guard refuses deep CR-only lists at the same line as LF and CRLF ones', () => {
  const lines: string[] = ['# Deep', ''];
  for (let i = 0; i < 3000; i++) lines.push(`${'  '.repeat(i)}- item`);
  const lf = findExcessiveNesting(lines.join('\n'));
  assert.ok(lf > 0);
  assert.equal(findExcessiveNesting(lines.join('\r\n')), lf);
  assert.equal(findExcessiveNesting(lines.join('\r')), lf);
  const oneLine = `${'- '.repeat(3000)}x`;
  assert.equal(findExcessiveNesting(`a\r${oneLine}`), 2);
});

// Item 8: duplicate keys in style files, found in one pass.

test('duplicate style keys are reported at each repeat, per mapping, quoted or not', () => {
  const text = 'rules:\n  dateline: off\n  "dateline": error\nacronyms:\n  dictionary:\n    IMF: International Monetary Fund\n    ECB: European Central Bank\n    IMF: Fund\nterms:\n  dateline: x\n';
  const duplicates = parseConfigText(text, 'style.yaml').errors.filter((e) => e.message.startsWith('duplicate key'));
  assert.deepEqual(
    duplicates.map((e) => `${e.line}:${e.column} ${e.message.split(';')[0]}`),
    ['3:3 duplicate key "dateline"', '8:5 duplicate key "IMF"'],
  );
});
