// junit and checkstyle reports: one entry per problem, XML-escaped messages and attributes, a
// passing case for a clean draft, warnings failing only when asked, the exit code unchanged.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BROKEN_DRAFT, CLEAN_DRAFT, WARNING_DRAFT, makeTempFolder, runCopydesk, writeFiles } from './cli-harness.js';
import { escapeXml, escapeXmlAttribute } from '../src/cli/formatters/xml.js';

function inFolder(fn: (dir: string) => void): void {
  const dir = makeTempFolder();
  try {
    writeFiles(dir, { 'broken.md': BROKEN_DRAFT, 'clean.md': CLEAN_DRAFT });
    fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

test('junit: an error is a failing test case, a warning passes with the problem in system-out', () => {
  inFolder((dir) => {
    const run = runCopydesk(['--format', 'junit', 'broken.md', 'clean.md'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites name="copydesk" tests="4" failures="2" errors="0">/);
    assert.equal(count(run.stdout, /<failure /g), 2);
    assert.match(run.stdout, /name="3:77 acronym-first-use">\n {6}<system-out>broken\.md:3:77 warning Spell out OSCE/);
    assert.match(run.stdout, /<testsuite name="clean.md" tests="1" failures="0" errors="0">\n {4}<testcase classname="clean.md" name="copydesk"\/>/);
    assert.match(run.stdout, /message="Write the dateline city in capitals: &quot;ALMATY&quot;\."/);
    assert.ok(!/"ALMATY"/.test(run.stdout.replace(/&quot;/g, '')), 'quotes inside attributes are escaped');
  });
});

test('junit: a warnings-only run exits 0 with no failures; --junit-warnings-as-failures makes them fail', () => {
  const dir = makeTempFolder();
  writeFiles(dir, { 'warn.md': WARNING_DRAFT });
  const plain = runCopydesk(['--format', 'junit', 'warn.md'], { cwd: dir });
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stdout, /<testsuites name="copydesk" tests="1" failures="0" errors="0">/);
  assert.equal(count(plain.stdout, /<failure /g), 0);
  const strict = runCopydesk(['--format', 'junit', '--junit-warnings-as-failures', 'warn.md'], { cwd: dir });
  assert.match(strict.stdout, /<testsuites name="copydesk" tests="1" failures="1" errors="0">/);
  assert.match(strict.stdout, /<failure type="warning" message="Spell out OSCE/);
});

test('xml: CR, LF and TAB in attribute values are character references; CR in text too', () => {
  assert.equal(escapeXmlAttribute('a\r\nb\tc "d"'), 'a&#13;&#10;b&#9;c &quot;d&quot;');
  assert.equal(escapeXml('a\r\nb'), 'a&#13;\nb');
  const dir = makeTempFolder();
  writeFiles(dir, { 'two\r\nlines.md': BROKEN_DRAFT });
  for (const format of ['junit', 'checkstyle']) {
    const run = runCopydesk(['--format', format, '.'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /two&#13;&#10;lines\.md/);
    // No raw line break inside any attribute value.
    assert.ok(!/="[^"]*[\r\n][^"]*"/.test(run.stdout), `${format}: raw CR/LF inside an attribute`);
  }
});

test('checkstyle: an error element per problem with line, column, severity and source', () => {
  inFolder((dir) => {
    const run = runCopydesk(['--format', 'checkstyle', 'broken.md', 'clean.md'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(count(run.stdout, /<file name=/g), 2);
    assert.equal(count(run.stdout, /<error /g), 3);
    assert.match(run.stdout, /<error line="3" column="1" severity="error" message="Write the dateline city in capitals: &quot;ALMATY&quot;\." source="copydesk\.dateline"\/>/);
    assert.match(run.stdout, /severity="warning"[^>]*source="copydesk\.acronym-first-use"/);
  });
});
