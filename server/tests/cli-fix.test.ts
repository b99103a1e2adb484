// copydesk --fix and --fix-dry-run: fixes land atomically, keep CRLF, BOM and the file mode,
// leave no temp files, are idempotent, and a dry run writes nothing.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCopydesk, makeTempFolder, writeFiles, listFolder, BROKEN_DRAFT, CLEAN_DRAFT } from './cli-harness.js';

const BOM = '\ufeff';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('copydesk --fix', () => {
  test('fixes the draft in place, reports what remains, and a second run changes nothing', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    const first = runCopydesk(['--fix', 'story.md'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr + first.stdout);
    assert.equal(first.stdout, '');
    assert.equal(fs.readFileSync(path.join(dir, 'story.md'), 'utf8'), CLEAN_DRAFT);
    const before = fs.statSync(path.join(dir, 'story.md')).mtimeMs;
    const second = runCopydesk(['--fix', 'story.md'], { cwd: dir });
    assert.equal(second.status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'story.md'), 'utf8'), CLEAN_DRAFT);
    assert.equal(fs.statSync(path.join(dir, 'story.md')).mtimeMs, before, 'an unchanged draft is not rewritten');
    assert.deepEqual(listFolder(dir), ['story.md'], 'no temp files left behind');
  });

  test('problems without a fix remain and still fail the run', () => {
    const dir = makeTempFolder();
    const unfixable = BROKEN_DRAFT.replace('Almaty, Kazakhstan - ', '');
    writeFiles(dir, { 'story.md': unfixable });
    const run = runCopydesk(['--fix', '--format', 'json', 'story.md'], { cwd: dir });
    const [entry] = JSON.parse(run.stdout) as { messages: { ruleId: string }[]; errorCount: number }[];
    assert.ok(entry.messages.every((m) => m.ruleId !== 'acronym-first-use'), 'the acronym was expanded');
    assert.equal(run.status, entry.errorCount > 0 ? 1 : 0);
    assert.ok(fs.readFileSync(path.join(dir, 'story.md'), 'utf8').includes('Organisation for Security and Co-operation in Europe (OSCE)'));
  });

  test('keeps CRLF line endings and the BOM', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'crlf.md': crlf(BROKEN_DRAFT), 'bom.md': BOM + BROKEN_DRAFT, 'both.txt': BOM + crlf(BROKEN_DRAFT) });
    const run = runCopydesk(['--fix', '.'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.equal(fs.readFileSync(path.join(dir, 'crlf.md'), 'utf8'), crlf(CLEAN_DRAFT));
    assert.equal(fs.readFileSync(path.join(dir, 'bom.md'), 'utf8'), BOM + CLEAN_DRAFT);
    assert.equal(fs.readFileSync(path.join(dir, 'both.txt'), 'utf8'), BOM + crlf(CLEAN_DRAFT));
    assert.deepEqual(listFolder(dir), ['bom.md', 'both.txt', 'crlf.md']);
  });

  test('columns do not count the BOM', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'bom.md': BOM + 'police finish course\n\n' + BROKEN_DRAFT.split('\n\n').slice(1).join('\n\n') });
    const run = runCopydesk(['--format', 'json', 'bom.md'], { cwd: dir });
    const [entry] = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    const city = entry.messages.find((m) => m.ruleId === 'dateline');
    assert.deepEqual(city && [city.line, city.column], [3, 1]);
  });

  test('keeps the file mode', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    fs.chmodSync(path.join(dir, 'story.md'), 0o640);
    const run = runCopydesk(['--fix', 'story.md'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.statSync(path.join(dir, 'story.md')).mode & 0o777, 0o640);
    assert.equal(fs.readFileSync(path.join(dir, 'story.md'), 'utf8'), CLEAN_DRAFT);
  });

  test('fixes every draft in a folder and leaves clean ones alone', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a/one.md': BROKEN_DRAFT, 'b/two.md': CLEAN_DRAFT });
    const cleanBefore = fs.statSync(path.join(dir, 'b/two.md')).mtimeMs;
    const run = runCopydesk(['--fix'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a/one.md'), 'utf8'), CLEAN_DRAFT);
    assert.equal(fs.statSync(path.join(dir, 'b/two.md')).mtimeMs, cleanBefore);
    assert.deepEqual(listFolder(path.join(dir, 'a')), ['one.md']);
  });
});

describe('copydesk --fix-dry-run', () => {
  test('prints a unified diff and writes nothing', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    const run = runCopydesk(['--fix-dry-run', 'story.md'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const brokenLine = BROKEN_DRAFT.split('\n')[2];
    const fixedLine = CLEAN_DRAFT.split('\n')[2];
    assert.equal(run.stdout, ['--- story.md', '+++ story.md', '@@ -1,5 +1,5 @@', ' Police finish trafficking course', ' ', `-${brokenLine}`, `+${fixedLine}`, ' ', ` ${BROKEN_DRAFT.split('\n')[4]}`, ''].join('\n'));
    assert.equal(fs.readFileSync(path.join(dir, 'story.md'), 'utf8'), BROKEN_DRAFT);
    assert.deepEqual(listFolder(dir), ['story.md']);
  });

  test('prints nothing for a clean draft', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': CLEAN_DRAFT });
    const run = runCopydesk(['--fix-dry-run', 'story.md'], { cwd: dir });
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
  });
});
