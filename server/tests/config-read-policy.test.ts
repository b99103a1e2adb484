// What a style may make Copydesk read (issue 7, item 5): extends reaches only style files in the
// project, its parent folders or beside --config, and no error ever quotes a file that is not a style.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigResolver, checkConfigText, type ConfigResult } from '../src/config/index.js';
import { CLEAN_DRAFT, runCopydesk } from './cli-harness.js';

const SECRET = 'S3CRET-TOKEN-9f8e7d';
const tempRoots: string[] = [];
after(() => {
  for (const root of tempRoots) fs.rmSync(root, { recursive: true, force: true });
});

/** A machine: `project/` (the workspace) and `elsewhere/` (secrets outside it), side by side. */
function machine(project: Record<string, string>): { base: string; project: string; elsewhere: string } {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-policy-')));
  tempRoots.push(base);
  const files: Record<string, string> = {
    'elsewhere/secret.yaml': `rules:\n  numbers: error\napi_key: ${SECRET}\n`,
    'elsewhere/style.yaml': 'rules:\n  numbers: error\n',
    'elsewhere/environ': `TOKEN=${SECRET}\n`,
    ...Object.fromEntries(Object.entries(project).map(([name, text]) => [`project/${name}`, text])),
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(base, name)), { recursive: true });
    fs.writeFileSync(path.join(base, name), text);
  }
  return { base, project: path.join(base, 'project'), elsewhere: path.join(base, 'elsewhere') };
}

function errorsOf(result: ConfigResult): string[] {
  assert.ok(!result.ok, 'expected the style to be refused');
  const lines = result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`);
  for (const line of lines) assert.ok(!line.includes(SECRET) && !line.includes('api_key') && !line.includes('TOKEN='), `an error quotes the file: ${line}`);
  return lines;
}

function resolve(project: string, options: { untrusted?: boolean } = {}): ConfigResult {
  return new ConfigResolver({ roots: [project], ...options }).forFile(path.join(project, 'story.md'));
}

test('extends of a file outside the project is refused by path, before it is read', () => {
  const m = machine({ '.copydesk.yaml': 'extends: ../elsewhere/style.yaml\n' });
  const [line] = errorsOf(resolve(m.project));
  assert.match(line, /\.copydesk\.yaml:1:10: cannot extend "\.\.\/elsewhere\/style\.yaml": .*elsewhere\/style\.yaml is outside the places a style may be read from/);
});

test('extends of an absolute non-YAML path (/etc/passwd, /proc/self/environ, .env) names the path only', () => {
  const targets = [path.join('..', 'elsewhere', 'environ'), '.env', '/proc/self/environ', '/etc/passwd'];
  for (const target of targets) {
    const m = machine({ '.copydesk.yaml': `extends: ${target}\n`, '.env': `TOKEN=${SECRET}\n` });
    if (!fs.existsSync(path.resolve(m.project, target))) continue; // /proc or /etc absent on this system
    const [line] = errorsOf(resolve(m.project));
    assert.match(line, /cannot extend .* is not a style file; extends takes a \.yaml or \.yml style file/, line);
  }
});

test('a YAML file in the project that is not a style is named without its keys or values', () => {
  const m = machine({
    '.copydesk.yaml': 'extends: config/secrets.yaml\n',
    'config/secrets.yaml': `database:\n  password: ${SECRET}\n`,
  });
  const [line] = errorsOf(resolve(m.project));
  assert.match(line, /config\/secrets\.yaml:1:1: this file is not a Copydesk style file: it has a key that is not a style key/);
});

test('broken YAML in a non-style file is told by its position and yaml error code only', () => {
  const m = machine({ '.copydesk.yaml': 'extends: notes.yml\n', 'notes.yml': `key: !${SECRET} value\n  bad: "\\q${SECRET}"\n` });
  const [line] = errorsOf(resolve(m.project));
  assert.match(line, /notes\.yml:\d+:\d+: this file is not a Copydesk style file: it is not valid YAML \([a-z ]+\)/);
});

test('a link inside the project that points out of it is refused: extends target and .copydesk.yaml alike', () => {
  const m = machine({ 'desk/.copydesk.yaml': 'extends: ../house.yaml\n' });
  fs.symlinkSync(path.join(m.elsewhere, 'secret.yaml'), path.join(m.project, 'house.yaml'));
  const fromDesk = new ConfigResolver({ roots: [m.project] }).forFile(path.join(m.project, 'desk', 'x.md'));
  assert.match(errorsOf(fromDesk)[0], /house\.yaml \(a link to .*elsewhere\/secret\.yaml\) is outside/);
  fs.symlinkSync(path.join(m.elsewhere, 'environ'), path.join(m.project, '.copydesk.yaml'));
  const [line] = errorsOf(resolve(m.project));
  assert.match(line, /\.copydesk\.yaml is a link to .*elsewhere\/environ, which is not a style file/);
});

test('a style file in a parent folder may be extended; one in a parent\'s other subfolder may not', () => {
  const m = machine({ '.copydesk.yaml': 'extends: ../house.yaml\n' });
  fs.writeFileSync(path.join(m.base, 'house.yaml'), 'rules:\n  numbers: error\n');
  const result = resolve(m.project);
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.value.config.rules.numbers.severity, 'error');
});

test('--config names a file anywhere; its neighbours may be extended, a non-style --config is not quoted', () => {
  const m = machine({});
  fs.writeFileSync(path.join(m.elsewhere, 'main.yaml'), 'extends: ./style.yaml\n');
  const ok = new ConfigResolver({ configPath: path.join(m.elsewhere, 'main.yaml'), roots: [m.project] }).forFile(path.join(m.project, 'x.md'));
  assert.ok(ok.ok, JSON.stringify(ok));
  assert.equal(ok.value.config.rules.numbers.severity, 'error');
  const bad = new ConfigResolver({ configPath: path.join(m.elsewhere, 'environ'), roots: [m.project] }).forFile(path.join(m.project, 'x.md'));
  assert.match(errorsOf(bad)[0], /environ:1:1: this file is not a Copydesk style file/);
});

test('a folder of YAML that is not a Vale style is refused without quoting it', () => {
  const m = machine({
    '.copydesk.yaml': 'extends: ./deploy\n',
    'deploy/ci.yml': `on: push\nenv:\n  TOKEN: ${SECRET}\n`,
  });
  const [line] = errorsOf(resolve(m.project));
  assert.match(line, /deploy is not a Vale style folder: ci\.yml is not a Vale rule/);
});

test('an untrusted workspace reads nothing outside it: no parent config, no parent style', () => {
  const m = machine({ '.copydesk.yaml': 'extends: ../house.yaml\n', 'desk/.copydesk.yaml': 'rules:\n  headline: info\n' });
  fs.writeFileSync(path.join(m.base, 'house.yaml'), 'rules:\n  numbers: error\n');
  fs.writeFileSync(path.join(m.base, '.copydesk.yaml'), 'rules:\n  dateline: off\n');
  const [line] = errorsOf(resolve(m.project, { untrusted: true }));
  assert.match(line, /house\.yaml is outside the places a style may be read from; style files are read only inside the workspace \(it is not trusted\)/);
  const inner = new ConfigResolver({ roots: [path.join(m.project, 'desk')], untrusted: true }).forFile(path.join(m.project, 'desk', 'x.md'));
  assert.ok(inner.ok);
  assert.deepEqual(inner.value.files, [path.join(m.project, 'desk', '.copydesk.yaml')], 'configs above the workspace are not read');
  const trusted = new ConfigResolver({ roots: [path.join(m.project, 'desk')] }).forFile(path.join(m.project, 'desk', 'x.md'));
  assert.ok(trusted.ok);
  assert.equal(trusted.value.files.length, 4, 'a trusted workspace reads the configs above it and what they extend');
});

test('the editor check of an unsaved config never quotes an extended non-style file', () => {
  const m = machine({ 'config/secrets.yaml': `password: ${SECRET}\n` });
  const errors = checkConfigText('extends: config/secrets.yaml\n', path.join(m.project, '.copydesk.yaml'));
  assert.equal(errors.length, 1);
  assert.ok(!errors[0].message.includes(SECRET) && !errors[0].message.includes('password'), errors[0].message);
  assert.match(errors[0].message, /the extended style has an error: .*secrets\.yaml:1:1: this file is not a Copydesk style file/);
});

test('the CLI prints no byte of a secret file a style tries to extend, and checks no draft', () => {
  const m = machine({ 'story.md': CLEAN_DRAFT });
  for (const target of ['../elsewhere/secret.yaml', '../elsewhere/environ', 'inner.yaml']) {
    fs.writeFileSync(path.join(m.project, 'inner.yaml'), `token: ${SECRET}\n`);
    fs.writeFileSync(path.join(m.project, '.copydesk.yaml'), `extends: ${target}\n`);
    const run = runCopydesk(['story.md'], { cwd: m.project });
    assert.equal(run.status, 2, run.stderr);
    assert.ok(!run.stderr.includes(SECRET) && !run.stdout.includes(SECRET), run.stderr);
    assert.match(run.stderr, /no draft was checked/);
  }
  const explicit = runCopydesk(['--config', '../elsewhere/environ', 'story.md'], { cwd: m.project });
  assert.equal(explicit.status, 2);
  assert.ok(!explicit.stderr.includes(SECRET), explicit.stderr);
  assert.match(explicit.stderr, /environ:1:1: this file is not a Copydesk style file/);
});
