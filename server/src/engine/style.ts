// Compiles a ResolvedConfig once into what rules read on the hot path: sets, maps, the
// dateline template. Rules never look at raw config data.

import type { AcronymStyle, ResolvedConfig, RuleOptions, SeveritySetting } from './types.js';
import { compileDatelineTemplate, type DatelineTemplate } from './dateline.js';
import { compileCustomRule, type CompiledCustomRule, type CustomRuleSpec } from './custom-rules.js';

export interface CompiledStyle {
  config: ResolvedConfig;
  acronyms: AcronymStyle;
  dateline: DatelineTemplate;
  standaloneCities: ReadonlySet<string>;
  /** The house terms as one substitution rule, or null when the style has none. */
  terms: CompiledCustomRule | null;
  custom: readonly CompiledCustomRule[];
  severityOf(rule: string): SeveritySetting;
  optionsOf(rule: string): RuleOptions;
}

export function compileStyle(config: ResolvedConfig): CompiledStyle {
  const dictionary = new Map<string, readonly string[]>();
  for (const [acronym, expansions] of Object.entries(config.acronyms.dictionary)) dictionary.set(acronym, expansions);
  const template = compileDatelineTemplate(config.dateline.form);
  if (!template.ok) throw new Error(`internal: unvalidated dateline form: ${template.error}`);
  return {
    config,
    acronyms: { dictionary, exempt: new Set(config.acronyms.exempt) },
    dateline: template.template,
    standaloneCities: new Set(config.dateline.standalone.map((c) => c.toUpperCase())),
    terms: compileTerms(config.terms ?? {}),
    custom: (config.custom ?? []).map(compileCustomRule),
    severityOf: (rule) => config.rules[rule]?.severity ?? 'off',
    optionsOf: (rule) => config.rules[rule]?.options ?? {},
  };
}

/** The terms list runs as a substitution: case-insensitive, whole words, with the house term as fix. */
function compileTerms(terms: Record<string, string>): CompiledCustomRule | null {
  const swap = Object.entries(terms);
  if (swap.length === 0) return null;
  const spec: CustomRuleSpec = {
    id: 'terms',
    kind: 'substitution',
    message: 'Use "%s", not "%s".',
    severity: 'warning',
    ignoreCase: true,
    words: [],
    patterns: [],
    swap,
    regex: false,
    first: '',
    second: '',
    exceptions: [],
    scope: 'all',
    source: 'terms',
  };
  return compileCustomRule(spec);
}
