// One config file (or the built-in style) after validation, before merging: only the
// settings it states, with the positions of its extends entries for later errors.

import type { CustomRuleSpec } from '../engine/types.js';
import type { DatelineStyle, RuleOptions, SeveritySetting } from '../engine/types.js';
import type { ConfigError } from './errors.js';
import type { ConfigSource, Span } from './source.js';

export interface ExtendsEntry {
  target: string;
  span: Span;
}

export interface RuleLayerSetting {
  /** Absent when only options were given; the inherited severity stays. */
  severity?: SeveritySetting;
  options: RuleOptions;
}

export interface ConfigLayer {
  /** Absolute path of the file, or "copydesk:recommended". */
  origin: string;
  root: boolean;
  /** undefined: no extends key (builds on what lies beneath); "none": start from nothing. */
  extends: ExtendsEntry[] | 'none' | undefined;
  rules: Record<string, RuleLayerSetting>;
  dictionary: Record<string, string[]>;
  /** Acronyms to exempt; "!ACR" removes an inherited exemption. */
  exempt: string[];
  dateline: Partial<DatelineStyle>;
  terms: Record<string, string>;
  custom: CustomRuleSpec[];
  /** Drafts to leave out (gitignore syntax, relative to this file's folder). */
  ignores: string[];
  /** Whether the repository's .gitignore files also leave drafts out; undefined: as inherited. */
  gitignore?: boolean;
  /** Keys under rules: that are not built-in rules: custom rule ids, or mistakes (checked in merge). */
  otherRuleIds: { id: string; start: number; end: number }[];
}

export interface ParsedConfigFile {
  source: ConfigSource;
  layer: ConfigLayer;
  errors: ConfigError[];
  /** Things loaded only in part, e.g. a Vale rule of a check type Copydesk does not run. */
  warnings?: string[];
}

export function emptyLayer(origin: string): ConfigLayer {
  return { origin, root: false, extends: undefined, rules: {}, dictionary: {}, exempt: [], dateline: {}, terms: {}, custom: [], ignores: [], otherRuleIds: [] };
}
