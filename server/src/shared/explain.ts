// `copydesk explain RULE` (and the editor's hover): what one rule of the style's catalogue checks, its options with their
// defaults and the values in force, its fix and its documentation page (a built-in rule's from
// the docs folder it is given, a custom rule's own `doc:` page).

import type { CatalogueEntry } from '../engine/rule.js';
import type { OptionSpec, OptionValue } from '../engine/types.js';
import type { LoadedConfig } from '../config/index.js';
import { ruleCatalogue } from '../runner/style.js';
import { readRulePage, rulePageFile } from './rule-docs.js';

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

/** Where the severity in force was set: under rules:, else the custom rule's definition. */
export function settingSource(entry: CatalogueEntry, loaded: LoadedConfig): string {
  const set = loaded.origins[`rules.${entry.id}`];
  if (entry.custom) return set ?? loaded.origins[`custom.${entry.id}`] ?? entry.custom.source;
  return set ?? 'default (off)';
}

/** The nearest rule id to a mistyped one, built-in or custom; undefined when none is close. */
export function suggestRule(id: string, loaded: LoadedConfig): string | undefined {
  return ruleCatalogue(loaded.config).suggest(id);
}

/** The CLI's message for an id that is no rule: the catalogue's, as everywhere. */
export function unknownRuleText(id: string, loaded: LoadedConfig): string {
  return ruleCatalogue(loaded.config).unknownRuleMessage(id);
}

export function explainRule(id: string, loaded: LoadedConfig, docsDir?: string): string | null {
  const entry = ruleCatalogue(loaded.config).get(id);
  if (!entry) return null;
  if (entry.kind === 'built-in') return explainBuiltIn(entry, loaded, docsDir);
  if (entry.kind === 'custom') return explainCustom(entry, loaded);
  return `${entry.id} (Copydesk's own problem, not a rule; always ${entry.severity})\n  ${entry.description}\n`;
}

function explainBuiltIn(rule: CatalogueEntry, loaded: LoadedConfig, docsDir: string | undefined): string {
  const setting = loaded.config.rules[rule.id];
  const severity = rule.severity;
  const page = rule.page && 'packaged' in rule.page ? rule.page.packaged : `docs/rules/${rule.id}.md`;
  const lines = [
    `${rule.id} (built-in rule)`,
    `  ${rule.description}`,
    '',
    `  default severity:   ${rule.defaultSeverity}`,
    `  severity in force:  ${severity}  (set in ${settingSource(rule, loaded)})`,
    `  fix:                ${rule.fixable ? 'yes (--fix, the quick fix and fix-all)' : 'no'}`,
    `  documentation:      ${page} in the Copydesk package`,
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
  const body = docsDir === undefined ? undefined : pageBody(rule, docsDir);
  if (body) lines.push('', body);
  return lines.join('\n').trimEnd() + '\n';
}

/** The rule's page without its title line (the listing above already names the rule). */
function pageBody(entry: CatalogueEntry, docsDir?: string): string | undefined {
  return readRulePage(entry, docsDir)?.replace(/^# .*\n+/, '').trimEnd();
}

function explainCustom(entry: CatalogueEntry, loaded: LoadedConfig): string {
  const spec = entry.custom!;
  const lines = [
    `${spec.id} (custom ${spec.kind} rule)`,
    `  message:            ${spec.message}`,
    `  own severity:       ${spec.severity}`,
    `  severity in force:  ${entry.severity}  (set in ${settingSource(entry, loaded)})`,
    `  defined in:         ${spec.source}`,
    `  fix:                ${entry.fixable ? 'yes, replaces the text with the preferred one' : 'no'}`,
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
  if (spec.doc) lines.push(`  documentation:      ${spec.doc}${rulePageFile(entry) ? '' : ' (not found)'}`);
  lines.push('', '  Prove it with examples under "tests:" and run "copydesk test-rules".');
  const page = pageBody(entry);
  if (page) lines.push('', page);
  return lines.join('\n') + '\n';
}
