// `copydesk test-rules`: runs each custom rule's own examples (tests: fail / pass / fixed)
// with only that rule on. The examples come with the resolved style (validation keeps them),
// so nothing is read from disk here.

import { fixText, lintText } from '../../engine/lint.js';
import type { CustomRuleSpec, ResolvedConfig, RuleExamples, RuleSetting } from '../../engine/types.js';
import type { LoadedConfig } from '../../config/index.js';
import { compileStyle } from '../../runner/style.js';

export type RuleTests = RuleExamples;

export interface RuleTestRun {
  output: string;
  failures: number;
  /** Examples run, passed or not. */
  total: number;
}

/** The custom rules that carry examples, with them (a Vale rule carries none). */
export function ruleExamples(loaded: LoadedConfig): { id: string; tests: RuleExamples }[] {
  return (loaded.config.custom ?? []).flatMap((spec) => (spec.tests ? [{ id: spec.id, tests: spec.tests }] : []));
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

/** `examples`: which rules' examples to run (default: every custom rule's). */
export function runRuleTests(loaded: LoadedConfig, examples: readonly { id: string; tests: RuleExamples }[] = ruleExamples(loaded)): RuleTestRun {
  const lines: string[] = [];
  let failures = 0;
  let total = 0;
  let rulesTested = 0;
  for (const spec of loaded.config.custom ?? []) {
    const tests = examples.find((r) => r.id === spec.id)?.tests;
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
