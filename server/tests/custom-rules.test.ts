// Declarative custom rules on RE2: existence, substitution (with fix), conditional
// (X requires Y earlier), and linear time on a hostile pattern.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNewsDocument } from '../src/engine/document.js';
import { compileCustomRule, compilePattern, type CustomRuleSpec } from '../src/engine/custom-rules.js';
import { matchCase } from '../src/engine/text-case.js';
import { applyFixes } from '../src/engine/fix.js';

function spec(over: Partial<CustomRuleSpec>): CustomRuleSpec {
  return {
    id: 'house.test',
    kind: 'existence',
    message: 'Avoid "%s".',
    severity: 'warning',
    ignoreCase: true,
    words: [],
    patterns: [],
    swap: [],
    regex: false,
    first: '',
    second: '',
    exceptions: [],
    scope: 'all',
    source: 'test',
    ...over,
  };
}

function run(s: CustomRuleSpec, text: string) {
  const doc = parseNewsDocument(text);
  return compileCustomRule(s).check(doc).map((f) => ({ text: text.slice(f.start, f.end), message: f.message, fix: f.fix }));
}

test('existence flags whole words and phrases, across line breaks, case-insensitively', () => {
  const found = run(spec({ words: ['very unique', 'basically'] }), 'Title\n\nLONDON -- It was Very\nunique and basically fine, not basicallyish.\n');
  assert.deepEqual(found.map((f) => f.text), ['Very\nunique', 'basically']);
  assert.equal(found[1].message, 'Avoid "basically".');
});

test('existence with a raw pattern and a case-sensitive switch', () => {
  const found = run(spec({ patterns: ['\\d+ percent'], ignoreCase: false }), 'Title\n\nLONDON -- Up 5 percent, or 6 PERCENT.\n');
  assert.deepEqual(found.map((f) => f.text), ['5 percent']);
});

test('substitution replaces with the preferred term and keeps capitalisation', () => {
  const s = spec({ kind: 'substitution', message: 'Use "%s" instead of "%s".', swap: [['organization', 'organisation'], ['Daesh', 'IS']] });
  const text = 'Title\n\nLONDON -- The Organization said Daesh and the organization met.\n';
  const doc = parseNewsDocument(text);
  const findings = compileCustomRule(s).check(doc);
  assert.deepEqual(findings.map((f) => f.message), [
    'Use "Organisation" instead of "Organization".',
    'Use "IS" instead of "Daesh".',
    'Use "organisation" instead of "organization".',
  ]);
  assert.equal(applyFixes(text, findings).output, 'Title\n\nLONDON -- The Organisation said IS and the organisation met.\n');
});

test('substitution with regex keys and groups inside them', () => {
  const s = spec({ kind: 'substitution', message: 'Use "%s".', regex: true, swap: [['(?:e-)?mail(?:ed)? box', 'mailbox'], ['web ?site', 'website']] });
  assert.deepEqual(run(s, 'Title\n\nLONDON -- Check the web site and the e-mail box.\n').map((f) => f.fix?.edits[0].text), ['website', 'mailbox']);
});

test('conditional: an acronym requires its definition earlier', () => {
  const s = spec({
    kind: 'conditional',
    message: '"%s" has no definition before it.',
    ignoreCase: false,
    first: '\\b([A-Z]{3,5})\\b',
    second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)',
    exceptions: ['NATO'],
  });
  const text = 'Title\n\nLONDON -- The WHO said NATO and the World Health Organization (WHO) met. The WHO agreed.\n\nThe ECB was not there. The European Central Bank (ECB) came later.\n';
  assert.deepEqual(run(s, text).map((f) => f.message), ['"WHO" has no definition before it.', '"ECB" has no definition before it.']);
});

test('scope body leaves the headline alone', () => {
  const found = run(spec({ words: ['shock'], scope: 'body' }), 'Shock result\n\nLONDON -- A shock, officials said.\n');
  assert.deepEqual(found.map((f) => f.text), ['shock']);
});

test('a pattern that cannot compile is reported, not thrown', () => {
  const result = compilePattern('(unclosed', false);
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.error, /missing closing \)/);
  assert.equal(compilePattern('(?<=x)y', false).ok, false, 'look-behind is not linear-time and RE2 refuses it');
});

test('matchCase', () => {
  assert.equal(matchCase('organisation', 'Organization'), 'Organisation');
  assert.equal(matchCase('organisation', 'ORGANIZATION'), 'ORGANISATION');
  assert.equal(matchCase('IS', 'ISIS'), 'IS');
  assert.equal(matchCase('IS', 'Daesh'), 'IS');
});

// How the time grows with the input is measured in bench/scaling.js (a ratio, never a timed unit test).
test('(a+)+$ over a 1 MiB draft of "a"s then "b" returns, with no finding', () => {
  const rule = compileCustomRule(spec({ patterns: ['(a+)+$'], ignoreCase: false }));
  const doc = parseNewsDocument(`Title\n\nLONDON -- ${'a'.repeat(1 << 20)}b\n`);
  assert.deepEqual(rule.check(doc), []);
});

test('a .copydesk.yaml with (a+)+$ as a custom pattern lints a 1 MiB draft, with no finding', async () => {
  const { ConfigResolver } = await import('../src/config/index.js');
  const { lintText } = await import('../src/engine/lint.js');
  const { compileStyle } = await import('../src/runner/style.js');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-redos-'));
  try {
    const config = path.join(dir, '.copydesk.yaml');
    fs.writeFileSync(config, "extends: none\ncustom:\n  - id: house.hostile\n    type: existence\n    message: 'hostile %s'\n    ignorecase: false\n    patterns: ['(a+)+$']\n");
    const loaded = new ConfigResolver().forFile(path.join(dir, 'draft.md'));
    assert.ok(loaded.ok);
    const style = compileStyle(loaded.value.config);
    assert.deepEqual(lintText(`Title\n\nLONDON -- ${'a'.repeat(1 << 20)}b\n`, style).findings, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
