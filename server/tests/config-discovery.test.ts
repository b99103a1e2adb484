// The config file layer: discovery from a draft's folder upward (nearer wins, root: true),
// extends chains, cycles and missing files, unreadable and non-UTF-8 files, the mtime cache.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigResolver, checkConfigText, describeConfig, recommendedConfig, type ConfigResult } from '../src/config/index.js';

const tempRoots: string[] = [];
after(() => {
  for (const root of tempRoots) fs.rmSync(root, { recursive: true, force: true });
});

function tempTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-config-'));
  tempRoots.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

function loaded(result: ConfigResult) {
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
  return result.value;
}

function errorsOf(result: ConfigResult): string[] {
  assert.ok(!result.ok, 'expected config errors');
  return result.errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column} ${e.message}`);
}

test('a draft with no config file above it gets copydesk:recommended', () => {
  const root = tempTree({ 'desk/story.md': 'Headline\n' });
  const value = loaded(new ConfigResolver().forFile(path.join(root, 'desk', 'story.md')));
  assert.deepEqual(value.files, []);
  assert.deepEqual(value.config, recommendedConfig());
  assert.equal(value.origins['rules.dateline'], 'copydesk:recommended');
});

test('nearer config files override farther ones, setting by setting', () => {
  const root = tempTree({
    '.copydesk.yaml': 'rules:\n  numbers: warning\n  dateline: warning\nacronyms:\n  dictionary:\n    KGB: State Security Committee\n',
    'desk/.copydesk.yaml': 'rules:\n  numbers: error\nacronyms:\n  dictionary:\n    KGB: Committee for State Security\n',
  });
  const value = loaded(new ConfigResolver().forFile(path.join(root, 'desk', 'story.md')));
  assert.equal(value.config.rules.numbers.severity, 'error');
  assert.equal(value.config.rules.dateline.severity, 'warning', 'the farther file still counts where the nearer is silent');
  assert.deepEqual(value.config.acronyms.dictionary.KGB, ['Committee for State Security']);
  assert.deepEqual(value.files, [path.join(root, '.copydesk.yaml'), path.join(root, 'desk', '.copydesk.yaml')]);
  assert.equal(value.origins['rules.dateline'], path.join(root, '.copydesk.yaml'));
  assert.equal(value.origins['acronyms.dictionary.OSCE'], 'copydesk:recommended');
  // The built-in style applies once, beneath the farthest file, never over a farther file's choice.
  assert.equal(value.config.rules['acronym-first-use'].severity, 'warning');
});

test('root: true stops the upward search; .copydesk.yml is found too', () => {
  const root = tempTree({
    '.copydesk.yaml': 'rules:\n  numbers: [error, {spellOutBelow: 3}]\n',
    'desk/.copydesk.yml': 'root: true\nrules:\n  headline: info\n',
  });
  const value = loaded(new ConfigResolver().forFile(path.join(root, 'desk', 'story.md')));
  assert.notEqual(value.config.rules.numbers.options.spellOutBelow, 3, 'the file above the root is not read');
  assert.equal(value.config.rules.headline.severity, 'info');
  assert.deepEqual(value.files, [path.join(root, 'desk', '.copydesk.yml')]);
});

test('extends chains apply in order, relative to the file that names them', () => {
  const root = tempTree({
    'styles/base.yaml': 'rules:\n  numbers: info\n  headline: warning\n',
    'styles/wire.yaml': 'extends: ./base.yaml\nrules:\n  numbers: warning\n',
    'desk/.copydesk.yaml': 'extends: [../styles/wire.yaml]\nrules:\n  headline: error\n',
  });
  // styles/ is a sibling of desk/: readable because it lies inside the project root.
  const value = loaded(new ConfigResolver({ roots: [root] }).forFile(path.join(root, 'desk', 'a.md')));
  assert.equal(value.config.rules.numbers.severity, 'warning');
  assert.equal(value.config.rules.headline.severity, 'error');
  assert.equal(value.config.rules.dateline.severity, 'error', 'base.yaml has no extends, so it builds on copydesk:recommended');
  assert.deepEqual(value.files.map((f) => path.relative(root, f)), [path.join('styles', 'base.yaml'), path.join('styles', 'wire.yaml'), path.join('desk', '.copydesk.yaml')]);
});

test('an extends cycle and a missing extends file are errors at the extends value', () => {
  const root = tempTree({
    'a.yaml': 'extends: ./b.yaml\n',
    'b.yaml': 'rules:\n  numbers: off\nextends: ./a.yaml\n',
    'c/.copydesk.yaml': 'root: true\nextends:\n  - ./nowhere.yaml\n',
  });
  assert.deepEqual(errorsOf(new ConfigResolver({ configPath: path.join(root, 'a.yaml') }).forFile(path.join(root, 'x.md'))), [
    'b.yaml:3:10 extends cycle: a.yaml -> b.yaml -> a.yaml; remove one of these "extends" entries',
  ]);
  assert.deepEqual(errorsOf(new ConfigResolver().forFile(path.join(root, 'c', 'x.md'))), [
    `.copydesk.yaml:3:5 cannot extend "./nowhere.yaml": there is no file ${path.join(root, 'c', 'nowhere.yaml')}; the path is relative to this config file`,
  ]);
});

test('extends: none in a nearer file starts from nothing', () => {
  const root = tempTree({ '.copydesk.yaml': 'rules:\n  numbers: error\n', 'd/.copydesk.yaml': 'extends: none\nrules:\n  headline: info\n' });
  const value = loaded(new ConfigResolver().forFile(path.join(root, 'd', 'x.md')));
  assert.deepEqual(Object.entries(value.config.rules).filter(([, r]) => r.severity !== 'off').map(([id]) => id), ['headline']);
});

test('"!ACR" in a nearer file removes an exemption a farther file made', () => {
  const root = tempTree({ '.copydesk.yaml': 'acronyms:\n  exempt: [GATT, IMF]\n', 'd/.copydesk.yaml': 'acronyms:\n  exempt: ["!GATT", "!US"]\n' });
  const { exempt } = loaded(new ConfigResolver().forFile(path.join(root, 'd', 'x.md'))).config.acronyms;
  assert.ok(exempt.includes('IMF'));
  assert.ok(!exempt.includes('GATT') && !exempt.includes('US'));
});

test('the cache returns the same result until a file changes (mtime), and clearCache drops it', () => {
  const root = tempTree({ '.copydesk.yaml': 'rules:\n  numbers: warning\n' });
  const resolver = new ConfigResolver();
  const first = resolver.forFile(path.join(root, 'a.md'));
  assert.equal(resolver.forFile(path.join(root, 'b.md')), first, 'same files -> same result object');
  const file = path.join(root, '.copydesk.yaml');
  fs.writeFileSync(file, 'rules:\n  numbers: error\n');
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(file, later, later);
  assert.equal(loaded(resolver.forFile(path.join(root, 'a.md'))).config.rules.numbers.severity, 'error');
  const cached = resolver.forFile(path.join(root, 'a.md'));
  resolver.clearCache();
  assert.notEqual(resolver.forFile(path.join(root, 'a.md')), cached);
});

test('a change in an extended file is picked up too', () => {
  const root = tempTree({ 'base.yaml': 'rules:\n  numbers: info\n', '.copydesk.yaml': 'extends: ./base.yaml\n' });
  const resolver = new ConfigResolver();
  assert.equal(loaded(resolver.forFile(path.join(root, 'a.md'))).config.rules.numbers.severity, 'info');
  fs.writeFileSync(path.join(root, 'base.yaml'), 'rules:\n  numbers: error\n');
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(root, 'base.yaml'), later, later);
  assert.equal(loaded(resolver.forFile(path.join(root, 'a.md'))).config.rules.numbers.severity, 'error');
});

test('a non-UTF-8 file and an unreadable path are errors at 1:1', () => {
  const root = tempTree({ 'latin1/.copydesk.yaml': Buffer.from([0x72, 0x75, 0x6c, 0x65, 0x73, 0x3a, 0xe9, 0x0a]), 'dir.yaml/keep': '' });
  assert.deepEqual(errorsOf(new ConfigResolver().forFile(path.join(root, 'latin1', 'x.md'))), ['.copydesk.yaml:1:1 this config file is not UTF-8 text; save it with UTF-8 encoding']);
  assert.deepEqual(errorsOf(new ConfigResolver({ configPath: path.join(root, 'dir.yaml') }).forFile('x.md')), [
    'dir.yaml:1:1 config file not found; check the --config path or the copydesk.configPath setting',
  ]);
});

test('a BOM and CRLF file reads right and its errors point into the original text', () => {
  const text = '\uFEFFrules:\r\n  numbers: error\r\n  headlin: info\r\n';
  const root = tempTree({ '.copydesk.yaml': text });
  const [error] = (new ConfigResolver().forFile(path.join(root, 'x.md')) as { ok: false; errors: { line: number; column: number; start: number; end: number }[] }).errors;
  assert.deepEqual([error.line, error.column], [3, 3]);
  assert.equal(text.slice(error.start, error.end), 'headlin');
  fs.writeFileSync(path.join(root, '.copydesk.yaml'), '\uFEFFrules:\r\n  numbers: error\r\n');
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(root, '.copydesk.yaml'), later, later);
  assert.equal(loaded(new ConfigResolver().forFile(path.join(root, 'x.md'))).config.rules.numbers.severity, 'error');
});

test('checkConfigText shows an error inside an extended file on the extends entry', () => {
  const root = tempTree({ 'shared.yaml': 'rules:\n  numbrs: error\n' });
  const file = path.join(root, '.copydesk.yaml');
  const errors = checkConfigText('extends: ./shared.yaml\n', file);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].file, file);
  assert.deepEqual([errors[0].line, errors[0].column], [1, 10]);
  assert.match(errors[0].message, /^the extended style has an error: .*shared\.yaml:2:3: unknown rule "numbrs"; did you mean "numbers"\?/);
});

test('describeConfig names the file each setting came from', () => {
  const root = tempTree({ '.copydesk.yaml': 'rules:\n  numbers: [warning, {spellOutBelow: 5}]\n' });
  const text = describeConfig(loaded(new ConfigResolver().forFile(path.join(root, 'x.md'))));
  const file = path.join(root, '.copydesk.yaml');
  assert.ok(text.includes(`    - warning  # from ${file}\n    - spellOutBelow: 5  # from ${file}\n      allowStartingFigure: false  # default\n`), text);
});

test('a custom rule id under rules: sets its severity; an unknown id is still an error', () => {
  const custom = 'custom:\n  - id: house.hedging\n    type: existence\n    words: [arguably]\n';
  const root = tempTree({ 'base.yaml': custom, 'ok/.copydesk.yaml': 'extends: ../base.yaml\nrules:\n  house.hedging: off\n', 'bad/.copydesk.yaml': 'extends: ../base.yaml\nrules:\n  house.hedgin: off\n' });
  const value = loaded(new ConfigResolver().forFile(path.join(root, 'ok', 'x.md')));
  assert.equal(value.config.rules['house.hedging'].severity, 'off');
  assert.equal(value.config.custom?.[0].message, 'Avoid "%s".', 'a missing message gets the default for its type');
  assert.deepEqual(errorsOf(new ConfigResolver().forFile(path.join(root, 'bad', 'x.md'))), [
    '.copydesk.yaml:3:3 unknown rule "house.hedgin"; did you mean "house.hedging"? Run "copydesk rules" for the list.',
  ]);
});

test('extends may name a Vale style folder; unsupported Vale checks become warnings', () => {
  const root = tempTree({
    'House/Hedging.yml': 'extends: existence\nmessage: "Cut \'%s\'."\nlevel: warning\ntokens:\n  - arguably\n',
    'House/Repeats.yml': 'extends: sequence\nmessage: "Repeated"\ntokens: []\n',
    '.copydesk.yaml': 'extends: [copydesk:recommended, ./House]\n',
  });
  const value = loaded(new ConfigResolver().forFile(path.join(root, 'x.md')));
  assert.deepEqual(value.config.custom?.map((c) => c.id), ['House.Hedging']);
  assert.equal(value.warnings.length, 1);
  assert.match(value.warnings[0], /Repeats\.yml:1:10: House\.Repeats: Vale check type "sequence" is not supported/);
});
