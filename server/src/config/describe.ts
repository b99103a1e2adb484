// --print-config: the effective config as YAML, each setting with a trailing comment saying
// which file (or copydesk:recommended, or the rule's default) it came from. The output is
// itself a valid, self-contained .copydesk.yaml (it says `extends: none`).

import { stringify } from 'yaml';
import type { CustomRuleSpec } from '../engine/types.js';
import type { OptionValue } from '../engine/types.js';
import type { LoadedConfig } from './merge.js';

/** One scalar or list in YAML flow form, on one line. */
function flow(value: OptionValue | string): string {
  if (Array.isArray(value)) return `[${value.map((v: string) => JSON.stringify(v)).join(', ')}]`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

export function describeConfig(loaded: LoadedConfig): string {
  const { config, origins } = loaded;
  const from = (key: string): string => {
    const origin = origins[key];
    return origin === undefined ? '  # default' : `  # from ${origin}`;
  };
  const lines = [
    '# The effective Copydesk style; each setting says where it comes from.',
    `# Config files, farthest first: ${loaded.files.length === 0 ? 'none (built-in style only)' : loaded.files.join(', ')}`,
    'extends: none',
    'rules:',
  ];
  for (const [id, setting] of Object.entries(config.rules)) {
    const options = Object.entries(setting.options);
    if (options.length === 0) {
      lines.push(`  ${id}: ${setting.severity}${from(`rules.${id}`)}`);
      continue;
    }
    lines.push(`  ${id}:`, `    - ${setting.severity}${from(`rules.${id}`)}`);
    options.forEach(([name, value], i) => {
      lines.push(`    ${i === 0 ? '- ' : '  '}${name}: ${flow(value)}${from(`rules.${id}.options.${name}`)}`);
    });
  }
  lines.push('acronyms:', '  dictionary:' + (Object.keys(config.acronyms.dictionary).length === 0 ? ' {}' : ''));
  for (const [acronym, expansions] of Object.entries(config.acronyms.dictionary)) {
    const value = expansions.length === 1 ? flow(expansions[0]) : flow(expansions);
    lines.push(`    ${flow(acronym)}: ${value}${from(`acronyms.dictionary.${acronym}`)}`);
  }
  lines.push('  exempt:' + (config.acronyms.exempt.length === 0 ? ' []' : ''));
  for (const acronym of config.acronyms.exempt) lines.push(`    - ${flow(acronym)}${from(`acronyms.exempt.${acronym}`)}`);
  lines.push(
    'dateline:',
    `  form: ${flow(config.dateline.form)}${from('dateline.form')}`,
    `  standalone: ${flow([...config.dateline.standalone])}${from('dateline.standalone')}`,
    `  region: ${config.dateline.region}${from('dateline.region')}`,
  );
  const terms = Object.entries(config.terms ?? {});
  lines.push('terms:' + (terms.length === 0 ? ' {}' : ''));
  for (const [avoid, preferred] of terms) lines.push(`  ${flow(avoid)}: ${flow(preferred)}${from(`terms.${avoid}`)}`);
  const custom = config.custom ?? [];
  lines.push('custom:' + (custom.length === 0 ? ' []' : ''));
  for (const rule of custom) lines.push(`  - ${JSON.stringify(customAsWritten(rule))}${from(`custom.${rule.id}`)}`);
  // Which drafts are left out is no part of the style's text checks; shown as comments.
  for (const { base, patterns } of loaded.ignores) lines.push(`# ignores (relative to ${base}): ${flow(patterns)}`);
  if (loaded.gitignore) lines.push('# gitignore: true (drafts that .gitignore ignores are left out)');
  return lines.join('\n') + '\n';
}

/** A custom rule back in the shape a maintainer writes under "custom:", without empty fields. */
function customAsWritten(rule: CustomRuleSpec): Record<string, unknown> {
  const written: Record<string, unknown> = { id: rule.id, type: rule.kind, message: rule.message, severity: rule.severity };
  if (rule.ignoreCase) written.ignorecase = true;
  if (rule.words.length > 0) written.words = rule.words;
  if (rule.patterns.length > 0) written.patterns = rule.patterns;
  if (rule.swap.length > 0) written.swap = Object.fromEntries(rule.swap);
  if (rule.regex) written.regex = true;
  if (rule.first) written.first = rule.first;
  if (rule.second) written.second = rule.second;
  if (rule.exceptions.length > 0) written.exceptions = rule.exceptions;
  if (rule.scope !== 'all') written.scope = rule.scope;
  if (rule.doc) written.doc = rule.doc;
  return written;
}
