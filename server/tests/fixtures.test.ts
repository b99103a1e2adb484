// Runs every rule fixture in test-fixtures/rules/*.yaml: each case states the findings of
// its rule (range and message) and the text after fixing; a second fix pass must change nothing.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { lintText, fixText } from '../src/engine/lint.js';
import { compileStyle } from '../src/runner/style.js';
import type { CompiledStyle } from '../src/engine/style.js';
import { resolveFromRaw } from '../src/config/index.js';
import { RULES, findRule } from '../src/rules/index.js';
import type { RawConfig } from '../src/config/raw.js';
import { FIXTURES } from './support/paths.js';
import { formatRange } from './support/positions.js';

interface FixtureCase {
  name: string;
  config?: RawConfig;
  text: string;
  expect: { range: string; message: string }[];
  fixed?: string;
}
interface FixtureFile {
  rule: string;
  config?: RawConfig;
  cases: FixtureCase[];
}

const dir = path.join(FIXTURES, 'rules');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** Only the rule under test is on, at its default severity, unless the fixture's config says otherwise. */
function styleFor(fixture: FixtureFile, kase: FixtureCase, file: string): CompiledStyle {
  const onlyThisRule: Record<string, string> = {};
  for (const rule of RULES) onlyThisRule[rule.id] = rule.id === fixture.rule ? findRule(rule.id)!.defaultSeverity : 'off';
  const raw = mergeRaw(mergeRaw({ extends: 'copydesk:recommended', rules: onlyThisRule as RawConfig['rules'] }, fixture.config), kase.config);
  const result = resolveFromRaw(raw, file);
  if (!result.ok) throw new Error(`fixture config invalid: ${result.errors.map((e) => e.message).join('; ')}`);
  return compileStyle(result.value.config);
}

function mergeRaw(base: RawConfig, over: RawConfig | undefined): RawConfig {
  if (!over) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = merged[key];
    merged[key] = isPlainObject(prev) && isPlainObject(value) ? { ...prev, ...value } : value;
  }
  return merged as RawConfig;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

let total = 0;
for (const file of files) {
  const fixture = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as FixtureFile;
  describe(`fixtures: ${file}`, () => {
    test('names a known rule and has unique case names', () => {
      assert.ok(findRule(fixture.rule), `unknown rule ${fixture.rule}`);
      assert.equal(file, `${fixture.rule}.yaml`);
      const names = fixture.cases.map((c) => c.name);
      assert.equal(new Set(names).size, names.length, 'duplicate case names');
    });
    for (const kase of fixture.cases) {
      total++;
      test(kase.name, () => {
        const style = styleFor(fixture, kase, path.join(dir, file));
        const { findings } = lintText(kase.text, style);
        const actual = findings
          .filter((f) => f.rule === fixture.rule)
          .map((f) => ({ range: formatRange(kase.text, f.start, f.end), message: f.message }));
        assert.deepEqual(actual, kase.expect ?? []);
        const once = fixText(kase.text, style).output;
        assert.equal(once, kase.fixed ?? kase.text, 'text after fixing');
        assert.equal(fixText(once, style).output, once, 'a second fix pass changed the text');
      });
    }
  });
}

test('fixture corpus is substantial', () => {
  assert.ok(total >= 60, `only ${total} fixture cases`);
});
