// The contract between the engine and a rule, and what a rule sees: the compiled style and
// its rule catalogue. Built-in rules (rules/) and custom rules (custom-rules.ts) both take
// the RuleDefinition shape; the catalogue (catalogue.ts) holds one entry per id a finding can
// carry. Types only, so that rules, the catalogue and the style compiler share them without cycles.

import type { NewsDocument } from './document.js';
import type { DatelineTemplate } from './dateline.js';
import type { CompiledCustomRule } from './custom-rules.js';
import type { AcronymStyle, CustomRuleSpec, OptionSpecs, ReportInput, ResolvedConfig, RuleOptions, Severity, SeveritySetting } from './types.js';

export interface RuleContext {
  doc: NewsDocument;
  /** This rule's options, validated and with defaults filled in. */
  options: RuleOptions;
  style: CompiledStyle;
  report(finding: ReportInput): void;
}

export interface RuleDefinition {
  id: string;
  description: string;
  /** Its severity in copydesk:recommended and in `copydesk init`'s starter style. */
  defaultSeverity: Severity;
  fixable: boolean;
  options: OptionSpecs;
  check(context: RuleContext): void;
}

/** built-in: rules/; custom: a style's custom: or Vale rule; pseudo: problems the engine itself reports. */
export type RuleKind = 'built-in' | 'custom' | 'pseudo';

/** One id a finding can carry, as this style has it. */
export interface CatalogueEntry {
  id: string;
  kind: RuleKind;
  description: string;
  /** The rule's own severity (a built-in rule's default, a custom rule's `severity:`). */
  defaultSeverity: Severity;
  /** Its severity in this style. */
  severity: SeveritySetting;
  /** Declared options (none for custom and pseudo-rules). */
  options: OptionSpecs;
  /** This style's option values (a resolved style has every default filled in). */
  optionValues: RuleOptions;
  fixable: boolean;
  /** Its page: "docs/rules/ID.md" inside the Copydesk package, or a custom rule's `doc:` (absolute path). */
  page?: { packaged: string } | { file: string };
  /** What runs (absent for pseudo-rules, which the engine reports itself). */
  rule?: RuleDefinition;
  /** A custom rule's definition. */
  custom?: CustomRuleSpec;
}

export interface RuleCatalogue {
  /** Built-in rules in run order, then custom rules, then pseudo-rules. */
  readonly entries: readonly CatalogueEntry[];
  /** The built-in rule definitions this catalogue was built from (a front-matter style is built from them again). */
  readonly builtIns: readonly RuleDefinition[];
  /** Rules that run in this style: on, with a check, in order. */
  readonly active: readonly CatalogueEntry[];
  get(id: string): CatalogueEntry | undefined;
  /** Whether a style, a draft's front matter or a control comment may name this id (built-in or custom; not a pseudo-rule). */
  isRule(id: string): boolean;
  /** The one "unknown rule" message, with a suggestion when an id is close. */
  unknownRuleMessage(id: string): string;
  /** The nearest rule id to a mistyped one; undefined when none is close. */
  suggest(id: string): string | undefined;
}

export interface CompiledStyle {
  config: ResolvedConfig;
  catalogue: RuleCatalogue;
  acronyms: AcronymStyle;
  dateline: DatelineTemplate;
  standaloneCities: ReadonlySet<string>;
  /** The house terms as one substitution matcher, or null when the style has none. */
  terms: CompiledCustomRule | null;
  severityOf(rule: string): SeveritySetting;
  optionsOf(rule: string): RuleOptions;
}
