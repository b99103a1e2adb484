// The rule catalogue seen from every side: a custom rule with its own doc page in `copydesk
// rules`, `copydesk explain`, SARIF and the editor's link; one "unknown rule" message from a
// style file, a draft's front matter, a control comment and `explain`; pseudo-rules declared.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigResolver, type LoadedConfig } from '../src/config/index.js';
import { runMaintainerCommand, runRuleTests } from '../src/cli/maintainer/index.js';
import { ruleDoc } from '../src/shared/rule-docs.js';
import { lintText } from '../src/engine/lint.js';
import { compileStyle } from '../src/runner/style.js';
import { findingToDiagnostic } from '../src/lsp/diagnostics.js';
import { tempFolder } from './support/temp.js';

const HEDGE_RULE = [
  'custom:',
  '  - id: House.Hedge',
  '    type: existence',
  "    message: \"Cut the hedge '%s'.\"",
  '    words: [arguably]',
  '    doc: docs/hedge.md',
  '    tests:',
  '      fail: ["Arguably it rained."]',
  '      pass: ["It rained."]',
  '',
].join('\n');
const HEDGE_PAGE = '# House.Hedge\n\nHedges weaken a report; say what is known instead.\n\n## Why\n\nThe desk decided so.\n';

function styleFolder(files: Record<string, string>): string {
  const root = tempFolder('copydesk-catalogue-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

function command(cwd: string, name: 'rules' | 'explain' | 'test-rules', rule?: string) {
  return runMaintainerCommand(name === 'explain' ? { name, rule: rule! } : { name }, { cwd, resolver: new ConfigResolver(), json: false });
}

function loadedIn(root: string): LoadedConfig {
  const result = new ConfigResolver().forFile(path.join(root, 'story.md'));
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}

test('a custom rule with a doc: page is listed by rules, explained with its page, and linked in SARIF and the editor', () => {
  const root = styleFolder({ '.copydesk.yaml': HEDGE_RULE, 'docs/hedge.md': HEDGE_PAGE });
  const rules = command(root, 'rules');
  assert.equal(rules.exitCode, 0, rules.stderr);
  assert.match(rules.stdout, /^House\.Hedge +warning +no +.*\.copydesk\.yaml +existence: Cut the hedge '%s'\.$/m);
  const explained = command(root, 'explain', 'House.Hedge');
  assert.equal(explained.exitCode, 0, explained.stderr);
  assert.match(explained.stdout, /^House\.Hedge \(custom existence rule\)\n/);
  assert.ok(explained.stdout.includes(`documentation:      ${path.join(root, 'docs', 'hedge.md')}\n`), explained.stdout);
  assert.match(explained.stdout, /\nHedges weaken a report; say what is known instead\.\n\n## Why\n/);
  assert.doesNotMatch(explained.stdout, /# House\.Hedge\n/, 'the title line is left out, as for a built-in page');

  const style = compileStyle(loadedIn(root).config);
  const entry = style.catalogue.get('House.Hedge');
  assert.deepEqual(ruleDoc('House.Hedge', entry).fullDescription, 'Hedges weaken a report; say what is known instead.');
  const text = 'Arguably it rained.\n';
  const [finding] = lintText(text, style).findings.filter((f) => f.rule === 'House.Hedge');
  const diagnostic = findingToDiagnostic(TextDocument.create('file:///story.md', 'markdown', 1, text), finding, style.catalogue);
  assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/hedge\.md$/);
});

test('test-rules runs the examples kept with the loaded style, not a second read of the file', () => {
  const root = styleFolder({ '.copydesk.yaml': HEDGE_RULE });
  const loaded = loadedIn(root);
  assert.deepEqual(loaded.config.custom?.[0].tests, { fail: ['Arguably it rained.'], pass: ['It rained.'] });
  fs.rmSync(path.join(root, '.copydesk.yaml'));
  const run = runRuleTests(loaded);
  assert.deepEqual([run.total, run.failures], [2, 0], run.output);
});

test('an unknown rule id gets the same message from a style file, front matter, a control comment and explain', () => {
  const expected = 'unknown rule "house.hedg"; did you mean "House.Hedge"? Run "copydesk rules" for the list.';
  const root = styleFolder({ '.copydesk.yaml': HEDGE_RULE });
  const broken = styleFolder({ '.copydesk.yaml': `${HEDGE_RULE}rules:\n  house.hedg: error\n` });
  const fromConfig = new ConfigResolver().forFile(path.join(broken, 'story.md'));
  assert.ok(!fromConfig.ok);
  assert.deepEqual(fromConfig.errors.map((e) => e.message), [expected]);

  const style = compileStyle(loadedIn(root).config);
  const frontMatter = lintText('---\ncopydesk:\n  disable: [house.hedg]\n---\n\nText.\n', style).findings.filter((f) => f.rule === 'front-matter');
  assert.deepEqual(frontMatter.map((f) => f.message), [`Front matter "copydesk": ${expected}`]);
  const overrideRules = lintText('---\ncopydesk:\n  rules:\n    house.hedg: off\n---\n\nText.\n', style).findings.filter((f) => f.rule === 'front-matter');
  assert.deepEqual(overrideRules.map((f) => f.message), [`Front matter "copydesk": ${expected}`]);

  const comment = lintText('<!-- copydesk-disable house.hedg -->\n\nText.\n', style).findings.filter((f) => f.rule === 'control-comment');
  assert.deepEqual(comment.map((f) => f.message), [`copydesk-disable comment: ${expected}`]);

  const explained = command(root, 'explain', 'house.hedg');
  assert.equal(explained.exitCode, 2);
  assert.equal(explained.stderr, `copydesk: ${expected}\n`);
});

test('a front-matter option is checked by the same validator as the style file, message for message', () => {
  const root = styleFolder({ '.copydesk.yaml': 'rules:\n  quote-attribution: [warning, {minWords: many}]\n' });
  const fromConfig = new ConfigResolver().forFile(path.join(root, 'story.md'));
  assert.ok(!fromConfig.ok);
  const style = compileStyle(loadedIn(styleFolder({})).config);
  const draft = '---\ncopydesk:\n  rules:\n    quote-attribution: [warning, {minWords: many}]\n---\n\nText.\n';
  const found = lintText(draft, style).findings.filter((f) => f.rule === 'front-matter');
  assert.deepEqual(found.map((f) => f.message), fromConfig.errors.map((e) => `Front matter "copydesk": ${e.message}`));
});

test('pseudo-rules are declared entries: explained, never runnable, not nameable as rules', () => {
  const style = compileStyle(loadedIn(styleFolder({})).config);
  for (const id of ['control-comment', 'front-matter', 'parse', 'config']) {
    const entry = style.catalogue.get(id);
    assert.equal(entry?.kind, 'pseudo', id);
    assert.equal(entry?.rule, undefined, id);
    assert.equal(style.catalogue.isRule(id), false, id);
    assert.ok(entry?.description, id);
  }
  assert.match(command(styleFolder({}), 'explain', 'control-comment').stdout, /^control-comment \(Copydesk's own problem/);
});
