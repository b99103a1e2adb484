// Per-draft overrides in front matter: `copydesk:` with `disable: [rule, ...]`, `rules:`
// (severity or [severity, {options}]), `acronyms:` (dictionary, exempt). They apply to that
// one draft on top of its style; mistakes come back as findings at the front matter.

import type { NewsDocument } from './document.js';
import { compileStyle, type CompiledStyle } from './style.js';
import { SEVERITIES, type Finding, type OptionSpec, type ResolvedConfig, type SeveritySetting } from './types.js';
import { findRule } from '../rules/index.js';

/** Pseudo-rule for problems in a draft's own `copydesk:` front matter. */
export const FRONT_MATTER_RULE = 'front-matter';

const cache = new WeakMap<CompiledStyle, Map<string, CompiledStyle>>();

export function styleForDraft(doc: NewsDocument, style: CompiledStyle): { style: CompiledStyle; findings: Finding[] } {
  const overrides = doc.frontMatter?.data?.copydesk;
  if (overrides === undefined) return { style, findings: [] };
  const range = doc.frontMatter!.valueRanges.get('copydesk') ?? [doc.frontMatter!.start, doc.frontMatter!.end];
  const problems: string[] = [];
  const config = applyOverrides(style.config, overrides, problems);
  const findings = problems.map((message) => ({
    rule: FRONT_MATTER_RULE,
    severity: 'error' as const,
    start: range[0],
    end: range[1],
    message: `Front matter "copydesk": ${message}`,
  }));
  if (problems.length) return { style, findings };
  const key = JSON.stringify(overrides);
  let perStyle = cache.get(style);
  if (!perStyle) cache.set(style, (perStyle = new Map()));
  let derived = perStyle.get(key);
  if (!derived) perStyle.set(key, (derived = compileStyle(config)));
  return { style: derived, findings };
}

function applyOverrides(base: ResolvedConfig, overrides: unknown, problems: string[]): ResolvedConfig {
  if (!isRecord(overrides)) {
    problems.push('must be a mapping with disable:, rules: and/or acronyms:');
    return base;
  }
  const config: ResolvedConfig = structuredClone(base);
  const known = (id: string) => findRule(id) !== undefined || (config.custom ?? []).some((c) => c.id === id);
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'disable') {
      const ids = Array.isArray(value) ? value : [value];
      for (const id of ids) {
        if (typeof id !== 'string' || !known(id)) problems.push(`"disable" names an unknown rule ${JSON.stringify(id)}; run "copydesk rules" for the ids`);
        else config.rules[id] = { severity: 'off', options: config.rules[id]?.options ?? {} };
      }
    } else if (key === 'rules' && isRecord(value)) {
      for (const [id, setting] of Object.entries(value)) applyRule(config, id, setting, known(id), problems);
    } else if (key === 'acronyms' && isRecord(value)) {
      applyAcronyms(config, value, problems);
    } else {
      problems.push(`unknown or malformed setting "${key}"; a draft may set disable, rules and acronyms`);
    }
  }
  return config;
}

function applyRule(config: ResolvedConfig, id: string, setting: unknown, known: boolean, problems: string[]): void {
  if (!known) return void problems.push(`unknown rule "${id}"; run "copydesk rules" for the ids`);
  const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
  if (!SEVERITIES.includes(severity as SeveritySetting)) return void problems.push(`rules.${id}: use one of ${SEVERITIES.join(', ')}`);
  const specs = findRule(id)?.options ?? {};
  const merged = { ...(config.rules[id]?.options ?? {}) };
  if (options !== undefined) {
    if (!isRecord(options)) return void problems.push(`rules.${id}: options must be a mapping`);
    for (const [name, value] of Object.entries(options)) {
      const spec = specs[name];
      if (!spec) return void problems.push(`rules.${id} has no option "${name}"`);
      if (!fits(spec, value)) return void problems.push(`rules.${id} option "${name}" must be ${spec.type === 'string[]' ? 'a list of text' : `a ${spec.type}`}`);
      merged[name] = value as never;
    }
  }
  config.rules[id] = { severity: severity as SeveritySetting, options: merged };
}

function applyAcronyms(config: ResolvedConfig, value: Record<string, unknown>, problems: string[]): void {
  const dictionary = value.dictionary;
  if (dictionary !== undefined) {
    if (!isRecord(dictionary)) return void problems.push('acronyms.dictionary must be a mapping of ACRONYM: Full Name');
    for (const [acronym, expansion] of Object.entries(dictionary)) {
      const names = [expansion].flat();
      if (!names.every((n) => typeof n === 'string' && n.trim())) return void problems.push(`acronyms.dictionary.${acronym} must be the full name`);
      config.acronyms.dictionary[acronym] = names as string[];
    }
  }
  if (value.exempt !== undefined) {
    if (!Array.isArray(value.exempt) || !value.exempt.every((e) => typeof e === 'string')) return void problems.push('acronyms.exempt must be a list');
    config.acronyms.exempt = [...new Set([...config.acronyms.exempt, ...(value.exempt as string[])])];
  }
}

function fits(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && (!spec.enum || spec.enum.includes(value));
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
