// `copydesk rules`: every built-in and custom rule of the style's catalogue with its severity
// in force, whether it fixes, where that setting comes from and what it checks. Text out; no
// fs, no process.

import type { CatalogueEntry } from '../../engine/rule.js';
import type { SeveritySetting } from '../../engine/types.js';
import type { LoadedConfig } from '../../config/index.js';
import { ruleCatalogue } from '../../runner/style.js';
import { settingSource } from '../../shared/explain.js';

export interface RuleListing {
  id: string;
  kind: 'built-in' | 'custom';
  severity: SeveritySetting;
  fixable: boolean;
  /** The file (or copydesk:recommended) that set the severity, or "default (off)". */
  source: string;
  description: string;
}

/** The style's rules (built-in, then custom): the catalogue without its pseudo-rules. */
export function rulesOf(loaded: LoadedConfig): CatalogueEntry[] {
  return ruleCatalogue(loaded.config).entries.filter((e) => e.kind !== 'pseudo');
}


export function ruleListings(loaded: LoadedConfig): RuleListing[] {
  return rulesOf(loaded).map((entry) => ({
    id: entry.id,
    kind: entry.kind === 'custom' ? 'custom' : 'built-in',
    severity: entry.severity,
    fixable: entry.fixable,
    source: settingSource(entry, loaded),
    description: entry.description,
  }));
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
