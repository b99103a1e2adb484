// Entry points for Vale material named by `extends:`: a Vale style folder (one .yml file per
// rule) or a .vale.ini (StylesPath, BasedOnStyles, per-glob sections, Vocab, ignores). Both
// become Copydesk custom rules with Vale's semantics; what cannot run is named in a warning.
// File layer: reads only the style folders and vocabulary files these name.

import fs from 'node:fs';
import path from 'node:path';
import type { CustomRuleSpec } from '../engine/types.js';
import type { ConfigError } from './errors.js';
import { readValeRule, type RuleContext } from './vale/rule.js';
import { readValeIni, valeRulesFor } from './vale/ini.js';

export interface ValeStyle {
  rules: CustomRuleSpec[];
  /** One line per Vale rule that could not be loaded as it is, each with its file:line:col. */
  warnings: string[];
  errors: ConfigError[];
}

const RULE_FILE = /\.ya?ml$/;

/** Whether a folder looks like a Vale style: it holds .yml rule files. */
export function isValeStyleFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).some((f) => RULE_FILE.test(f));
  } catch {
    return false;
  }
}

/** Whether a path names a Vale configuration file. */
export function isValeIni(file: string): boolean {
  return file.endsWith('.ini') || /(?:^|[\\/])[._]vale$/.test(file);
}

/** The rule files of a style folder, sorted. */
export function valeRuleFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => RULE_FILE.test(f)).sort();
}

/** Loads every rule of a Vale style folder; the style's name is the folder's name. */
export function loadValeStyle(dir: string, context?: RuleContext, only?: ReadonlySet<string>): ValeStyle {
  const style: ValeStyle = { rules: [], warnings: [], errors: [] };
  const styleName = path.basename(path.resolve(dir));
  for (const file of valeRuleFiles(dir)) {
    const id = `${styleName}.${file.replace(RULE_FILE, '')}`;
    if (only && !only.has(id)) continue;
    const full = path.join(dir, file);
    const result = readValeRule(id, full, fs.readFileSync(full, 'utf8'), context);
    style.warnings.push(...result.warnings);
    style.errors.push(...result.errors);
    if (result.rule) style.rules.push(result.rule);
  }
  return style;
}

/**
 * A style folder extended on its own runs as under Vale's defaults: MinAlertLevel is warning,
 * so suggestion-level rules stay off (named in one warning; a .vale.ini can ask for them).
 */
export function withDefaultAlertLevel(style: ValeStyle, dir: string): ValeStyle {
  const suggestions = style.rules.filter((r) => r.severity === 'info');
  if (suggestions.length === 0) return style;
  const note = `${dir}: ${suggestions.length} suggestion-level rules are off, as under Vale's default MinAlertLevel = warning (${suggestions.map((r) => r.id).join(', ')}); extend a .vale.ini with MinAlertLevel = suggestion to run them`;
  return { ...style, rules: style.rules.filter((r) => r.severity !== 'info'), warnings: [...style.warnings, note] };
}

/**
 * Loads a .vale.ini for Markdown drafts: the sections whose glob matches `draftName`
 * (by default a Markdown file) decide the styles and rule settings.
 */
export function loadValeIni(file: string, draftName = 'draft.md'): ValeStyle {
  const ini = readValeIni(file);
  if (!ini.ok) return { rules: [], warnings: [], errors: ini.errors };
  return valeRulesFor(ini.ini, draftName, loadValeStyle);
}
