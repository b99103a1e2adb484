// The shape of a .copydesk.yaml as a maintainer writes it, before extends and defaults.

import type { DatelineStyle, RuleExamples, SeveritySetting } from '../engine/types.js';

export type RawRuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface RawCustomRule {
  id: string;
  type: 'existence' | 'substitution' | 'conditional';
  message?: string;
  severity?: 'info' | 'warning' | 'error';
  ignorecase?: boolean;
  words?: string[];
  patterns?: string[];
  swap?: Record<string, string>;
  regex?: boolean;
  first?: string;
  second?: string;
  exceptions?: string[];
  scope?: 'all' | 'body' | 'headline';
  /** A Markdown page about the rule, relative to the style file. */
  doc?: string;
  tests?: RuleExamples;
}

export interface RawConfig {
  /** "copydesk:recommended", "none", a path to another YAML file or a Vale style folder (relative to this file), or a list. */
  extends?: string | string[];
  /** Stop looking for .copydesk.yaml files in farther folders. */
  root?: boolean;
  rules?: Record<string, RawRuleSetting>;
  acronyms?: {
    /** ACRONYM -> its expansion, or several accepted expansions (the first is preferred). */
    dictionary?: Record<string, string | string[]>;
    /** Acronyms that need no expansion; "!ACR" removes an inherited one. */
    exempt?: string[];
  };
  dateline?: Partial<DatelineStyle>;
  /** Word or phrase to avoid -> the house term. */
  terms?: Record<string, string>;
  custom?: RawCustomRule[];
  /** Drafts to leave out, gitignore syntax, relative to the config file's folder. */
  ignores?: string[];
  /** Also leave out what the repository's .gitignore files ignore. */
  gitignore?: boolean;
}
