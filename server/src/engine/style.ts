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
  const houseSpelling = termRewriter(config.terms ?? {});
  for (const [acronym, expansions] of Object.entries(config.acronyms.dictionary)) dictionary.set(acronym, expansions.map(houseSpelling));
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

/**
 * Rewrites a dictionary expansion in the house terms' single words, keeping an initial capital
 * ("World Health Organization" under organization -> organisation reads "World Health
 * Organisation"), so the acronym fix writes the house form at once instead of handing `terms`
 * a second pass. Names are matched in either regional spelling, so readings are unchanged.
 */
function termRewriter(terms: Record<string, string>): (expansion: string) => string {
  const single = new Map<string, string>();
  for (const [avoid, prefer] of Object.entries(terms)) if (/^[\p{L}'-]+$/u.test(avoid)) single.set(avoid.toLowerCase(), prefer);
  if (single.size === 0) return (expansion) => expansion;
  return (expansion) =>
    expansion.replace(/[\p{L}'-]+/gu, (word) => {
      const prefer = single.get(word.toLowerCase());
      if (prefer === undefined || prefer.toLowerCase() === word.toLowerCase()) return word;
      return /^\p{Lu}/u.test(word) ? prefer.charAt(0).toUpperCase() + prefer.slice(1) : prefer;
    });
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
