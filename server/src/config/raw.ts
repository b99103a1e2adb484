// The shape of a .copydesk.yaml as a maintainer writes it, before extends and defaults.

import type { DatelineStyle, SeveritySetting } from '../engine/types.js';

export type RawRuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface RawConfig {
  /** "copydesk:recommended", a path to another YAML file (relative to this one), or a list of them. */
  extends?: string | string[];
  rules?: Record<string, RawRuleSetting>;
  acronyms?: {
    /** ACRONYM -> its expansion, or several accepted expansions (the first is preferred). */
    dictionary?: Record<string, string | string[]>;
    exempt?: string[];
  };
  dateline?: Partial<DatelineStyle>;
}
