// The maintainer commands as the CLI runs them: which argv names one, and stdout, stderr and
// exit code for real styles in temp folders (config errors, unknown rules, failing examples).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigResolver } from '../src/config/index.js';
import { defaultRuleDocsDir, maintainerCommandOf, runMaintainerCommand, starterConfig, type MaintainerCommand } from '../src/cli/maintainer/index.js';
import { REPO_ROOT } from './support/paths.js';

const tempRoots: string[] = [];
after(() => {
  for (const root of tempRoots) fs.rmSync(root, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-maintainer-cli-'));
  tempRoots.push(root);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(root, name), content);
  return root;
}

function run(command: MaintainerCommand, cwd: string, json = false) {
  return runMaintainerCommand(command, { cwd, resolver: new ConfigResolver(), json });
}

test('argv names a maintainer command by its first word, or --init; anything else is a draft path', () => {
  assert.deepEqual(maintainerCommandOf(['rules'], false), { ok: true, command: { name: 'rules' } });
  assert.deepEqual(maintainerCommandOf(['explain', 'dateline'], false), { ok: true, command: { name: 'explain', rule: 'dateline' } });
  assert.deepEqual(maintainerCommandOf(['test-rules'], false), { ok: true, command: { name: 'test-rules' } });
  assert.deepEqual(maintainerCommandOf([], true), { ok: true, command: { name: 'init' } });
  assert.deepEqual(maintainerCommandOf(['drafts/', 'rules'], false), { ok: true, command: null });
  assert.deepEqual(maintainerCommandOf(['./rules'], false), { ok: true, command: null });
  assert.deepEqual(maintainerCommandOf([], false), { ok: true, command: null });
  assert.equal(maintainerCommandOf(['explain'], false).ok, false);
  assert.deepEqual(maintainerCommandOf(['rules', 'story.md'], false), {
    ok: false,
    message: 'rules takes no paths; it reads the style of the current folder (or --config FILE). Remove "story.md"',
  });
  assert.equal(maintainerCommandOf(['story.md'], true).ok, false);
});

test('the default docs folder is the repository\'s docs/rules', () => {
  assert.equal(defaultRuleDocsDir(), path.join(REPO_ROOT, 'docs', 'rules'));
  const out = run({ name: 'explain', rule: 'residue' }, folderWith({}));
  assert.equal(out.exitCode, 0);
  assert.match(out.stdout, /\n## Why\n/);
});

test('a broken style stops every command but --init with its errors at line:column and exit 2', () => {
  const cwd = folderWith({ '.copydesk.yaml': 'rules:\n  datline: error\n' });
  for (const command of [{ name: 'rules' }, { name: 'explain', rule: 'dateline' }, { name: 'test-rules' }] as const) {
    const out = run(command, cwd);
    assert.equal(out.exitCode, 2, command.name);
    assert.equal(out.stdout, '');
    assert.equal(
      out.stderr,
      `${path.join(cwd, '.copydesk.yaml')}:2:3: unknown rule "datline"; did you mean "dateline"? Run "copydesk rules" for the list.\n` +
        'copydesk: the style configuration has errors; fix them and run again\n',
    );
  }
});

test('rules prints the list, or JSON for --format json; explain of an unknown id suggests one and exits 2', () => {
  const cwd = folderWith({ '.copydesk.yaml': 'rules:\n  numbers: off\n' });
  const text = run({ name: 'rules' }, cwd);
  assert.equal(text.exitCode, 0);
  assert.match(text.stdout, /^RULE +SEVERITY +FIX +SET IN +WHAT IT CHECKS\n/);
  const json = JSON.parse(run({ name: 'rules' }, cwd, true).stdout) as { rules: { id: string; severity: string }[] };
  assert.equal(json.rules.find((r) => r.id === 'numbers')?.severity, 'off');
  const unknown = run({ name: 'explain', rule: 'quote-balence' }, cwd);
  assert.deepEqual(unknown, { stdout: '', stderr: 'copydesk: unknown rule "quote-balence"; did you mean "quote-balance"? Run "copydesk rules" for the list.\n', exitCode: 2 });
});

test('test-rules exits 1 when an example fails and 0 when all hold', () => {
  const rule = (fail: string) => `custom:\n  - id: house.x\n    type: existence\n    words: [arguably]\n    tests: { fail: ["${fail}"] }\n`;
  const failing = run({ name: 'test-rules' }, folderWith({ '.copydesk.yaml': rule('Nothing here.') }));
  assert.equal(failing.exitCode, 1);
  assert.match(failing.stdout, /✗ fail: "Nothing here\." was not reported/);
  const passing = run({ name: 'test-rules' }, folderWith({ '.copydesk.yaml': rule('Arguably so.') }));
  assert.equal(passing.exitCode, 0);
  assert.match(passing.stdout, /1 example in 1 rule: 1 passed, 0 failed\./);
});

test('--init writes the starter into the current folder once, then refuses with exit 2', () => {
  const cwd = folderWith({});
  const first = run({ name: 'init' }, cwd);
  assert.equal(first.exitCode, 0);
  assert.match(first.stdout, /^wrote .*\.copydesk\.yaml: a starter house style\./);
  assert.equal(fs.readFileSync(path.join(cwd, '.copydesk.yaml'), 'utf8'), starterConfig());
  const second = run({ name: 'init' }, cwd);
  assert.equal(second.exitCode, 2);
  assert.match(second.stderr, /^copydesk: .*\.copydesk\.yaml already exists; Copydesk will not overwrite it\./);
  // The written starter is a working style: the list reads it.
  assert.match(run({ name: 'rules' }, cwd).stdout, /headline +warning +yes +.*\.copydesk\.yaml/);
});
