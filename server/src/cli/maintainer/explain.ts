// `copydesk explain RULE`: what one rule checks, its options with their defaults and the
// values in force, its fix and its documentation page. Reads only the docs folder it is given.

import fs from 'node:fs';
import path from 'node:path';
import type { CustomRuleSpec } from '../../engine/custom-rules.js';
import type { OptionSpec, OptionValue } from '../../engine/types.js';
import type { LoadedConfig } from '../../config/index.js';
import { closest } from '../../config/source.js';
import { RULES, findRule } from '../../rules/index.js';
import { ruleDocPath, type RuleDefinition } from '../../rules/rule.js';
import { customFixable, customSeverity, customSource } from './rules-list.js';

/** An option value as a maintainer would write it in YAML. */
export function optionText(value: OptionValue): string {
  if (Array.isArray(value)) return `[${value.map((v: string) => JSON.stringify(v)).join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function optionType(spec: OptionSpec): string {
  switch (spec.type) {
    case 'number':
      return spec.min !== undefined && spec.max !== undefined ? `number, ${spec.min} to ${spec.max}` : 'number';
    case 'string':
      return spec.enum ? `one of ${spec.enum.join(', ')}` : 'text';
    case 'string[]':
      return 'list of text';
    case 'boolean':
      return 'true or false';
  }
}

/** The nearest rule id to a mistyped one, built-in or custom; undefined when none is close. */
export function suggestRule(id: string, loaded: LoadedConfig): string | undefined {
  return closest(id, [...RULES.map((r) => r.id), ...(loaded.config.custom ?? []).map((c) => c.id)]);
}

/** The CLI's message for an id that is no rule. */
export function unknownRuleText(id: string, loaded: LoadedConfig): string {
  const guess = suggestRule(id, loaded);
  return `unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} Run "copydesk rules" for the list.`;
}

export function explainRule(id: string, loaded: LoadedConfig, docsDir?: string): string | null {
  const rule = findRule(id);
  if (rule) return explainBuiltIn(rule, loaded, docsDir);
  const custom = (loaded.config.custom ?? []).find((c) => c.id === id);
  return custom ? explainCustom(custom, loaded) : null;
}

function explainBuiltIn(rule: RuleDefinition, loaded: LoadedConfig, docsDir: string | undefined): string {
  const setting = loaded.config.rules[rule.id];
  const severity = setting?.severity ?? 'off';
  const lines = [
    `${rule.id} (built-in rule)`,
    `  ${rule.description}`,
    '',
    `  default severity:   ${rule.defaultSeverity}`,
    `  severity in force:  ${severity}  (set in ${loaded.origins[`rules.${rule.id}`] ?? 'default (off)'})`,
    `  fix:                ${rule.fixable ? 'yes (--fix, the quick fix and fix-all)' : 'no'}`,
    `  documentation:      ${ruleDocPath(rule.id)} in the Copydesk package`,
  ];
  const options = Object.entries(rule.options);
  lines.push('', options.length === 0 ? '  options: none' : '  options:');
  for (const [name, spec] of options) {
    const value = setting?.options[name] ?? spec.default;
    const origin = loaded.origins[`rules.${rule.id}.options.${name}`];
    lines.push(`    ${name} (${optionType(spec)})`, `      ${spec.description}`, `      default: ${optionText(spec.default)}`);
    lines.push(`      in force: ${optionText(value)}${origin ? `  (set in ${origin})` : ''}`);
  }
  lines.push('', `  Set it in .copydesk.yaml under rules:, e.g. ${rule.id}: ${options.length > 0 ? `[${severity === 'off' ? rule.defaultSeverity : severity}, { ${options[0][0]}: ${optionText(options[0][1].default)} }]` : 'warning'}`);
  const page = docsDir === undefined ? null : readDocPage(docsDir, rule.id);
  if (page) lines.push('', page);
  return lines.join('\n').trimEnd() + '\n';
}

/** The rule's page without its title line (the listing above already names the rule). */
function readDocPage(docsDir: string, id: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
  } catch {
    return null;
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/^# .*\n+/, '').trimEnd();
}

function explainCustom(spec: CustomRuleSpec, loaded: LoadedConfig): string {
  const lines = [
    `${spec.id} (custom ${spec.kind} rule)`,
    `  message:            ${spec.message}`,
    `  own severity:       ${spec.severity}`,
    `  severity in force:  ${customSeverity(spec, loaded)}  (set in ${customSource(spec, loaded)})`,
    `  defined in:         ${spec.source}`,
    `  fix:                ${customFixable(spec) ? 'yes, replaces the text with the preferred one' : 'no'}`,
    `  ignore case:        ${spec.ignoreCase ? 'yes' : 'no'}`,
    `  checks:             ${spec.scope === 'all' ? 'headline and body' : `the ${spec.scope} only`}`,
  ];
  if (spec.words.length > 0) lines.push(`  words:              ${optionText(spec.words)}`);
  if (spec.patterns.length > 0) lines.push(`  patterns (RE2):     ${optionText(spec.patterns)}`);
  if (spec.swap.length > 0) {
    lines.push(`  swap${spec.regex ? ' (RE2 patterns)' : ''}:`);
    for (const [from, to] of spec.swap) lines.push(`    ${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
  }
  if (spec.first) lines.push(`  first (the use):    ${JSON.stringify(spec.first)}`, `  second (needed before it): ${JSON.stringify(spec.second)}`);
  if (spec.exceptions.length > 0) lines.push(`  exceptions:         ${optionText(spec.exceptions)}`);
  lines.push('', '  Prove it with examples under "tests:" and run "copydesk test-rules".');
  return lines.join('\n') + '\n';
}
