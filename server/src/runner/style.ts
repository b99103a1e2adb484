// The top of the rule stack: the one place the built-in rules (rules/) meet the engine's
// style compiler and catalogue. Everything that compiles a style or asks which rules exist
// before one is compiled (config validation, `copydesk init`) comes here; engine/ never
// imports rules/.

import { buildCatalogue, type CatalogueInput } from '../engine/catalogue.js';
import type { CatalogueEntry, RuleCatalogue } from '../engine/rule.js';
import { cachedStyle, compileStyleWith, type CompiledStyle } from '../engine/style.js';
import type { ResolvedConfig } from '../engine/types.js';
import { RULES } from '../rules/index.js';

/** Compiles a resolved style with every built-in rule; its `catalogue` describes each rule id. */
export function compileStyle(config: ResolvedConfig): CompiledStyle {
  return compileStyleWith(config, RULES);
}

/**
 * The same, compiled once per resolved config in the engine's one style cache (engine/style.ts,
 * which a draft's front-matter overrides share): an equal config resolved again (a style file
 * saved unchanged) reuses the compile. The CLI and the server reach it through runner/entry.ts.
 */
export function compiledStyle(config: ResolvedConfig): CompiledStyle {
  return cachedStyle(config, RULES);
}

/** The catalogue before a style is compiled: the built-in rules and the custom rules known so far. */
export function ruleCatalogue(input: CatalogueInput = {}): RuleCatalogue {
  return buildCatalogue(RULES, input);
}

const builtIn = ruleCatalogue();

/** The built-in rules alone, at their own defaults (for validation of settings and the built-in style). */
export function builtInCatalogue(): RuleCatalogue {
  return builtIn;
}

/** The built-in rules' entries, in run order. */
export function builtInRules(): readonly CatalogueEntry[] {
  return builtInList;
}

/** A built-in rule's entry, or undefined (custom and pseudo-rules are not built in). */
export function builtInRule(id: string): CatalogueEntry | undefined {
  const entry = builtIn.get(id);
  return entry?.kind === 'built-in' ? entry : undefined;
}

const builtInList = builtIn.entries.filter((e) => e.kind === 'built-in');
