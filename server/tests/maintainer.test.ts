// The maintainer commands on real styles built in temp folders: the rule list, explain,
// the --init starter (it must validate, examples included) and test-rules passing and failing.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigResolver, checkConfigText, type LoadedConfig } from '../src/config/index.js';
import { RULES } from '../src/rules/index.js';
import { explainRule, listRules, listRulesJson, ruleExamples as readRawCustomRules, runRuleTests, starterConfig, suggestRule, unknownRuleText, writeStarterConfig } from '../src/cli/maintainer/index.js';
import { CUSTOM_EXAMPLES_END, CUSTOM_EXAMPLES_START } from '../src/shared/starter.js';
import { REPO_ROOT } from './support/paths.js';

const DOCS_RULES = path.join(REPO_ROOT, 'docs', 'rules');
const tempRoots: string[] = [];
after(() => {
  for (const root of tempRoots) fs.rmSync(root, { recursive: true, force: true });
});

function tempTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-maintainer-'));
  tempRoots.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

function styleFor(root: string, draft = 'story.md'): LoadedConfig {
  const result = new ConfigResolver().forFile(path.join(root, draft));
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
  return result.value;
}

/** The listing's row for one rule, split on the column gaps. */
function rowOf(listing: string, id: string): string[] {
  const line = listing.split('\n').find((l) => l.startsWith(`${id} `));
  assert.ok(line, `no row for ${id} in:\n${listing}`);
  return line.split(/ {2,}/);
}

const DESK_STYLE = `rules:
  numbers: off
  headline: [error, { maxLength: 60 }]
custom:
  - id: house.spelling
    type: substitution
    message: "Use '%s' instead of '%s'."
    severity: error
    swap:
      per cent: percent
    tests:
      fail: ["Prices rose 5 per cent."]
      pass: ["Prices rose 5 percent."]
      fixed:
        - { text: "Prices rose 5 per cent.", output: "Prices rose 5 percent." }
  - id: house.hedging
    type: existence
    message: "Cut the hedge '%s'."
    words: [arguably]
    patterns: ['\\bvery \\w+est\\b']
`;

test('rules lists every built-in rule with copydesk:recommended as its source when there is no config file', () => {
  const root = tempTree({ 'story.md': 'Headline\n' });
  const listing = listRules(styleFor(root));
  for (const rule of RULES) {
    const row = rowOf(listing, rule.id);
    // The built-in style has the dateline at error and every other rule at warning.
    const severity = rule.id === 'dateline' ? 'error' : 'warning';
    assert.deepEqual(row.slice(1, 4), [severity, rule.fixable ? 'yes' : 'no', 'copydesk:recommended']);
    assert.equal(row[4], rule.description);
  }
  // Columns line up: every row's severity starts where the header's does.
  const lines = listing.split('\n').slice(0, RULES.length + 1);
  const severityColumn = lines[0].indexOf('SEVERITY');
  for (const line of lines.slice(1)) assert.match(line.slice(severityColumn), /^(error|warning|info|off) /);
  const n = RULES.length;
  assert.ok(listing.includes(`${n} rules (${n} built-in, 0 custom), ${n} on.`), listing);
});

test('rules shows the nearer file that set a severity, custom rules from YAML and an off rule', () => {
  const root = tempTree({ '.copydesk.yaml': DESK_STYLE, 'sport/.copydesk.yaml': 'rules:\n  house.spelling: info\n', 'sport/story.md': 'x\n' });
  const desk = path.join(root, '.copydesk.yaml');
  const sport = path.join(root, 'sport', '.copydesk.yaml');
  const listing = listRules(styleFor(root, 'sport/story.md'));
  assert.deepEqual(rowOf(listing, 'numbers').slice(1, 4), ['off', 'yes', desk]);
  assert.deepEqual(rowOf(listing, 'headline').slice(1, 4), ['error', 'yes', desk]);
  assert.deepEqual(rowOf(listing, 'dateline').slice(1, 4), ['error', 'yes', 'copydesk:recommended']);
  assert.deepEqual(rowOf(listing, 'house.spelling'), ['house.spelling', 'info', 'yes', sport, "substitution: Use '%s' instead of '%s'."]);
  assert.deepEqual(rowOf(listing, 'house.hedging'), ['house.hedging', 'warning', 'no', desk, "existence: Cut the hedge '%s'."]);
  // Every built-in rule and the two custom ones; numbers is off.
  const n = RULES.length;
  assert.ok(listing.includes(`${n + 2} rules (${n} built-in, 2 custom), ${n + 1} on.`), listing);
});

test('extends: none leaves built-in rules off by default, and the JSON listing says so', () => {
  const root = tempTree({ '.copydesk.yaml': 'extends: none\nrules:\n  residue: error\n' });
  const loaded = styleFor(root);
  assert.deepEqual(rowOf(listRules(loaded), 'headline').slice(1, 4), ['off', 'yes', 'default (off)']);
  const json = JSON.parse(listRulesJson(loaded)) as { rules: { id: string; severity: string; source: string; kind: string }[]; files: string[] };
  assert.equal(json.rules.length, RULES.length);
  assert.deepEqual(json.rules.find((r) => r.id === 'residue'), { ...json.rules.find((r) => r.id === 'residue'), severity: 'error', source: path.join(root, '.copydesk.yaml'), kind: 'built-in' });
  assert.equal(json.rules.find((r) => r.id === 'numbers')?.source, 'default (off)');
  assert.deepEqual(json.files, [path.join(root, '.copydesk.yaml')]);
});

test('explain gives a built-in rule its severities, options in force with their origin, docs link and page', () => {
  const root = tempTree({ '.copydesk.yaml': DESK_STYLE });
  const text = explainRule('headline', styleFor(root), DOCS_RULES);
  assert.ok(text);
  assert.match(text, /^headline \(built-in rule\)\n {2}Headlines in sentence case/);
  assert.match(text, /default severity: +warning\n/);
  assert.match(text, new RegExp(`severity in force: +error +\\(set in ${escape(path.join(root, '.copydesk.yaml'))}\\)`));
  assert.match(text, /maxLength \(number, 10 to 1000\)\n +Most characters a headline may have\.\n +default: 100\n +in force: 60 +\(set in /);
  assert.match(text, /allowAllCaps \(true or false\)\n.*\n +default: false\n +in force: false\n/);
  assert.match(text, /documentation: +docs\/rules\/headline\.md in the Copydesk package/);
  // The page's body follows, without its "# headline" title.
  assert.match(text, /\n## Why\n/);
  assert.doesNotMatch(text, /^# headline$/m);
  const withoutDocs = explainRule('headline', styleFor(root));
  assert.ok(withoutDocs && !withoutDocs.includes('## Why'));
});

test('explain describes a custom rule: type, message, words, patterns, source; unknown ids get a suggestion', () => {
  const root = tempTree({ '.copydesk.yaml': DESK_STYLE });
  const loaded = styleFor(root);
  const text = explainRule('house.hedging', loaded, DOCS_RULES);
  assert.ok(text);
  assert.match(text, /^house\.hedging \(custom existence rule\)\n {2}message: +Cut the hedge '%s'\.\n/);
  assert.match(text, /words: +\["arguably"\]/);
  assert.match(text, /patterns \(RE2\): +\["\\\\bvery \\\\w\+est\\\\b"\]/);
  assert.match(text, new RegExp(`defined in: +${escape(path.join(root, '.copydesk.yaml'))}`));
  assert.match(text, /fix: +no\n/);
  assert.match(explainRule('house.spelling', loaded) ?? '', /swap:\n {4}"per cent" -> "percent"/);
  assert.equal(explainRule('headlines', loaded, DOCS_RULES), null);
  assert.equal(suggestRule('headlines', loaded), 'headline');
  assert.equal(suggestRule('house.speling', loaded), 'house.spelling');
  assert.equal(suggestRule('zzz', loaded), undefined);
  assert.equal(unknownRuleText('datline', loaded), 'unknown rule "datline"; did you mean "dateline"? Run "copydesk rules" for the list.');
});

/** The starter with its example custom rules switched on, as its comment tells a maintainer to do. */
function withExamplesOn(starter: string): string {
  const start = starter.indexOf(CUSTOM_EXAMPLES_START);
  const end = starter.indexOf(CUSTOM_EXAMPLES_END);
  assert.ok(start > 0 && end > start);
  const block = starter.slice(start + CUSTOM_EXAMPLES_START.length, end).replace(/^# ?/gm, '');
  return starter.slice(0, start) + block + starter.slice(end + CUSTOM_EXAMPLES_END.length);
}

test('the starter config validates, names every rule and option, and resolves to each default', () => {
  const starter = starterConfig();
  const root = tempTree({});
  const file = path.join(root, '.copydesk.yaml');
  assert.deepEqual(checkConfigText(starter, file), []);
  for (const rule of RULES) {
    assert.ok(starter.includes(`\n  ${rule.id}:`), `starter lacks ${rule.id}`);
    for (const option of Object.keys(rule.options)) assert.match(starter, new RegExp(`^ {4}(- | {2})${option}:`, 'm'), `starter lacks ${rule.id}.${option}`);
  }
  fs.writeFileSync(file, starter);
  const loaded = styleFor(root);
  for (const rule of RULES) {
    const setting = loaded.config.rules[rule.id];
    assert.equal(setting.severity, rule.defaultSeverity, rule.id);
    for (const [name, spec] of Object.entries(rule.options)) assert.deepEqual(setting.options[name], spec.default, `${rule.id}.${name}`);
  }
  assert.deepEqual(loaded.config.custom, []);
});

test('the starter example custom rules validate once uncommented, one of each type, and pass their own tests', () => {
  const on = withExamplesOn(starterConfig());
  const root = tempTree({ '.copydesk.yaml': on });
  assert.deepEqual(checkConfigText(on, path.join(root, '.copydesk.yaml')), []);
  const loaded = styleFor(root);
  assert.deepEqual((loaded.config.custom ?? []).map((c) => c.kind).sort(), ['conditional', 'existence', 'substitution']);
  const run = runRuleTests(loaded, readRawCustomRules(loaded));
  assert.equal(run.failures, 0, run.output);
  assert.equal(run.total, 7);
});

test('--init writes the starter once and never overwrites a config file', () => {
  const root = tempTree({});
  const first = writeStarterConfig(root);
  assert.deepEqual([first.ok, first.exitCode, first.file], [true, 0, path.join(root, '.copydesk.yaml')]);
  assert.equal(fs.readFileSync(first.file, 'utf8'), starterConfig());
  assert.deepEqual(fs.readdirSync(root), ['.copydesk.yaml'], 'no temp file left behind');
  fs.writeFileSync(first.file, 'rules:\n  numbers: off\n');
  const again = writeStarterConfig(root);
  assert.deepEqual([again.ok, again.exitCode], [false, 2]);
  assert.equal(again.message, `${first.file} already exists; Copydesk will not overwrite it. Edit it, or move it away and run --init again.`);
  assert.equal(fs.readFileSync(first.file, 'utf8'), 'rules:\n  numbers: off\n');

  const yml = tempTree({ '.copydesk.yml': 'root: true\n' });
  const refused = writeStarterConfig(yml);
  assert.deepEqual([refused.ok, refused.exitCode, refused.file], [false, 2, path.join(yml, '.copydesk.yml')]);
  assert.deepEqual(fs.readdirSync(yml), ['.copydesk.yml']);

  const missing = writeStarterConfig(path.join(root, 'no-such-folder'));
  assert.deepEqual([missing.ok, missing.exitCode], [false, 2]);
  assert.match(missing.message, /there is no folder/);
});

test('test-rules passes a rule whose examples hold, with a check mark per example', () => {
  const root = tempTree({ '.copydesk.yaml': DESK_STYLE });
  const loaded = styleFor(root);
  const run = runRuleTests(loaded, readRawCustomRules(loaded));
  assert.equal(run.failures, 0);
  assert.equal(
    run.output,
    [
      `house.spelling (${path.join(root, '.copydesk.yaml')})`,
      `  ✓ fail: "Prices rose 5 per cent." -> Use 'percent' instead of 'per cent'.`,
      '  ✓ pass: "Prices rose 5 percent."',
      '  ✓ fixed: "Prices rose 5 per cent." -> "Prices rose 5 percent."',
      '',
      '3 examples in 1 rule: 3 passed, 0 failed.',
      '',
    ].join('\n'),
  );
});

test('test-rules fails a fail: text the rule misses, a pass: text it flags and a wrong fixed: output', () => {
  const style = `custom:
  - id: house.spelling
    type: substitution
    swap: { organization: organisation }
    tests:
      fail: ["The organisation met."]
      pass: ["The organization met."]
      fixed:
        - { text: "The organization met.", output: "The Organisation met." }
`;
  const root = tempTree({ '.copydesk.yaml': style });
  const loaded = styleFor(root);
  const run = runRuleTests(loaded, readRawCustomRules(loaded));
  assert.equal(run.failures, 3);
  assert.match(run.output, /✗ fail: "The organisation met\." was not reported; the rule should flag it/);
  assert.match(run.output, /✗ pass: "The organization met\." was reported: Use "organisation" instead of "organization"\. \(at "organization"\)/);
  assert.match(run.output, /✗ fixed: "The organization met\." -> "The Organisation met\.", but the fix gave "The organisation met\."/);
  assert.match(run.output, /3 examples in 1 rule: 0 passed, 3 failed\.\n$/);
});

test('test-rules runs only the rule under test, even one the desk turned off, and the nearer definition wins', () => {
  const farther = `custom:
  - id: house.hedging
    type: existence
    words: [arguably]
    tests: { fail: ["Arguably the best."] }
`;
  // The nearer file redefines the rule and switches it off; its own tests are the ones run.
  const nearer = `rules:
  house.hedging: off
custom:
  - id: house.hedging
    type: substitution
    swap: { perhaps: maybe }
    tests:
      fail: ["Perhaps ISIS won."]
      pass: ["Arguably ISIS won."]
      fixed:
        - { text: "Perhaps ISIS won 5 seats.", output: "Maybe ISIS won 5 seats." }
`;
  const root = tempTree({ '.copydesk.yaml': farther, 'desk/.copydesk.yaml': nearer });
  const loaded = styleFor(root, 'desk/story.md');
  const run = runRuleTests(loaded, readRawCustomRules(loaded));
  // The built-in terms and numbers rules would rewrite "ISIS" and "5"; only house.hedging runs.
  assert.equal(run.failures, 0, run.output);
  assert.equal(run.total, 3);
  assert.doesNotMatch(run.output, /Arguably the best/);
});

test('test-rules with no tests anywhere says how to add them; a Vale style folder is read without tests', () => {
  const root = tempTree({
    '.copydesk.yaml': 'extends: [copydesk:recommended, ./House]\n',
    'House/Hedge.yml': "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [arguably]\n",
  });
  const loaded = styleFor(root);
  assert.deepEqual((loaded.config.custom ?? []).map((c) => c.id), ['House.Hedge']);
  assert.deepEqual(readRawCustomRules(loaded), []);
  const run = runRuleTests(loaded, []);
  assert.deepEqual([run.failures, run.total], [0, 0]);
  assert.match(run.output, /^No custom rule has tests: to run\./);
  assert.match(listRules(loaded), /House\.Hedge +warning +no +.*House.*existence: Avoid '%s'\./);
});

function escape(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
