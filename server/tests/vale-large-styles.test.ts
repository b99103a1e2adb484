// Issue 7 item 8 in custom rules: 40,000 terms no longer crash with "Too many captures", and
// a regex swap key such as 'x[]()]' is a positioned config error or runs, never a crash.
// Also: a Vale control comment silences, and a Vale substitution offers every alternative.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfigText } from '../src/config/parse.js';
import { compileStyle } from '../src/runner/style.js';
import { lintText } from '../src/engine/lint.js';
import { readValeRule } from '../src/config/vale/rule.js';
import type { ResolvedConfig } from '../src/engine/types.js';
import type { CustomRuleSpec } from '../src/engine/custom-rules.js';

function configOf(custom: CustomRuleSpec[], terms: Record<string, string> = {}): ResolvedConfig {
  return { rules: {}, acronyms: { dictionary: {}, exempt: [] }, dateline: { form: '{CITY}, {Region} -- ', standalone: [], region: 'optional' }, terms, custom };
}

test('40,000 terms compile and match without a giant regex', () => {
  const terms: Record<string, string> = {};
  for (let i = 0; i < 40000; i++) terms[`zqterm${i} phrase`] = `house${i}`;
  terms.organization = 'organisation';
  const style = compileStyle(configOf([], terms));
  const text = '# Budget\n\nThe organization said ZQTERM39999   phrase was used.\n';
  const found = style.terms!.check(lintText(text, style).document).map((f) => text.slice(f.start, f.end));
  assert.deepEqual(found, ['organization', 'ZQTERM39999   phrase']);
});

test('40,000 words in one existence rule run', () => {
  const words = Array.from({ length: 40000 }, (_, i) => `qqword${i}`);
  const spec: CustomRuleSpec = {
    id: 'house.big', kind: 'existence', message: 'Avoid "%s".', severity: 'warning', ignoreCase: true, words, patterns: [], swap: [],
    regex: false, first: '', second: '', exceptions: [], scope: 'all', source: 'test',
  };
  const findings = lintText('Head\n\nIt was qqword123 and QQWORD39999, not qqword1234567.\n', compileStyle(configOf([spec]))).findings;
  assert.deepEqual(findings.map((f) => f.message), ['Avoid "qqword123".', 'Avoid "QQWORD39999".']);
});

test("a regex swap key 'x[]()]' runs (a class holding brackets) instead of crashing", () => {
  const yaml = "custom:\n  - id: house.swap\n    type: substitution\n    regex: true\n    swap:\n      'x[]()]': y\n      'colou?r': color\n";
  const parsed = parseConfigText(yaml, 'style.yaml');
  assert.deepEqual(parsed.errors, []);
  const style = compileStyle(configOf(parsed.layer.custom));
  const findings = lintText('Head\n\nThe x)z and the colour.\n', style).findings;
  assert.deepEqual(findings.map((f) => f.message), ['Use "y" instead of "x)".', 'Use "color" instead of "colour".']);
});

test('an unbalanced regex swap key is an error at the key, not a crash', () => {
  const yaml = "custom:\n  - id: house.swap\n    type: substitution\n    regex: true\n    swap:\n      'x[(': y\n";
  const parsed = parseConfigText(yaml, 'style.yaml');
  assert.equal(parsed.errors.length, 1);
  assert.match(parsed.errors[0].message, /not a valid RE2 pattern/);
  assert.equal(parsed.errors[0].line, 6);
});

test('a Vale swap key no engine can run safely skips that rule with a warning at file:line:col', () => {
  const text = "extends: substitution\nmessage: \"Use '%s'.\"\nswap:\n  '(a+)+(?=b)': c\n";
  const result = readValeRule('House.Bad', 'House/Bad.yml', text);
  assert.equal(result.rule, null);
  assert.deepEqual(result.errors, []);
  assert.match(result.warnings[0], /^House\/Bad\.yml:4:3: House\.Bad: .*ReDoS checker/);
});

test('a lookbehind proven safe runs on the JavaScript engine', () => {
  const text = "extends: existence\nmessage: \"Unit '%s'.\"\nnonword: true\ntokens:\n  - '(?<=\\d)(?:cm|mm)'\n";
  const result = readValeRule('House.Units', 'House/Units.yml', text);
  assert.deepEqual(result.warnings, []);
  const findings = lintText('Head\n\nIt is 5cm long, not mm.\n', compileStyle(configOf([result.rule!]))).findings;
  assert.deepEqual(findings.map((f) => f.message), ["Unit 'cm'."]);
});

test('a substitution with action replace offers every alternative, and --fix applies none of them', () => {
  const text = "extends: substitution\nmessage: \"Consider using '%s' instead of '%s'.\"\naction:\n  name: replace\nswap:\n  masterful: skilled|authoritative\n  'maiden name': birth name\n  maiden: first\n";
  const rule = readValeRule('House.Words', 'House/Words.yml', text).rule!;
  const findings = lintText('Head\n\nA masterful speech about her maiden name.\n', compileStyle(configOf([rule]))).findings;
  assert.equal(findings[0].message, "Consider using 'skilled' or 'authoritative' instead of 'masterful'.");
  assert.equal(findings[0].fix, undefined);
  assert.deepEqual(findings[0].suggestions?.map((s) => s.edits[0].text), ['skilled', 'authoritative']);
  assert.equal(findings[1].message, "Consider using 'birth name' instead of 'maiden name'.", 'the longest key wins');
  assert.equal(findings[1].fix?.edits[0].text, 'birth name');
});

test('$1 in a swap expands from the key’s own groups; capitalize re-cases only when asked', () => {
  const text = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\ncapitalize: true\nignorecase: true\naction:\n  name: replace\nswap:\n  'within the (\\w+) folder': in the $1 folder\n";
  const rule = readValeRule('House.Dir', 'House/Dir.yml', text).rule!;
  const style = compileStyle(configOf([rule]));
  const findings = lintText('Head\n\nWithin the Docs folder it sits.\n', style).findings;
  assert.equal(findings[0].message, "Use 'In the Docs folder' instead of 'Within the Docs folder'.");
  assert.equal(findings[0].fix?.edits[0].text, 'In the Docs folder');
});

test('Vale control comments silence rules: off/on and Style.Rule = NO/YES', () => {
  const rule = readValeRule('House.Very', 'House/Very.yml', "extends: existence\nmessage: \"Cut '%s'.\"\ntokens: [very]\n").rule!;
  const style = compileStyle(configOf([rule]));
  const text = 'Head\n\n<!-- vale off -->\n\nA very long day.\n\n<!-- vale on -->\n\nA very short day.\n\n<!-- vale House.Very = NO -->\n\nA very odd day.\n\n<!-- vale House.Very = YES -->\n\nA very good day.\n';
  const lines = lintText(text, style).findings.map((f) => text.slice(0, f.start).split('\n').length);
  assert.deepEqual(lines, [9, 17]);
});
