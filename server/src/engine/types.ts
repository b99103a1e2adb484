// The engine's vocabulary: findings, fixes, rules and the resolved style they run under.
// Plain data only; nothing here touches files, terminals or LSP.

import type { ValeCheck, ValeSpec } from './custom/vale-spec.js';

export type Severity = 'info' | 'warning' | 'error';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** A replacement of source[start, end) by text. Offsets are UTF-16 indexes into the source string. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Imperative, shown as the quick-fix title: "Upper-case the city". */
  title: string;
  edits: TextEdit[];
}

/** Another place in the same draft that explains a finding ("first written here"). */
export interface RelatedLocation {
  start: number;
  end: number;
  message: string;
}

/** One problem. [start, end) are offsets into the source string (BOM included). */
export interface Finding {
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  /** Several equally good fixes (a Vale swap of "a|b"): offered in the editor, never applied by --fix. */
  suggestions?: Fix[];
  /** Read from the source itself (a Vale rule with `scope: raw`, a metric): may lie outside prose blocks. */
  raw?: boolean;
  /** Places in the same draft the message refers to (LSP relatedInformation, SARIF relatedLocations). */
  related?: RelatedLocation[];
}

/** Declared option of a rule: its type, default and a one-line description for docs and --print-config. */
export type OptionSpec =
  | { type: 'number'; default: number; min?: number; max?: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string'; default: string; enum?: readonly string[]; description: string }
  | { type: 'string[]'; default: readonly string[]; description: string };

export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValue = number | boolean | string | readonly string[];
export type RuleOptions = Record<string, OptionValue>;

/** What a rule sees of the style beyond its own options. Compiled once per config. */
export interface AcronymStyle {
  /** ACRONYM -> accepted expansions, first one preferred. */
  dictionary: ReadonlyMap<string, readonly string[]>;
  exempt: ReadonlySet<string>;
}

export interface DatelineStyle {
  /** Template, e.g. "{CITY}, {Region} -- " or "{CITY}, {Region}, {Date} - ". */
  form: string;
  /** Cities that stand without a region (upper case). */
  standalone: readonly string[];
  /** "required": a region must follow the city unless the city stands alone. */
  region: 'required' | 'optional';
}

/** The style a draft is linted under, after extends/merging/validation. Plain, JSON-serialisable data. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  acronyms: { dictionary: Record<string, string[]>; exempt: string[] };
  dateline: DatelineStyle;
  /** Preferred terms: the word or phrase to avoid -> the house term (read by the `terms` rule). */
  terms?: Record<string, string>;
  /** Declarative custom rules from the style (compiled by engine/custom-rules.ts). */
  custom?: CustomRuleSpec[];
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: RuleOptions;
}

export interface ReportInput {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  related?: RelatedLocation[];
}

export type CustomRuleKind = 'existence' | 'substitution' | 'conditional';

/** A custom rule's own examples (`tests:`), kept from validation for `copydesk test-rules`. */
export interface RuleExamples {
  fail?: string[];
  pass?: string[];
  fixed?: { text: string; output: string }[];
}

/** A custom rule as resolved from config: plain, JSON-serialisable data. */
export interface CustomRuleSpec {
  id: string;
  /** A Copydesk custom rule's type; a Vale rule may also be one of Vale's other checks. */
  kind: CustomRuleKind | ValeCheck;
  /** "%s" stands for the matched text (existence, conditional) or, for substitution, the preferred text then the matched text. */
  message: string;
  severity: Severity;
  ignoreCase: boolean;
  /** existence: plain words or phrases, matched as whole words. */
  words: string[];
  /** existence: RE2 patterns. */
  patterns: string[];
  /** substitution: [pattern, preferred]; a pattern is a plain phrase unless `regex` is true. */
  swap: [string, string][];
  /** Whether `swap` keys are RE2 patterns rather than plain phrases. */
  regex: boolean;
  /** conditional: the use (its first group, or the whole match, is the key) ... */
  first: string;
  /** ... must be preceded by a match of this pattern capturing the same key. */
  second: string;
  exceptions: string[];
  /** Which prose is checked. */
  scope: 'all' | 'body' | 'headline';
  /** The file that defined it, for listings. */
  source: string;
  /** Its documentation page (`doc:`), an absolute path: linked and shown like a built-in rule's page. */
  doc?: string;
  /** Its examples, as written under `tests:`. */
  tests?: RuleExamples;
  /** Present for a rule read from a Vale style: it then runs with Vale's semantics. */
  vale?: ValeSpec;
}
