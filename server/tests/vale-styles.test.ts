// The six published Vale styles in ../shared/vale/styles load with no error, every rule runs
// or is named in a warning (with its file), and on our drafts no rule floods: at most one
// finding per 50 words. Fixes derived from Vale rules never leave "$1" or re-cased names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadValeStyle, valeRuleFiles, withDefaultAlertLevel } from '../src/config/vale.js';
import { compileStyle } from '../src/runner/style.js';
import { fixText, lintText } from '../src/engine/lint.js';
import type { ResolvedConfig } from '../src/engine/types.js';
import type { CustomRuleSpec } from '../src/engine/custom-rules.js';
import { FIXTURES } from './support/paths.js';
import { VALE_DIR } from './support/vale-features.js';

const STYLES = ['Microsoft', 'Google', 'write-good', 'proselint', 'alex', 'Joblint'];
const present = fs.existsSync(path.join(VALE_DIR, 'styles'));
const skip = present ? false : 'skipped: ../shared/vale is absent (the published styles live beside the repository)';

function configOf(rules: CustomRuleSpec[]): ResolvedConfig {
  return { rules: {}, acronyms: { dictionary: {}, exempt: [] }, dateline: { form: '{CITY}, {Region} -- ', standalone: [], region: 'optional' }, custom: rules };
}

function drafts(): { name: string; text: string }[] {
  const dirs = [path.join(FIXTURES, 'drafts'), path.join(FIXTURES, 'vale')];
  return dirs.flatMap((dir) =>
    fs.readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md').map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })),
  );
}

for (const name of STYLES) {
  test(`${name}: loads with no error; every rule runs or is named in a warning`, { skip }, () => {
    const dir = path.join(VALE_DIR, 'styles', name, name);
    const style = loadValeStyle(dir);
    assert.deepEqual(style.errors, []);
    const loaded = new Set(style.rules.map((r) => r.id));
    for (const file of valeRuleFiles(dir)) {
      const id = `${name}.${file.replace(/\.ya?ml$/, '')}`;
      const named = style.warnings.filter((w) => w.includes(`${id}:`) && w.includes(path.join(dir, file)));
      assert.ok(loaded.has(id) || named.length === 1, `${id} neither runs nor is named in exactly one warning`);
    }
    assert.ok(valeRuleFiles(dir).length > 0, 'the style has rule files');
    assert.ok(loaded.size >= valeRuleFiles(dir).length * 0.8, `only ${loaded.size} of ${valeRuleFiles(dir).length} rules run`);
  });

  test(`${name}: no rule reports more than one finding per 50 words on our drafts`, { skip }, () => {
    // As extended: suggestion-level rules are off under Vale's default MinAlertLevel.
    const dir = path.join(VALE_DIR, 'styles', name, name);
    const style = compileStyle(configOf(withDefaultAlertLevel(loadValeStyle(dir), dir).rules));
    for (const draft of drafts()) {
      const words = draft.text.split(/\s+/).filter(Boolean).length;
      const perRule = new Map<string, number>();
      for (const f of lintText(draft.text, style).findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      for (const [rule, n] of perRule) assert.ok(n <= Math.max(1, words / 50), `${rule} reports ${n} findings on ${draft.name} (${words} words)`);
    }
  });

  test(`${name}: fixes keep the text grammatical (no $1 left, names keep their case)`, { skip }, () => {
    const style = compileStyle(configOf(loadValeStyle(path.join(VALE_DIR, 'styles', name, name)).rules));
    for (const draft of drafts()) {
      const { output } = fixText(draft.text, style);
      assert.doesNotMatch(output, /\$\{?\d/, `${draft.name}: a "$n" was written`);
      // Every capitalised name of the draft's body keeps its capital after fixing.
      const names = new Set(draft.text.match(/(?<=\s)\p{Lu}\p{Ll}+(?= \p{Lu}\p{Ll}+)/gu) ?? []);
      for (const n of names) assert.ok(output.includes(n), `${draft.name}: the name "${n}" was re-cased or removed`);
    }
  });
}
