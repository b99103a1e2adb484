// The one validator of a rule's setting (a severity, or [severity, {option: value}]) against
// the catalogue: used for a style file's rules: (config/validate-rules.ts, which adds the
// YAML positions) and for a draft's front-matter overrides (overrides.ts). Plain values in,
// problems out, each with the part of the setting it is about. Pure.

import type { OptionSpec, OptionSpecs, OptionValue, RuleOptions, SeveritySetting } from './types.js';
import { SEVERITIES } from './types.js';
import { closest, didYouMean } from './suggest.js';

const SETTING_HELP = 'a severity (off, info, warning, error) or [severity, {option: value}]';

/** Where a problem lies: the whole setting, its severity, its options, or one option's name or value. */
export type SettingPlace = 'setting' | 'severity' | 'options' | { optionName: string } | { optionValue: string };

export interface SettingProblem {
  place: SettingPlace;
  message: string;
}

export interface CheckedSetting {
  /** undefined when the severity was wrong. */
  severity?: SeveritySetting;
  /** The options that were right. */
  options: RuleOptions;
  problems: SettingProblem[];
}

/** How a wrong value is quoted back to the user. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Checks one rule's setting; `specs` are the rule's declared options (a custom rule has none). */
export function checkRuleSetting(id: string, setting: unknown, specs: OptionSpecs): CheckedSetting {
  const problems: SettingProblem[] = [];
  const out: CheckedSetting = { options: {}, problems };
  if (Array.isArray(setting)) {
    if (setting.length === 0 || setting.length > 2) {
      problems.push({ place: 'setting', message: `"rules.${id}" must be ${SETTING_HELP}, got a list of ${setting.length}` });
      return out;
    }
    out.severity = checkSeverity(id, setting[0], problems);
    if (setting.length === 2) checkOptions(id, setting[1], specs, out);
    return out;
  }
  if (typeof setting === 'object' && setting !== null) {
    problems.push({ place: 'setting', message: `"rules.${id}" must be ${SETTING_HELP}; put options second: [warning, {...}]` });
    return out;
  }
  out.severity = checkSeverity(id, setting, problems);
  return out;
}

function checkSeverity(id: string, value: unknown, problems: SettingProblem[]): SeveritySetting | undefined {
  if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) return value as SeveritySetting;
  const suggestion = typeof value === 'string' ? didYouMean(value, SEVERITIES) : '';
  problems.push({ place: 'severity', message: `"rules.${id}" severity must be one of ${SEVERITIES.join(', ')}, got ${describeValue(value)}${suggestion}` });
  return undefined;
}

function checkOptions(id: string, value: unknown, specs: OptionSpecs, out: CheckedSetting): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.problems.push({ place: 'options', message: `"rules.${id}" options must be a mapping, e.g. [warning, {option: value}], got ${describeValue(value)}` });
    return;
  }
  const names = Object.keys(specs);
  for (const [name, optionValue] of Object.entries(value)) {
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const known = names.length === 0 ? `Rule "${id}" takes no options` : `Its options: ${names.join(', ')}`;
      const message = `unknown option "${name}" for "rules.${id}"${didYouMean(name, names)}${closest(name, names) ? '' : '.'} ${known}. See "copydesk explain ${id}".`;
      out.problems.push({ place: { optionName: name }, message });
      continue;
    }
    const checked = checkOption(spec, optionValue);
    if (checked.ok) out.options[name] = checked.value;
    else out.problems.push({ place: { optionValue: name }, message: `"rules.${id}" option "${name}" must be ${checked.expected}, got ${describeValue(optionValue)}` });
  }
}

type OptionCheck = { ok: true; value: OptionValue } | { ok: false; expected: string };

/** Checks one option value against its declared spec; `expected` completes "must be ...". */
export function checkOption(spec: OptionSpec, value: unknown): OptionCheck {
  switch (spec.type) {
    case 'number': {
      const inRange = typeof value === 'number' && Number.isFinite(value) && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
      return inRange ? { ok: true, value } : { ok: false, expected: numberExpectation(spec.min, spec.max) };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, expected: 'true or false' };
    case 'string':
      if (typeof value !== 'string') return { ok: false, expected: spec.enum ? `one of ${spec.enum.join(', ')}` : 'text' };
      if (spec.enum && !spec.enum.includes(value)) return { ok: false, expected: `one of ${spec.enum.join(', ')}` };
      return { ok: true, value };
    case 'string[]':
      if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) return { ok: false, expected: 'a list of text, e.g. [a, b]' };
      return { ok: true, value: value as string[] };
  }
}

function numberExpectation(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `a number from ${min} to ${max}`;
  if (min !== undefined) return `a number of at least ${min}`;
  if (max !== undefined) return `a number of at most ${max}`;
  return 'a number';
}
