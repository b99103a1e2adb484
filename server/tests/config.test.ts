// The config layer's text checks: every error kind with its exact line:column and message,
// option defaults, implicit recommended, extends: none, "!ACR" removal and describeConfig.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfigText, describeConfig, recommendedConfig, resolveFromRaw } from '../src/config/index.js';
import type { ConfigError } from '../src/config/errors.js';
import { RULES } from '../src/rules/index.js';

const FILE = 'style.yaml';

/** "line:column message" for each error, the way a terminal shows them. */
function check(text: string): string[] {
  return checkConfigText(text, FILE).map((e) => `${e.line}:${e.column} ${e.message}`);
}

function only(text: string): ConfigError {
  const errors = checkConfigText(text, FILE);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  return errors[0];
}

test('an empty file and a comment-only file are valid empty configs', () => {
  assert.deepEqual(check(''), []);
  assert.deepEqual(check('# nothing yet\n'), []);
});

test('unknown rule suggests the nearest id and points at the key', () => {
  const e = only('rules:\n  datline: error\n');
  assert.equal(e.message, 'unknown rule "datline"; did you mean "dateline"? Run "copydesk rules" for the list.');
  assert.deepEqual([e.line, e.column, e.start, e.end], [2, 3, 9, 16]);
});

test('bad severity points at the value and suggests the full word', () => {
  assert.deepEqual(check('rules:\n  dateline: warn\n'), [
    '2:13 "rules.dateline" severity must be one of off, info, warning, error, got "warn"; did you mean "warning"?',
  ]);
});

test('option type, range and unknown option are each reported where they stand', () => {
  assert.deepEqual(check('rules:\n  quote-attribution: [warning, {minWords: five, neighbourhood: 9, colour: red}]\n'), [
    '2:43 "rules.quote-attribution" option "minWords" must be a number from 1 to 100, got "five"',
    '2:64 "rules.quote-attribution" option "neighbourhood" must be a number from 0 to 5, got 9',
    '2:67 unknown option "colour" for "rules.quote-attribution". Its options: minWords, neighbourhood, verbs. See "copydesk explain quote-attribution".',
  ]);
});

test('enum and boolean options are checked against the declared spec', () => {
  assert.deepEqual(check('rules:\n  quote-balance: [warning, {style: fancy}]\n  headline: [error, {allowAllCaps: maybe}]\n'), [
    '2:36 "rules.quote-balance" option "style" must be one of ' + enumOf('quote-balance', 'style') + ', got "fancy"',
    '3:36 "rules.headline" option "allowAllCaps" must be true or false, got "maybe"',
  ]);
});

function enumOf(rule: string, option: string): string {
  const spec = RULES.find((r) => r.id === rule)?.options[option];
  assert.ok(spec && spec.type === 'string' && spec.enum);
  return spec.enum.join(', ');
}

test('unknown top-level key suggests the nearest key', () => {
  assert.deepEqual(check('rulez:\n  dateline: off\n'), [
    '1:1 unknown key "rulez" in the config file; did you mean "rules"? Allowed keys: root, extends, rules, acronyms, dateline, terms, custom, ignores, gitignore.',
  ]);
});

test('a top level that is not a mapping is one clear error', () => {
  assert.deepEqual(check('- dateline\n- error\n'), ['1:1 the top level of a config file must be a mapping of keys such as "rules:" and "acronyms:", got a list']);
});

test('YAML syntax errors carry the parser position', () => {
  assert.deepEqual(check('rules:\n  dateline: error\n bad: x\n'), [
    '3:1 YAML syntax error: All mapping items must start at the same column; check the indentation, colons and quotes here',
  ]);
});

test('duplicate keys are reported at the second key', () => {
  assert.deepEqual(check('rules:\n  dateline: off\n  dateline: error\n'), [
    '3:3 duplicate key "dateline"; a key may appear once in each mapping, so merge the two entries',
  ]);
});

test('all errors of a file are collected, in order', () => {
  const lines = check('rules:\n  datline: error\n  numbers: loud\nacronyms:\n  dictionary:\n    usa: United States\n    OSCE: 42\ndateline:\n  region: sometimes\n');
  assert.deepEqual(lines.map((l) => l.split(' ')[0]), ['2:3', '3:12', '6:5', '7:11', '9:11']);
  assert.match(lines[2], /"usa" in acronyms.dictionary is not an acronym; an acronym is two or more letters/);
  assert.match(lines[3], /"acronyms.dictionary.OSCE" must be the expansion as text, or a list of accepted expansions .* got 42$/);
  assert.equal(lines[4], '9:11 "dateline.region" must be one of required, optional, got "sometimes"');
});

test('a bad dateline form reports the template compiler\'s reason at the value', () => {
  assert.deepEqual(check('dateline:\n  form: "{City}, {Region} -- "\n'), ['2:9 "dateline.form": unknown placeholder {City}; use {CITY}, {Region} and {Date}']);
});

test('bad extends values and unknown built-in styles', () => {
  assert.deepEqual(check('extends: copydesk:strict\n'), ['1:10 unknown built-in style "copydesk:strict"; the built-in style is "copydesk:recommended"']);
  assert.match(check('extends: [copydesk:recommended, 3]\n')[0], /^1:33 "extends" takes "copydesk:recommended", "none", a path/);
});

test('BOM and CRLF: positions are offsets into the original text', () => {
  const text = '\uFEFFroot: true\r\nrules:\r\n  datline: off\r\n';
  const e = only(text);
  assert.deepEqual([e.line, e.column], [3, 3]);
  assert.equal(text.slice(e.start, e.end), 'datline');
});

test('options are default-filled and a severity alone keeps inherited options', () => {
  const result = resolveFromRaw({ rules: { 'quote-attribution': 'error', numbers: ['info', { spellOutBelow: 5 }] } }, FILE);
  assert.ok(result.ok);
  const rules = result.value.config.rules;
  assert.equal(rules['quote-attribution'].severity, 'error');
  assert.equal(rules['quote-attribution'].options.minWords, 4, 'recommended option kept under a bare severity');
  assert.deepEqual(rules.numbers, { severity: 'info', options: { spellOutBelow: 5, allowStartingFigure: false, quotations: 'skip' } });
  assert.deepEqual(Object.keys(rules).sort(), RULES.map((r) => r.id).sort());
});

test('no extends builds on copydesk:recommended; extends: none starts from nothing', () => {
  const implicit = resolveFromRaw({}, FILE);
  assert.ok(implicit.ok);
  assert.deepEqual(implicit.value.config, recommendedConfig());
  const none = resolveFromRaw({ extends: 'none' }, FILE);
  assert.ok(none.ok);
  assert.ok(Object.values(none.value.config.rules).every((r) => r.severity === 'off'));
  assert.deepEqual(none.value.config.acronyms, { dictionary: {}, exempt: [] });
  assert.equal(none.value.config.dateline.form, recommendedConfig().dateline.form);
});

test('acronyms: dictionary merges per key, exempt is a union, "!ACR" removes an exemption', () => {
  const result = resolveFromRaw({ acronyms: { dictionary: { OSCE: ['OSCE long name', 'Alt'], KGB: 'State Security Committee' }, exempt: ['!NATO', 'GATT'] } }, FILE);
  assert.ok(result.ok);
  const { dictionary, exempt } = result.value.config.acronyms;
  assert.deepEqual(dictionary.OSCE, ['OSCE long name', 'Alt']);
  assert.deepEqual(dictionary.IMF, ['International Monetary Fund']);
  assert.equal(dictionary.KGB[0], 'State Security Committee');
  assert.ok(!exempt.includes('NATO') && exempt.includes('GATT') && exempt.includes('UN'));
});

test('recommendedConfig returns a fresh copy each time', () => {
  const a = recommendedConfig();
  a.rules.dateline.severity = 'off';
  assert.equal(recommendedConfig().rules.dateline.severity, 'error');
});

test('describeConfig marks each setting with its origin and is itself a valid config', () => {
  const result = resolveFromRaw({ rules: { numbers: 'warning' }, acronyms: { dictionary: { KGB: 'State Security Committee' } } }, 'house.yaml');
  assert.ok(result.ok);
  const text = describeConfig(result.value);
  assert.match(text, /^ {2}dateline: error {2}# from copydesk:recommended$/m);
  assert.match(text, /^ {4}- warning {2}# from house\.yaml$/m);
  assert.match(text, /^ {4}- spellOutBelow: 10 {2}# default$/m);
  assert.match(text, /^ {4}KGB: State Security Committee {2}# from house\.yaml$/m);
  assert.match(text, /^ {2}form: "\{CITY\}, \{Region\} -- " {2}# from copydesk:recommended$/m);
  assert.deepEqual(checkConfigText(text, FILE), []);
});

test('custom rules: missing fields and bad RE2 patterns are config errors', () => {
  const lines = check('custom:\n  - id: House.Bad\n    type: existence\n    message: "No %s"\n    patterns: ["(unclosed"]\n  - type: substitution\n');
  assert.match(lines[0], /^5:16 a pattern of custom rule "House.Bad" is not a valid RE2 pattern/);
  assert.ok(lines.some((l) => l.startsWith('6:5 custom rule 2 has no "id:"')), lines.join('\n'));
});
