// What --fix may write (issue 7, items 6, 7 and 9): only regular files under the roots given,
// never through a link out of them, never over a change made since the read; UTF-16 drafts keep
// their encoding; an unreadable subfolder is told on stderr.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCopydesk, makeTempFolder, writeFiles, BROKEN_DRAFT, CLEAN_DRAFT, LAUNCHER } from './cli-harness.js';
import { readDraftFile } from '../src/cli/read.js';
import { writeFixedDraft } from '../src/cli/write.js';

const folders: string[] = [];
after(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFolder(): string {
  const dir = fs.realpathSync(makeTempFolder());
  folders.push(dir);
  return dir;
}

describe('--fix and links', () => {
  test('a glob does not walk into a linked folder, so nothing outside the tree is written', () => {
    const dir = tempFolder();
    writeFiles(dir, { 'tree/a.md': BROKEN_DRAFT, 'outside/o.md': BROKEN_DRAFT });
    fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'tree', 'out'));
    const run = runCopydesk(['--fix', 'tree/**/*.md'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.equal(fs.readFileSync(path.join(dir, 'tree', 'a.md'), 'utf8'), CLEAN_DRAFT);
    assert.equal(fs.readFileSync(path.join(dir, 'outside', 'o.md'), 'utf8'), BROKEN_DRAFT, 'the file behind the linked folder is untouched');
  });

  test('a linked draft whose target is under the folder given stays a link; its target is fixed', () => {
    const dir = tempFolder();
    writeFiles(dir, { 'tree/drafts/real.md': BROKEN_DRAFT });
    fs.symlinkSync(path.join('drafts', 'real.md'), path.join(dir, 'tree', 'alias.md'));
    const run = runCopydesk(['--fix', 'tree/alias.md', 'tree'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.ok(fs.lstatSync(path.join(dir, 'tree', 'alias.md')).isSymbolicLink(), 'the link is still a link');
    assert.equal(fs.readFileSync(path.join(dir, 'tree', 'drafts', 'real.md'), 'utf8'), CLEAN_DRAFT);
  });

  test('a linked draft whose target lies outside the roots is refused with a message, the link kept', () => {
    const dir = tempFolder();
    writeFiles(dir, { 'outside/o.md': BROKEN_DRAFT, 'tree/keep.md': CLEAN_DRAFT });
    fs.symlinkSync(path.join(dir, 'outside', 'o.md'), path.join(dir, 'tree', 'link.md'));
    for (const args of [['--fix', 'tree'], ['--fix', 'tree/link.md']]) {
      const run = runCopydesk(args, { cwd: dir });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /tree\/link\.md: not fixed: it is a link to .*outside\/o\.md, outside the files and folders given; the fix was not written/);
      assert.ok(fs.lstatSync(path.join(dir, 'tree', 'link.md')).isSymbolicLink());
      assert.equal(fs.readFileSync(path.join(dir, 'outside', 'o.md'), 'utf8'), BROKEN_DRAFT);
    }
  });
});

describe('--fix never overwrites a change made after the read', () => {
  test('an append between read and write is kept and the fix is refused', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'story.md');
    fs.writeFileSync(file, BROKEN_DRAFT);
    const read = readDraftFile(file, 'story.md');
    assert.ok(read.ok && read.stamp);
    // Another writer (an editor, a sync client) appends while the fix is being worked out.
    fs.appendFileSync(file, '\nA late paragraph from the desk.\n');
    const outcome = writeFixedDraft(file, CLEAN_DRAFT, read.stamp, [dir]);
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.message, /changed on disk after it was read; the fix was not written, so the change is kept/);
    assert.equal(fs.readFileSync(file, 'utf8'), BROKEN_DRAFT + '\nA late paragraph from the desk.\n');
    assert.deepEqual(fs.readdirSync(dir), ['story.md'], 'no temp file is left behind');
  });

  test('a real concurrent append while --fix runs is never lost', async () => {
    const dir = tempFolder();
    const file = path.join(dir, 'story.md');
    const paragraph = 'Officials from the OSCE met on Monday to discuss the budget, a spokesman said.\n\n';
    fs.writeFileSync(file, BROKEN_DRAFT + '\n' + paragraph.repeat(12_000));
    const child = spawn(process.execPath, [LAUNCHER, '--fix', '-q', 'story.md'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The other writer strikes the moment the fix's temp file appears: between read and rename.
    let appended = false;
    const watcher = fs.watch(dir, (_event, name) => {
      if (appended || !String(name).includes('.copydesk-')) return;
      appended = true;
      fs.appendFileSync(file, 'A late paragraph from the desk.\n');
    });
    const code = await exited;
    // On a busy machine the temp file's event may be delivered after the exit: wait for it (the append then lands on the fixed file).
    for (let waited = 0; !appended && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    watcher.close();
    assert.ok(appended, 'the fix wrote a temp file');
    assert.ok(fs.readFileSync(file, 'utf8').endsWith('A late paragraph from the desk.\n'), 'the append survives');
    if (code === 2) assert.match(stderr, /story\.md: not fixed: it changed on disk after it was read/);
    else assert.equal(code, 0, stderr);
  });

  test('a same-size edit with the old mtime restored is still caught (content hash)', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'story.md');
    fs.writeFileSync(file, BROKEN_DRAFT);
    const read = readDraftFile(file, 'story.md');
    assert.ok(read.ok && read.stamp);
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, BROKEN_DRAFT.replace('Police', 'Judges'));
    fs.utimesSync(file, atime, mtime);
    const outcome = writeFixedDraft(file, CLEAN_DRAFT, read.stamp, [dir]);
    assert.equal(outcome.ok, false);
    assert.ok(fs.readFileSync(file, 'utf8').startsWith('Judges'));
  });

  test('an unchanged file is written', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'story.md');
    fs.writeFileSync(file, BROKEN_DRAFT);
    const read = readDraftFile(file, 'story.md');
    assert.ok(read.ok && read.stamp);
    assert.deepEqual(writeFixedDraft(file, CLEAN_DRAFT, read.stamp, [dir]), { ok: true });
    assert.equal(fs.readFileSync(file, 'utf8'), CLEAN_DRAFT);
  });
});

describe('UTF-16 drafts', () => {
  const encodings = [
    { name: 'UTF-16LE', encode: (text: string) => Buffer.from('\ufeff' + text, 'utf16le') },
    { name: 'UTF-16BE', encode: (text: string) => Buffer.from('\ufeff' + text, 'utf16le').swap16() },
  ];
  for (const { name, encode } of encodings) {
    test(`a ${name} draft with a BOM is linted like UTF-8 and fixed in ${name}`, () => {
      const dir = tempFolder();
      writeFiles(dir, { 'story.md': encode(BROKEN_DRAFT), 'same.md': BROKEN_DRAFT });
      const lint = runCopydesk(['--format', 'json', 'story.md', 'same.md'], { cwd: dir });
      const [utf16, utf8] = JSON.parse(lint.stdout) as { messages: { line: number; column: number; ruleId: string }[] }[];
      assert.ok(utf8.messages.length > 0);
      assert.deepEqual(utf16.messages.map((m) => [m.line, m.column, m.ruleId]), utf8.messages.map((m) => [m.line, m.column, m.ruleId]));
      const fix = runCopydesk(['--fix', 'story.md'], { cwd: dir });
      assert.equal(fix.status, 0, fix.stderr);
      assert.ok(fs.readFileSync(path.join(dir, 'story.md')).equals(encode(CLEAN_DRAFT)), 'encoding and BOM kept');
    });
  }

  test('broken UTF-16 is named as UTF-16, not "binary"', () => {
    const dir = tempFolder();
    writeFiles(dir, { 'story.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41])]) });
    const run = runCopydesk(['story.md'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /story\.md: starts with a UTF-16LE byte-order mark but is not valid UTF-16LE; re-save the file as UTF-8/);
    assert.doesNotMatch(run.stderr, /binary/);
  });
});

test('an unreadable subfolder is reported on stderr, not skipped silently', () => {
  const dir = tempFolder();
  writeFiles(dir, { 'desk/ok.md': CLEAN_DRAFT, 'desk/locked/hidden.md': CLEAN_DRAFT });
  fs.chmodSync(path.join(dir, 'desk', 'locked'), 0o000);
  try {
    // root reads any folder; the CLI then runs as an unprivileged user so the permission holds.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chmodSync(dir, 0o755);
    for (const target of ['desk', 'desk/**/*.md']) {
      const result = spawnSync(process.execPath, [LAUNCHER, target], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /copydesk: warning: .*desk\/locked: folder could not be read \(EACCES\); its drafts were not checked/, target);
    }
  } finally {
    fs.chmodSync(path.join(dir, 'desk', 'locked'), 0o755);
  }
});
