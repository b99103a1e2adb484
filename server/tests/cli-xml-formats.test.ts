// junit and checkstyle reports: one entry per problem, XML-escaped messages, a passing case
// for a clean draft, and the exit code unchanged by the format.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BROKEN_DRAFT, CLEAN_DRAFT, makeTempFolder, runCopydesk, writeFiles } from './cli-harness.js';

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

test('junit: a failing test case per problem, a passing one for a clean draft', () => {
  inFolder((dir) => {
    const run = runCopydesk(['--format', 'junit', 'broken.md', 'clean.md'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites name="copydesk" tests="4" failures="3" errors="0">/);
    assert.equal(count(run.stdout, /<failure /g), 3);
    assert.match(run.stdout, /<testsuite name="clean.md" tests="1" failures="0" errors="0">\n {4}<testcase classname="clean.md" name="copydesk"\/>/);
    assert.match(run.stdout, /message="Write the dateline city in capitals: &quot;ALMATY&quot;\."/);
    assert.ok(!/"ALMATY"/.test(run.stdout.replace(/&quot;/g, '')), 'quotes inside attributes are escaped');
  });
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
