// `copydesk rules`: every built-in and custom rule with its effective severity, whether it
// fixes, where that setting comes from and what it checks. Text out; no fs, no process.

import type { CustomRuleSpec } from '../../engine/custom-rules.js';
import type { SeveritySetting } from '../../engine/types.js';
import type { LoadedConfig } from '../../config/index.js';
import { RULES } from '../../rules/index.js';

export interface RuleListing {
  id: string;
  kind: 'built-in' | 'custom';
  severity: SeveritySetting;
  fixable: boolean;
  /** The file (or copydesk:recommended) that set the severity, or "default (off)". */
  source: string;
  description: string;
}

/** Substitution is the only custom kind with a fix (it swaps in the preferred text). */
export function customFixable(spec: CustomRuleSpec): boolean {
  return spec.kind === 'substitution';
}

/** A custom rule's severity: one set under rules: wins over the rule's own. */
export function customSeverity(spec: CustomRuleSpec, loaded: LoadedConfig): SeveritySetting {
  return loaded.config.rules[spec.id]?.severity ?? spec.severity;
}

export function customSource(spec: CustomRuleSpec, loaded: LoadedConfig): string {
  return loaded.origins[`rules.${spec.id}`] ?? loaded.origins[`custom.${spec.id}`] ?? spec.source;
}

export function ruleListings(loaded: LoadedConfig): RuleListing[] {
  const builtIn: RuleListing[] = RULES.map((rule) => ({
    id: rule.id,
    kind: 'built-in',
    severity: loaded.config.rules[rule.id]?.severity ?? 'off',
    fixable: rule.fixable,
    source: loaded.origins[`rules.${rule.id}`] ?? 'default (off)',
    description: rule.description,
  }));
  const custom: RuleListing[] = (loaded.config.custom ?? []).map((spec) => ({
    id: spec.id,
    kind: 'custom',
    severity: customSeverity(spec, loaded),
    fixable: customFixable(spec),
    source: customSource(spec, loaded),
    description: `${spec.kind}: ${spec.message}`,
  }));
  return [...builtIn, ...custom];
}

/** Pads every column but the last to its widest cell. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

export function listRules(loaded: LoadedConfig): string {
  const listings = ruleListings(loaded);
  const rows = [['RULE', 'SEVERITY', 'FIX', 'SET IN', 'WHAT IT CHECKS'], ...listings.map((l) => [l.id, l.severity, l.fixable ? 'yes' : 'no', l.source, l.description])];
  const customCount = listings.filter((l) => l.kind === 'custom').length;
  const on = listings.filter((l) => l.severity !== 'off').length;
  const lines = alignColumns(rows);
  lines.push('', `${listings.length} rules (${listings.length - customCount} built-in, ${customCount} custom), ${on} on. "copydesk explain RULE" tells more about one.`);
  for (const warning of loaded.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}

export function listRulesJson(loaded: LoadedConfig): string {
  return JSON.stringify({ rules: ruleListings(loaded), files: loaded.files, warnings: loaded.warnings }, null, 2) + '\n';
}
