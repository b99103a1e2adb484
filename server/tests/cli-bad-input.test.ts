// Bad input never crashes copydesk or touches a file: each case checks the one-line message,
// the exit code, that stderr holds no stack trace and that the file's bytes are unchanged.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCopydesk, makeTempFolder, writeFiles, assertNoStack, BROKEN_DRAFT, CLEAN_DRAFT } from './cli-harness.js';

/** Runs copydesk --fix on one file and returns the run plus whether the bytes survived. */
function fixAndCompare(name: string, bytes: Buffer, extraArgs: string[] = []) {
  const dir = makeTempFolder();
  writeFiles(dir, { [name]: bytes });
  const run = runCopydesk(['--fix', ...extraArgs, name], { cwd: dir });
  const after = fs.readFileSync(path.join(dir, name));
  return { run, unchanged: after.equals(bytes), dir };
}

describe('copydesk: bad input', () => {
  test('an empty draft lints clean', () => {
    const { run, unchanged } = fixAndCompare('empty.md', Buffer.alloc(0));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.ok(unchanged);
  });

  test('a binary file named on the command line is skipped with exit 2', () => {
    const bytes = Buffer.concat([Buffer.from('PK'), Buffer.from([0, 1, 2, 0, 255]), Buffer.from(BROKEN_DRAFT)]);
    const { run, unchanged } = fixAndCompare('x.bin', bytes);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'x.bin: not a text file (binary content); skipped\n');
    assert.ok(unchanged);
  });

  test('a binary file found by a folder walk is not a draft', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': CLEAN_DRAFT, 'photo.jpg': Buffer.from([0xff, 0xd8, 0, 0, 0x10]) });
    const run = runCopydesk(['.'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
  });

  test('invalid UTF-8 names the first bad byte, asks for a UTF-8 re-save, exits 2 and is never fixed', () => {
    const bytes = Buffer.concat([Buffer.from(BROKEN_DRAFT.slice(0, 40), 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(BROKEN_DRAFT.slice(40), 'utf8')]);
    const { run, unchanged } = fixAndCompare('latin.md', bytes);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'latin.md: not valid UTF-8 (first bad byte at offset 40); re-save the file as UTF-8 and run again\n');
    assert.ok(unchanged, 'the file must be left exactly as it was');
  });

  test('a truncated multi-byte character at the end is reported at its first byte', () => {
    const bytes = Buffer.concat([Buffer.from('Headline\n\ncaf', 'utf8'), Buffer.from([0xe2, 0x82])]);
    const { run, unchanged } = fixAndCompare('cut.md', bytes);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^cut\.md: not valid UTF-8 \(first bad byte at offset 13\)/);
    assert.ok(unchanged);
  });

  test('malformed Markdown (unclosed fence, stray brackets) lints without crashing', () => {
    const text = 'Police finish course\n\nALMATY, Kazakhstan -- Police said [on Friday]( that ]] the [course [ended.\n\n```\nan unclosed fence\n';
    const { run, unchanged } = fixAndCompare('odd.md', Buffer.from(text));
    assert.equal(run.status, 0, run.stderr);
    assertNoStack(run.stderr);
    assert.ok(unchanged);
  });

  for (const [kind, body] of [
    ['quotes', '>'.repeat(10_000) + ' deep\n'],
    ['lists', '- '.repeat(10_000) + 'deep\n'],
  ] as const) {
    test(`${kind} nested 10,000 deep are refused as unparseable, not crashed on`, () => {
      const bytes = Buffer.from(`Police finish course\n\n${body}`);
      const { run, unchanged } = fixAndCompare('deep.md', bytes);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^deep\.md: could not be parsed \(.+\); reduce the nesting/);
      assertNoStack(run.stderr);
      assert.ok(unchanged);
    });
  }

  test('a missing path is exit 2 and nothing else is linted', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    const run = runCopydesk(['--fix', 'story.md', 'x.md'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'copydesk: no such file or folder: x.md\n');
    assert.equal(fs.readFileSync(path.join(dir, 'story.md'), 'utf8'), BROKEN_DRAFT);
  });

  test('a glob matching nothing and a folder without drafts are exit 2 with a message', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'empty/readme.rst': 'no drafts here' });
    const glob = runCopydesk(['drafts/**/*.md'], { cwd: dir });
    assert.equal(glob.status, 2);
    assert.match(glob.stderr, /^copydesk: no drafts match the pattern "drafts\/\*\*\/\*\.md"/);
    const folder = runCopydesk(['empty'], { cwd: dir });
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /^copydesk: no drafts \(\.md, \.markdown, \.mdown, \.mkd, \.txt, \.text\) found in folder "empty"/);
  });

  test('a folder given as --stdin-filename is a usage error', () => {
    const dir = makeTempFolder();
    fs.mkdirSync(path.join(dir, 'desk'));
    const run = runCopydesk(['--stdin', '--stdin-filename', 'desk'], { cwd: dir, input: CLEAN_DRAFT });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^copydesk: --stdin-filename desk is a folder; give the draft's file name/);
  });

  test('binary and invalid UTF-8 on stdin are refused the same way', () => {
    const dir = makeTempFolder();
    const binary = runCopydesk(['--stdin', '--stdin-filename', 'x.md'], { cwd: dir, input: Buffer.from([0x41, 0, 0x42]) });
    assert.equal(binary.status, 2);
    assert.equal(binary.stderr, 'x.md: not a text file (binary content); skipped\n');
    const latin = runCopydesk(['--stdin'], { cwd: dir, input: Buffer.from([0x61, 0xe9, 0x62]) });
    assert.equal(latin.status, 2);
    assert.match(latin.stderr, /^<stdin>: not valid UTF-8 \(first bad byte at offset 1\)/);
  });
});
