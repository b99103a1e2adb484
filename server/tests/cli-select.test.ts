// Which drafts a run checks: default ignores, .copydeskignore, --ignore, '!GLOB', a style's
// ignores: and gitignore: true, --changed-since in a temp git repository, and --shard.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runCopydesk, makeTempFolder, writeFiles, CLEAN_DRAFT, BROKEN_DRAFT } from './cli-harness.js';

interface JsonEntry {
  filePath: string;
}

/** The drafts a run checked, relative to `dir`, sorted, with '/' separators. */
function checked(dir: string, args: readonly string[]): string[] {
  const run = runCopydesk(['--format', 'json', ...args], { cwd: dir });
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as JsonEntry[]).map((e) => path.relative(dir, e.filePath).split(path.sep).join('/')).sort();
}

const TREE = {
  'desk/a.md': CLEAN_DRAFT,
  'desk/b.md': CLEAN_DRAFT,
  'desk/archive/old.md': CLEAN_DRAFT,
  'desk/archive/keep.md': CLEAN_DRAFT,
  'wire/c.txt': CLEAN_DRAFT,
  'README.md': '# Our desk\n',
  'CHANGELOG.md': '# Changes\n',
  'docs/how-we-work.md': '# How we work\n',
  'node_modules/pkg/readme.md': 'x\n',
  '.git/notes.md': 'x\n',
};

describe('copydesk: ignoring drafts', () => {
  test('with no paths: README, CHANGELOG, docs/, node_modules and dot-folders are left out', () => {
    const dir = makeTempFolder();
    writeFiles(dir, TREE);
    assert.deepEqual(checked(dir, []), ['desk/a.md', 'desk/archive/keep.md', 'desk/archive/old.md', 'desk/b.md', 'wire/c.txt']);
    // Named on the command line, a README is checked; so are the drafts of a folder named.
    assert.deepEqual(checked(dir, ['README.md']), ['README.md']);
    assert.deepEqual(checked(dir, ['docs']), ['docs/how-we-work.md']);
    assert.deepEqual(checked(dir, ['docs/**']), ['docs/how-we-work.md']);
    assert.deepEqual(checked(dir, ['**/*.md']), ['desk/a.md', 'desk/archive/keep.md', 'desk/archive/old.md', 'desk/b.md']);
  });

  test('.copydeskignore in gitignore syntax, with "!" to bring a file back, applies to named files too', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { ...TREE, '.copydeskignore': '# not for the desk\ndesk/archive/*\n!desk/archive/keep.md\n*.txt\n!README.md\n' });
    assert.deepEqual(checked(dir, []), ['README.md', 'desk/a.md', 'desk/archive/keep.md', 'desk/b.md']);
    assert.deepEqual(checked(dir, ['desk/archive/old.md', 'desk/a.md']), ['desk/a.md']);
    const named = runCopydesk(['desk/archive/old.md'], { cwd: dir });
    assert.equal(named.status, 0);
    assert.match(named.stderr, /^copydesk: desk\/archive\/old\.md matches an ignore pattern .*; not checked\n$/);
  });

  test('--ignore PATTERN (repeatable) and "!GLOB" arguments leave drafts out', () => {
    const dir = makeTempFolder();
    writeFiles(dir, TREE);
    assert.deepEqual(checked(dir, ['--ignore', 'archive/', '--ignore', 'b.md']), ['desk/a.md', 'wire/c.txt']);
    assert.deepEqual(checked(dir, ['desk', '!desk/archive/**']), ['desk/a.md', 'desk/b.md']);
    assert.deepEqual(checked(dir, ['desk/**/*.md', '!**/old.md']), ['desk/a.md', 'desk/archive/keep.md', 'desk/b.md']);
  });

  test('a folder whose drafts are all ignored is not an error: nothing is checked', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { ...TREE, '.copydeskignore': 'desk/\nwire/\n' });
    const run = runCopydesk([], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
  });

  test('ignores: in .copydesk.yaml (relative to its folder) and gitignore: true', () => {
    const dir = makeTempFolder();
    writeFiles(dir, {
      ...TREE,
      'desk/.copydesk.yaml': 'ignores:\n  - archive/old.md\n',
      '.gitignore': 'wire/\n',
      'desk/.gitignore': 'b.md\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    assert.deepEqual(checked(dir, []), ['desk/a.md', 'desk/archive/keep.md', 'desk/b.md', 'wire/c.txt']);
    writeFiles(dir, { '.copydesk.yaml': 'gitignore: true\n' });
    assert.deepEqual(checked(dir, []), ['desk/a.md', 'desk/archive/keep.md']);
  });

  test('a bad ignores: or gitignore: value is a config error with its position', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': CLEAN_DRAFT, '.copydesk.yaml': 'ignores: archive/\ngitignore: yes please\n' });
    const run = runCopydesk(['a.md'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /\.copydesk\.yaml:1:10: "ignores" must be a list/);
    assert.match(run.stderr, /\.copydesk\.yaml:2:12: "gitignore" must be true/);
  });
});

function git(dir: string, ...args: string[]): void {
  const run = spawnSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

describe('copydesk --changed-since', () => {
  test('checks only drafts changed since the ref: edited, staged, new; not deleted or unchanged', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'same.md': CLEAN_DRAFT, 'edited.md': CLEAN_DRAFT, 'staged.md': CLEAN_DRAFT, 'gone.md': CLEAN_DRAFT });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'first');
    writeFiles(dir, { 'edited.md': BROKEN_DRAFT, 'staged.md': BROKEN_DRAFT, 'new.md': CLEAN_DRAFT });
    git(dir, 'add', 'staged.md');
    git(dir, 'rm', '-q', 'gone.md');
    assert.deepEqual(checked(dir, ['--changed-since', 'main']), ['edited.md', 'new.md', 'staged.md']);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'second');
    assert.deepEqual(checked(dir, ['--changed-since', 'HEAD~1']), ['edited.md', 'new.md', 'staged.md']);
    assert.deepEqual(checked(dir, ['--changed-since', 'HEAD']), []);
    const bad = runCopydesk(['--changed-since', 'no-such-branch'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^copydesk: --changed-since no-such-branch: git knows no commit by that name/);
  });

  test('outside a git repository it is a clear error, exit 2', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': CLEAN_DRAFT });
    const run = runCopydesk(['--changed-since', 'main'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^copydesk: --changed-since needs a git repository, and .* is not inside one; run it in a clone, or drop --changed-since\n$/);
  });
});

describe('copydesk --shard', () => {
  test('every draft lands in exactly one of N shards, the same on every run', () => {
    const dir = makeTempFolder();
    const files: Record<string, string> = {};
    for (let i = 0; i < 23; i++) files[`desk/${String.fromCharCode(97 + (i % 5))}/story-${i}.md`] = CLEAN_DRAFT;
    writeFiles(dir, files);
    const all = checked(dir, []);
    assert.equal(all.length, 23);
    for (const count of [1, 3, 4]) {
      const shards = Array.from({ length: count }, (_, i) => checked(dir, ['--shard', `${i + 1}/${count}`]));
      assert.deepEqual(shards.flat().sort(), all, `${count} shards cover every draft exactly once`);
      assert.ok(Math.max(...shards.map((s) => s.length)) - Math.min(...shards.map((s) => s.length)) <= 1, 'shards are balanced');
    }
    assert.deepEqual(checked(dir, ['--shard', '2/4']), checked(dir, ['--shard', '2/4']));
  });

  test('a malformed --shard is a usage error', () => {
    const dir = makeTempFolder();
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) {
      const run = runCopydesk(['--shard', bad], { cwd: dir });
      assert.equal(run.status, 2, bad);
      assert.match(run.stderr, /^copydesk: --shard needs I\/N with 1 <= I <= N, e\.g\. --shard 2\/4/);
    }
  });
});
