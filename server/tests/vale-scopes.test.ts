// Vale scopes and placements on drafts written for these tests: table header and cell,
// sentences outside headings, image alt text, SkippedScopes / IgnoredScopes / IgnoredClasses
// from a .vale.ini, a match with markup inside it placed at its line's start, consistency
// reported once per scope, occurrence at its first match outside code, Vale.Terms spellings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readValeRule } from '../src/config/vale/rule.js';
import { loadValeIni } from '../src/config/vale.js';
import type { CustomRuleSpec } from '../src/engine/custom-rules.js';
import { compileStyle } from '../src/runner/style.js';
import { lintText } from '../src/engine/lint.js';
import { lineColumn } from './support/vale-features.js';
import { tempFolder } from './support/temp.js';

function rule(yaml: string, id = 'T.Rule'): CustomRuleSpec {
  const result = readValeRule(id, 'Rule.yml', yaml);
  assert.deepEqual(result.warnings, []);
  return result.rule!;
}

/** `line:col text` of each finding, as Vale would print its position. */
function run(rules: CustomRuleSpec[], draft: string): string[] {
  const style = compileStyle({ rules: {}, acronyms: { dictionary: {}, exempt: [] }, dateline: { form: '{CITY}, {Region} -- ', standalone: [], region: 'optional' }, custom: rules });
  return lintText(draft, style).findings.map((f) => `${lineColumn(draft, f.start).join(':')} ${f.message}`);
}

const todo = (scope: string) => rule(`extends: existence\nmessage: "'%s' left"\nlevel: error\nscope: ${scope}\ntokens:\n  - TODO\n`);

test('table.header is the row above the delimiter row; table.cell the rows below', () => {
  const draft = 'Intro line.\n\n| TODO | b |\n|:-:|---|\n| c | TODO |\n';
  assert.deepEqual(run([todo('table.cell')], draft), ["5:7 'TODO' left"]);
  assert.deepEqual(run([todo('table.header')], draft), ["3:3 'TODO' left"]);
  assert.deepEqual(run([todo('table')], draft), ["3:3 'TODO' left", "5:7 'TODO' left"]);
});

test('sentence scope reads paragraphs and list items, not headings', () => {
  const sentence = rule(`extends: existence\nmessage: "'%s'"\nscope: sentence\nraw:\n  - '^.*$'\n`);
  assert.deepEqual(run([sentence], '# Heading here\n\nOne two. Three four.\n\n- Item five.\n'), ["3:1 'One two.'", "3:10 'Three four.'", "5:3 'Item five.'"]);
});

test('alt scope reads image alt text only', () => {
  const alt = rule('extends: occurrence\nmessage: "alt text too long"\nscope: alt\nmax: 5\ntoken: \'\\w\'\n');
  assert.deepEqual(run([alt], 'Long words outside any image.\n\n![abcdefgh](x.png) and ![abc](y.png)\n'), ['3:3 alt text too long']);
});

test('occurrence counts inline code but points at its first match outside code; message as written', () => {
  const count = rule('extends: occurrence\nmessage: "Too long: %s"\nscope: heading\nmax: 20\ntoken: .\n');
  assert.deepEqual(run([count], '## `a long code span`, then words\n'), ['1:22 Too long: %s']);
  assert.deepEqual(run([count], '## `short`, ok\n'), []);
});

test('a match with markup inside it is placed at the start of its line, as Vale places it', () => {
  const rep = rule("extends: repetition\nmessage: '\"%s\" is repeated.'\nalpha: true\ntokens:\n  - '[^\\s]+'\n");
  assert.deepEqual(run([rep], 'Intro line.\n\nWe went [to](x.md) to the shop.\n'), ['3:1 "to" is repeated.']);
  assert.deepEqual(run([rep], 'Intro line.\n\nWe went to to the shop.\n'), ['3:9 "to" is repeated.']);
});

test('consistency reports a scope once, with its last match placed where that text first stands', () => {
  const smart = rule(`extends: consistency\nmessage: "Mixed '%s'"\nnonword: true\neither:\n  '"': '[”“]'\n`);
  assert.deepEqual(run([smart], 'Plain "a" text.\n\nThen “b” and "c" here.\n'), [`3:14 Mixed '"'`]);
  assert.deepEqual(run([smart], 'Plain "a" text.\n\nMore "d" text.\n'), []);
});

test('.vale.ini SkippedScopes, IgnoredScopes and IgnoredClasses; Vale.Terms keeps the spelling listed last', () => {
  const dir = tempFolder();
  const styles = path.join(dir, 'styles');
  fs.mkdirSync(path.join(styles, 'T'), { recursive: true });
  fs.mkdirSync(path.join(styles, 'config', 'vocabularies', 'A'), { recursive: true });
  fs.mkdirSync(path.join(styles, 'config', 'vocabularies', 'B'), { recursive: true });
  fs.writeFileSync(path.join(styles, 'T', 'Todo.yml'), "extends: existence\nmessage: \"'%s' left\"\nlevel: error\ntokens:\n  - TODO\n");
  fs.writeFileSync(path.join(styles, 'config', 'vocabularies', 'A', 'accept.txt'), 'widgetco\n');
  fs.writeFileSync(path.join(styles, 'config', 'vocabularies', 'B', 'accept.txt'), 'WidgetCo\n');
  const ini = path.join(dir, '.vale.ini');
  fs.writeFileSync(ini, 'StylesPath = styles\nVocab = A, B\nSkippedScopes = script, blockquote\nIgnoredScopes = code, strong\nIgnoredClasses = skipme\n\n[*.md]\nBasedOnStyles = T, Vale\n');
  const loaded = loadValeIni(ini);
  assert.deepEqual(loaded.errors, []);
  const draft = 'TODO one.\n\n> TODO two.\n\nA **TODO three** and <span class="x skipme">TODO four</span>.\n\nAsk widgetco or WidgetCo.\n';
  assert.deepEqual(run(loaded.rules, draft), ["1:1 'TODO' left", "7:5 Use 'WidgetCo' instead of 'widgetco'."]);
});
