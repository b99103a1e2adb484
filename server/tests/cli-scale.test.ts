// Options for big runs: --jobs (same report however the work is split), --cache (reuse, and
// invalidation on a draft, style or version change, a corrupt or foreign file), --baseline
// (only new problems fail, also after lines move), and the progress line on a terminal only.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, type CliIo } from '../src/cli/main.js';
import { LintResultCache } from '../src/cli/cache.js';
import { lintThreads } from '../src/cli/run-lint.js';
import { runCopydesk, makeTempFolder, writeFiles, CLEAN_DRAFT, BROKEN_DRAFT, WARNING_DRAFT } from './cli-harness.js';

/** A tree of drafts, some broken, in several folders. */
function manyDrafts(dir: string, count: number): void {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`desk-${i % 4}/story-${String(i).padStart(3, '0')}.md`] = [CLEAN_DRAFT, BROKEN_DRAFT, WARNING_DRAFT][i % 3];
  writeFiles(dir, files);
}

describe('copydesk --jobs', () => {
  test('worker threads give the same report, byte for byte, as one thread, in every format', () => {
    const dir = makeTempFolder();
    manyDrafts(dir, 30);
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const one = runCopydesk(['--jobs', '1', '-f', format], { cwd: dir });
      const three = runCopydesk(['--jobs', '3', '-f', format], { cwd: dir });
      assert.equal(one.status, 1, one.stderr);
      assert.equal(three.status, one.status, three.stderr);
      assert.equal(three.stdout, one.stdout, format);
      assert.ok(one.stdout.length > 0);
    }
  });

  test('--fix in worker threads fixes every draft', () => {
    const dir = makeTempFolder();
    manyDrafts(dir, 12);
    const run = runCopydesk(['--jobs', '2', '--fix'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'desk-1', 'story-001.md'), 'utf8'), CLEAN_DRAFT);
  });

  test('the default uses workers only when there are enough drafts to pay for them', () => {
    assert.equal(lintThreads(10, null, 8), 1);
    assert.equal(lintThreads(400, null, 8), 1);
    assert.equal(lintThreads(500, null, 8), 2);
    assert.equal(lintThreads(20000, null, 8), 8);
    assert.equal(lintThreads(5, 4, 8), 4, 'an explicit --jobs is obeyed');
    assert.equal(lintThreads(3, 4, 8), 3, 'never more threads than drafts');
    assert.equal(lintThreads(500, 1, 8), 1, '--jobs 1 stays in one thread');
  });

  test('the default is every available core, whatever the load', () => {
    assert.equal(lintThreads(20000, null, 2), 2);
    assert.equal(lintThreads(20000, null, 8), 8);
    assert.equal(lintThreads(20000, 2, 8), 2, 'an explicit --jobs is obeyed');
  });

  test('a bad --jobs is a usage error', () => {
    const run = runCopydesk(['--jobs', '0'], { cwd: makeTempFolder() });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'copydesk: --jobs needs a whole number of 1 or more, not "0"\n');
  });
});

/** The cache's entries: draft name -> key, read through the same class the CLI uses. */
function cacheKeys(dir: string, name = '.copydeskcache'): Record<string, string> {
  const text = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { entries: Record<string, { key: string }> };
  return Object.fromEntries(Object.entries(text.entries).map(([file, entry]) => [file, entry.key]));
}

describe('copydesk --cache', () => {
  test('reuses results for unchanged drafts, and is rebuilt on a draft, style or version change', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': BROKEN_DRAFT, 'b.md': CLEAN_DRAFT });
    const first = runCopydesk(['--cache', '-f', 'json'], { cwd: dir });
    assert.equal(first.status, 1);
    const keys = cacheKeys(dir);
    assert.deepEqual(Object.keys(keys), ['a.md', 'b.md']);

    // A cached result is used: plant a different message under a.md's key and see it reported.
    const cacheFile = path.join(dir, '.copydeskcache');
    const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    data.entries['a.md'].messages[0].message = 'FROM THE CACHE';
    fs.writeFileSync(cacheFile, JSON.stringify(data));
    assert.match(runCopydesk(['--cache'], { cwd: dir }).stdout, /FROM THE CACHE/);
    assert.doesNotMatch(runCopydesk([], { cwd: dir }).stdout, /FROM THE CACHE/, 'without --cache the cache is not read');

    // A changed draft gets a new key; the other keeps its own.
    writeFiles(dir, { 'b.md': WARNING_DRAFT });
    runCopydesk(['--cache'], { cwd: dir });
    const afterEdit = cacheKeys(dir);
    assert.equal(afterEdit['a.md'], keys['a.md']);
    assert.notEqual(afterEdit['b.md'], keys['b.md']);

    // A style change re-lints everything (and the planted message is gone).
    writeFiles(dir, { '.copydesk.yaml': 'rules:\n  acronym-first-use: off\n' });
    const restyled = runCopydesk(['--cache'], { cwd: dir });
    assert.doesNotMatch(restyled.stdout, /FROM THE CACHE|OSCE/);
    const afterStyle = cacheKeys(dir);
    assert.notEqual(afterStyle['a.md'], afterEdit['a.md']);

    // Another Copydesk version: nothing in the file is used.
    const versioned = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    versioned.version = '0.0.0-other';
    versioned.entries['a.md'].messages[0].message = 'FROM AN OLD VERSION';
    fs.writeFileSync(cacheFile, JSON.stringify(versioned));
    const run = runCopydesk(['--cache'], { cwd: dir });
    assert.doesNotMatch(run.stdout, /FROM AN OLD VERSION/);
    assert.equal(run.stderr, '');
    assert.notEqual(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).version, '0.0.0-other');
  });

  test('a corrupt or foreign cache file is ignored with a warning and rebuilt; no temp file is left', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': BROKEN_DRAFT });
    const expected = runCopydesk([], { cwd: dir }).stdout;
    for (const bad of ['{"format":"copydesk-cache","version":', '{"some":"other tool"}', '\u0000\u0001binary']) {
      writeFiles(dir, { 'cache.json': bad });
      const run = runCopydesk(['--cache', '--cache-location', 'cache.json'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.equal(run.stdout, expected);
      assert.match(run.stderr, /^copydesk: warning: the cache file cache\.json was not used \(.*\); it is being rebuilt\n$/);
      assert.ok(LintResultCache.open('cache.json', dir, JSON.parse(fs.readFileSync(path.join(dir, 'cache.json'), 'utf8')).version).rejected === null);
    }
    // A damaged entry (a message without a line) spoils the whole file.
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'cache.json'), 'utf8'));
    delete data.entries['a.md'].messages[0].line;
    fs.writeFileSync(path.join(dir, 'cache.json'), JSON.stringify(data));
    assert.match(runCopydesk(['--cache', '--cache-location', 'cache.json'], { cwd: dir }).stderr, /entry for a\.md is damaged/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'cache.json']);
  });

  test('--cache-location takes a folder; --cache-location without --cache is a usage error', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': CLEAN_DRAFT });
    assert.equal(runCopydesk(['--cache', '--cache-location', 'build/'], { cwd: dir }).status, 0);
    assert.ok(fs.existsSync(path.join(dir, 'build', '.copydeskcache')));
    const run = runCopydesk(['--cache-location', 'x'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'copydesk: --cache-location only applies with --cache\n');
  });
});

describe('copydesk --baseline', () => {
  test('known problems stay quiet after lines move; a new one fails; SARIF carries the same fingerprints', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': BROKEN_DRAFT });
    const written = runCopydesk(['--write-baseline', 'baseline.json'], { cwd: dir });
    assert.equal(written.status, 0, 'writing a baseline accepts what is there');
    assert.match(written.stderr, /copydesk: wrote 3 known problems to baseline\.json/);

    // Every line moves down by four (front matter on top): still known.
    const moved = `---\ndesk: world\nslot: 2\n---\n${BROKEN_DRAFT}`;
    writeFiles(dir, { 'a.md': moved });
    const quiet = runCopydesk(['--baseline', 'baseline.json'], { cwd: dir });
    assert.equal(quiet.status, 0, quiet.stdout);
    assert.equal(quiet.stdout, '');
    assert.equal(quiet.stderr, 'copydesk: 3 known problems in the baseline not reported\n');

    // A loaded attribution verb is new; only it is reported.
    writeFiles(dir, { 'a.md': `${moved}\n"The course will run again next year," the spokesman claimed.\n` });
    const fresh = runCopydesk(['--baseline', 'baseline.json', '-f', 'json'], { cwd: dir });
    const [entry] = JSON.parse(fresh.stdout) as { messages: { ruleId: string; message: string; fingerprint: string }[] }[];
    assert.deepEqual(entry.messages.map((m) => m.ruleId), ['attribution-verb']);
    assert.match(entry.messages[0].message, /claimed/);

    const sarif = JSON.parse(runCopydesk(['-f', 'sarif'], { cwd: dir }).stdout);
    const prints = sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['copydeskFingerprint/v1']);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')).files['a.md'];
    const known = Object.keys(baseline).map((k) => k.split(':')[1]);
    assert.equal(prints.length, 4);
    assert.deepEqual(prints.filter((p: string) => known.includes(p)).length, 3);
  });

  test('a missing or foreign baseline file is exit 2 with what to do', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': CLEAN_DRAFT, 'other.json': '{"x":1}' });
    const missing = runCopydesk(['--baseline', 'nope.json'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /baseline file not found: .*nope\.json; write one with --write-baseline/);
    const foreign = runCopydesk(['--baseline', 'other.json'], { cwd: dir });
    assert.equal(foreign.status, 2);
    assert.match(foreign.stderr, /other\.json is not a copydesk baseline/);
  });
});

/** Runs the CLI in this process with the terminal flags chosen by the test. */
async function runWithTerminal(dir: string, args: string[], stderrIsTTY: boolean): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    argv: args,
    cwd: dir,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    stderrIsTTY,
    writeStdout: (t) => void (stdout += t),
    writeStderr: (t) => void (stderr += t),
    readStdin: async () => new Uint8Array(),
  };
  const status = await runCli(io);
  return { status, stdout, stderr };
}

describe('copydesk progress line', () => {
  test('on a terminal: drafts, rate and ETA redrawn on stderr, wiped at the end; stdout untouched', async () => {
    const dir = makeTempFolder();
    manyDrafts(dir, 6);
    const plain = await runWithTerminal(dir, ['--jobs', '1'], false);
    assert.equal(plain.stderr, '', 'no progress when stderr is not a terminal');
    const tty = await runWithTerminal(dir, ['--jobs', '1'], true);
    assert.match(tty.stderr, /\r\x1b\[2Kcopydesk: 6\/6 drafts, \d+ drafts\/s, done/);
    assert.ok(tty.stderr.endsWith('\r\x1b[2K'), 'the line is wiped at the end');
    assert.equal(tty.stdout, plain.stdout);
    const off = await runWithTerminal(dir, ['--jobs', '1', '--no-progress'], true);
    assert.equal(off.stderr, '');
  });

  test('--progress asks for it off a terminal: plain lines, no control codes', async () => {
    const dir = makeTempFolder();
    manyDrafts(dir, 3);
    const run = await runWithTerminal(dir, ['--jobs', '1', '--progress'], false);
    assert.match(run.stderr, /^copydesk: 3\/3 drafts, \d+ drafts\/s, done\n$/m);
    assert.doesNotMatch(run.stderr, /\x1b/);
  });
});
