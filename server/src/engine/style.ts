// Compiles a ResolvedConfig once into what rules read on the hot path: sets, maps, the
// dateline template. Rules never look at raw config data.

import type { AcronymStyle, ResolvedConfig, RuleOptions, SeveritySetting } from './types.js';
import { compileDatelineTemplate, type DatelineTemplate } from './dateline.js';

export interface CompiledStyle {
  config: ResolvedConfig;
  acronyms: AcronymStyle;
  dateline: DatelineTemplate;
  standaloneCities: ReadonlySet<string>;
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
    severityOf: (rule) => config.rules[rule]?.severity ?? 'off',
    optionsOf: (rule) => config.rules[rule]?.options ?? {},
  };
}
