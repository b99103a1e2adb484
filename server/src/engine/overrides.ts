// Per-draft overrides in front matter: `copydesk:` with `disable: [rule, ...]`, `rules:`
// (severity or [severity, {options}]), `acronyms:` (dictionary, exempt). They apply to that
// one draft on top of its style; mistakes come back as findings at the front matter.

import type { NewsDocument } from './document.js';
import { FRONT_MATTER_RULE } from './catalogue.js';
import type { CompiledStyle, RuleCatalogue } from './rule.js';
import { checkRuleSetting } from './rule-settings.js';
import { derivedStyle } from './style.js';
import type { Finding, ResolvedConfig } from './types.js';

export function styleForDraft(doc: NewsDocument, style: CompiledStyle): { style: CompiledStyle; findings: Finding[] } {
  const overrides = doc.frontMatter?.data?.copydesk;
  if (overrides === undefined) return { style, findings: [] };
  const range = doc.frontMatter!.valueRanges.get('copydesk') ?? [doc.frontMatter!.start, doc.frontMatter!.end];
  const problems: string[] = [];
  const config = applyOverrides(style.config, style.catalogue, overrides, problems);
  const severity = style.catalogue.get(FRONT_MATTER_RULE)!.defaultSeverity;
  const findings = problems.map((message) => ({
    rule: FRONT_MATTER_RULE,
    severity,
    start: range[0],
    end: range[1],
    message: `Front matter "copydesk": ${message}`,
  }));
  if (problems.length) return { style, findings };
  // One compile per style and set of overrides, in the one style cache (style.ts).
  return { style: derivedStyle(style, overrides, config), findings };
}

function applyOverrides(base: ResolvedConfig, catalogue: RuleCatalogue, overrides: unknown, problems: string[]): ResolvedConfig {
  if (!isRecord(overrides)) {
    problems.push('must be a mapping with disable:, rules: and/or acronyms:');
    return base;
  }
  const config: ResolvedConfig = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'disable') {
      const ids = Array.isArray(value) ? value : [value];
      for (const id of ids) {
        if (typeof id !== 'string') problems.push(`"disable" must list rule ids, got ${JSON.stringify(id)}`);
        else if (!catalogue.isRule(id)) problems.push(catalogue.unknownRuleMessage(id));
        else config.rules[id] = { severity: 'off', options: config.rules[id]?.options ?? {} };
      }
    } else if (key === 'rules' && isRecord(value)) {
      for (const [id, setting] of Object.entries(value)) applyRule(config, catalogue, id, setting, problems);
    } else if (key === 'acronyms' && isRecord(value)) {
      applyAcronyms(config, value, problems);
    } else {
      problems.push(`unknown or malformed setting "${key}"; a draft may set disable, rules and acronyms`);
    }
  }
  return config;
}

/** The same check as a style file's rules: (rule-settings.ts), over the style's own options. */
function applyRule(config: ResolvedConfig, catalogue: RuleCatalogue, id: string, setting: unknown, problems: string[]): void {
  const entry = catalogue.get(id);
  if (!entry || !catalogue.isRule(id)) return void problems.push(catalogue.unknownRuleMessage(id));
  const checked = checkRuleSetting(id, setting, entry.options);
  problems.push(...checked.problems.map((p) => p.message));
  if (checked.problems.length > 0 || checked.severity === undefined) return;
  config.rules[id] = { severity: checked.severity, options: { ...(config.rules[id]?.options ?? {}), ...checked.options } };
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
