// `copydesk test-rules`: runs each custom rule's own examples (tests: fail / pass / fixed)
// with only that rule on. The resolved style does not carry tests:, so they are read back
// from the style's config files here (file layer: reads the YAML files it is given).

import fs from 'node:fs';
import { parse } from 'yaml';
import type { CustomRuleSpec } from '../../engine/custom-rules.js';
import { fixText, lintText } from '../../engine/lint.js';
import { compileStyle } from '../../engine/style.js';
import type { ResolvedConfig, RuleSetting } from '../../engine/types.js';
import type { LoadedConfig } from '../../config/index.js';
import type { RawCustomRule } from '../../config/raw.js';

export type RuleTests = NonNullable<RawCustomRule['tests']>;

export interface RuleTestRun {
  output: string;
  failures: number;
  /** Examples run, passed or not. */
  total: number;
}

/**
 * The custom rules as written, with their tests:, from every YAML config file of the style
 * (farthest first; a nearer rule with the same id replaces the farther, as in the merge).
 * Vale style folders carry no tests and are skipped. The files were validated when loaded.
 */
export function readRawCustomRules(loaded: LoadedConfig): RawCustomRule[] {
  const byId = new Map<string, RawCustomRule>();
  for (const file of loaded.files) {
    let data: unknown;
    try {
      if (!fs.statSync(file).isFile()) continue;
      data = parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      continue; // changed or removed since it was loaded; the next run reads it afresh
    }
    const custom = typeof data === 'object' && data !== null ? (data as { custom?: unknown }).custom : undefined;
    if (!Array.isArray(custom)) continue;
    for (const rule of custom as RawCustomRule[]) if (rule && typeof rule.id === 'string') byId.set(rule.id, rule);
  }
  return [...byId.values()];
}

/** The style with every rule off but this one, at its own severity even if the desk turned it off. */
function styleForRule(spec: CustomRuleSpec, config: ResolvedConfig): ResolvedConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(config.rules)) rules[id] = { severity: 'off', options: setting.options };
  rules[spec.id] = { severity: spec.severity, options: {} };
  return { ...config, rules, terms: {}, custom: [spec] };
}

function quoted(text: string): string {
  const oneLine = JSON.stringify(text);
  return oneLine.length > 70 ? `${oneLine.slice(0, 67)}..."` : oneLine;
}

export function runRuleTests(loaded: LoadedConfig, rawCustom: readonly RawCustomRule[]): RuleTestRun {
  const lines: string[] = [];
  let failures = 0;
  let total = 0;
  let rulesTested = 0;
  for (const spec of loaded.config.custom ?? []) {
    const tests = rawCustom.find((r) => r.id === spec.id)?.tests;
    if (!tests) continue;
    rulesTested++;
    const style = compileStyle(styleForRule(spec, loaded.config));
    const findingsOf = (text: string) => lintText(text, style).findings.filter((f) => f.rule === spec.id);
    const record = (passed: boolean, line: string) => {
      total++;
      if (!passed) failures++;
      lines.push(`  ${passed ? '✓' : '✗'} ${line}`);
    };
    lines.push(`${spec.id} (${spec.source})`);
    for (const text of tests.fail ?? []) {
      const found = findingsOf(text);
      record(found.length > 0, `fail: ${quoted(text)}${found.length > 0 ? ` -> ${found[0].message}` : ' was not reported; the rule should flag it'}`);
    }
    for (const text of tests.pass ?? []) {
      const found = findingsOf(text);
      record(found.length === 0, `pass: ${quoted(text)}${found.length === 0 ? '' : ` was reported: ${found[0].message} (at "${text.slice(found[0].start, found[0].end)}")`}`);
    }
    for (const { text, output } of tests.fixed ?? []) {
      const fixed = fixText(text, style).output;
      record(fixed === output, `fixed: ${quoted(text)} -> ${quoted(output)}${fixed === output ? '' : `, but the fix gave ${quoted(fixed)}`}`);
    }
  }
  if (rulesTested === 0) {
    lines.push('No custom rule has tests: to run. Add "tests:" with fail:, pass: and fixed: examples to a rule under custom:.');
  } else {
    lines.push('', `${total} ${total === 1 ? 'example' : 'examples'} in ${rulesTested} ${rulesTested === 1 ? 'rule' : 'rules'}: ${total - failures} passed, ${failures} failed.`);
  }
  return { output: lines.join('\n') + '\n', failures, total };
}
