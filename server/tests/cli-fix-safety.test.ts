// copydesk --fix on the drafts of issue 7's probe, through the real command: the text after
// one run and after a second one (which must change nothing), and deep CR-only nesting refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCopydesk, makeTempFolder, writeFiles } from './cli-harness.js';

/** Runs --fix twice on one draft and returns the text after each run. */
function fixTwice(draft: string): [string, string] {
  const dir = makeTempFolder();
  try {
    writeFiles(dir, { 'story.md': draft });
    const texts: string[] = [];
    for (let run = 0; run < 2; run++) {
      const result = runCopydesk(['--fix', 'story.md'], { cwd: dir });
      assert.ok(result.status === 0 || result.status === 1, result.stderr);
      texts.push(fs.readFileSync(path.join(dir, 'story.md'), 'utf8'));
    }
    return [texts[0], texts[1]];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('item 1: a bare www address in brackets; --fix expands the acronym in place and leaves line 1 alone', () => {
  const draft = '# Fund meets on debt\n\nLONDON, England -- The IMF met on Monday [see www.imf.org for details].\n';
  const expected = '# Fund meets on debt\n\nLONDON, England -- The International Monetary Fund (IMF) met on Monday [see www.imf.org for details].\n';
  assert.deepEqual(fixTwice(draft), [expected, expected]);
});

test('item 1: the smallest trigger, a bare e-mail in brackets', () => {
  const expected = 'x\n\nThe International Monetary Fund (IMF) [a b@c.de]';
  assert.deepEqual(fixTwice('x\n\nThe IMF [a b@c.de]'), [expected, expected]);
});

test('item 2: a dateline alone in its paragraph settles in one run', () => {
  const expected = 'Council meets\n\nLONDON, England --\n\nThe council met on Monday.\n';
  assert.deepEqual(fixTwice('Council meets\n\nLONDON, England -\n\nThe council met on Monday.\n'), [expected, expected]);
});

test('item 3: CR-only drafts; the headline full stop goes and no letter with it', () => {
  const expected = '---\rtitle: The council meets on budget\r---\r\rLONDON, England -- The council met.\r';
  assert.deepEqual(fixTwice('---\rtitle: The council meets on budget.\r---\r\rLONDON, England -- The council met.\r'), [expected, expected]);
});

test('item 3: 3,000 nested CR-only list items are refused with the line, as LF ones are', () => {
  const dir = makeTempFolder();
  try {
    const lines = ['# Deep', ''];
    for (let i = 0; i < 3000; i++) lines.push(`${'  '.repeat(i)}- item`);
    writeFiles(dir, { 'cr.md': lines.join('\r'), 'lf.md': lines.join('\n') });
    const cr = runCopydesk(['cr.md'], { cwd: dir });
    const lf = runCopydesk(['lf.md'], { cwd: dir });
    assert.equal(cr.status, 2);
    assert.match(cr.stderr + cr.stdout, /nested more than 100 deep at line (\d+)/);
    const line = (run: { stdout: string; stderr: string }) => /at line (\d+)/.exec(run.stderr + run.stdout)?.[1];
    assert.equal(line(cr), line(lf));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
