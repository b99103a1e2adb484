// Compiles a ResolvedConfig once into what rules read on the hot path: sets, maps, the
// dateline template, the rule catalogue. Rules never look at raw config data. The one cache of
// compiled styles lives here: a style file's (runner/entry.ts) and a draft's front-matter
// overrides of it (overrides.ts) both come from `cachedStyle`.

import type { ResolvedConfig } from './types.js';
import { compileDatelineTemplate } from './dateline.js';
import { compileCustomRule, type CompiledCustomRule, type CustomRuleSpec } from './custom-rules.js';
import { buildCatalogue } from './catalogue.js';
import type { CompiledStyle, RuleDefinition } from './rule.js';

export type { CompiledStyle } from './rule.js';

/**
 * Compiles a style with the given built-in rules (rules/ hands them in through
 * runner/style.ts, so the engine never imports rules/). Its catalogue answers every
 * question about a rule id: severity, options, fix, page.
 */
export function compileStyleWith(config: ResolvedConfig, builtIns: readonly RuleDefinition[]): CompiledStyle {
  const dictionary = new Map<string, readonly string[]>();
  const houseSpelling = termRewriter(config.terms ?? {});
  for (const [acronym, expansions] of Object.entries(config.acronyms.dictionary)) dictionary.set(acronym, expansions.map(houseSpelling));
  const template = compileDatelineTemplate(config.dateline.form);
  if (!template.ok) throw new Error(`internal: unvalidated dateline form: ${template.error}`);
  const catalogue = buildCatalogue(builtIns, config, true);
  return {
    config,
    catalogue,
    acronyms: { dictionary, exempt: new Set(config.acronyms.exempt) },
    dateline: template.template,
    standaloneCities: new Set(config.dateline.standalone.map((c) => c.toUpperCase())),
    terms: compileTerms(config.terms ?? {}),
    severityOf: (rule) => catalogue.get(rule)?.severity ?? 'off',
    optionsOf: (rule) => catalogue.get(rule)?.optionValues ?? {},
  };
}

const byObject = new WeakMap<ResolvedConfig, CompiledStyle>();
/** By rule list (in practice one: rules/ through runner/style.ts), then by key. */
const byKey = new WeakMap<readonly RuleDefinition[], Map<string, CompiledStyle>>();
const keyOf = new WeakMap<CompiledStyle, string>();
const MAX_STYLES_BY_KEY = 64;

/**
 * The compiled style of a resolved config, compiled once: by the object itself, and by a key
 * (its JSON unless given) so an equal config resolved again (a style file saved unchanged, a
 * draft with the same front-matter overrides) reuses the compile.
 */
export function cachedStyle(config: ResolvedConfig, builtIns: readonly RuleDefinition[], key?: string): CompiledStyle {
  const known = byObject.get(config);
  if (known) return known;
  key ??= JSON.stringify(config);
  let styles = byKey.get(builtIns);
  if (!styles) byKey.set(builtIns, (styles = new Map()));
  let style = styles.get(key);
  if (!style) {
    style = compileStyleWith(config, builtIns);
    if (styles.size >= MAX_STYLES_BY_KEY) styles.clear();
    styles.set(key, style);
    keyOf.set(style, key);
  }
  byObject.set(config, style);
  return style;
}

/** `base` with a draft's overrides applied (`config`), cached by the base's key and the overrides' JSON. */
export function derivedStyle(base: CompiledStyle, overrides: unknown, config: ResolvedConfig): CompiledStyle {
  let baseKey = keyOf.get(base);
  if (baseKey === undefined) keyOf.set(base, (baseKey = JSON.stringify(base.config)));
  return cachedStyle(config, base.catalogue.builtIns, `${baseKey}\u0000overrides:${JSON.stringify(overrides)}`);
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
