// The rule catalogue: one entry for every id a finding can carry in a style (built-in rules,
// the style's custom rules, the engine's pseudo-rules), with its severity and options in that
// style. Built when a style is compiled; the lint loop, the config and front-matter
// validators, `rules`/`explain`, the LSP and the report formats all ask it. Pure.

import { compileCustomRule } from './custom-rules.js';
import type { CatalogueEntry, RuleCatalogue, RuleDefinition } from './rule.js';
import { closest, didYouMean } from './suggest.js';
import type { CustomRuleSpec, OptionSpecs, RuleOptions, RuleSetting, Severity } from './types.js';

/** Problems with control comments themselves (an unknown rule named in one). */
export const CONTROL_COMMENT_RULE = 'control-comment';
/** Problems in a draft's own `copydesk:` front matter. */
export const FRONT_MATTER_RULE = 'front-matter';
/** A draft that cannot be checked (nested too deeply to parse). */
export const PARSE_RULE = 'parse';
/** An error in a style file, shown in the editor. */
export const CONFIG_RULE = 'config';

const PSEUDO_RULES: readonly { id: string; severity: Severity; description: string }[] = [
  { id: CONTROL_COMMENT_RULE, severity: 'warning', description: 'A copydesk-disable or copydesk-enable comment names a rule the style does not have.' },
  { id: FRONT_MATTER_RULE, severity: 'error', description: 'The draft\'s "copydesk:" front matter has a mistake; the draft is checked under its style as it stands.' },
  { id: PARSE_RULE, severity: 'error', description: 'The draft cannot be checked: it is nested too deeply to parse.' },
  { id: CONFIG_RULE, severity: 'error', description: 'The style file has an error; drafts under it are not checked until it is fixed.' },
];

/** What a catalogue is built from: a resolved style, or (for validation) the custom rules known so far. */
export interface CatalogueInput {
  rules?: Record<string, RuleSetting>;
  custom?: readonly CustomRuleSpec[];
}

/** `compile`: build runnable custom rules (compiling their patterns); validators leave it off. */
export function buildCatalogue(builtIns: readonly RuleDefinition[], input: CatalogueInput = {}, compile = false): RuleCatalogue {
  const settings = input.rules ?? {};
  const entries: CatalogueEntry[] = [];
  for (const rule of builtIns) {
    entries.push({
      id: rule.id,
      kind: 'built-in',
      description: rule.description,
      defaultSeverity: rule.defaultSeverity,
      severity: settings[rule.id]?.severity ?? 'off',
      options: rule.options,
      optionValues: settings[rule.id]?.options ?? {},
      fixable: rule.fixable,
      page: { packaged: `docs/rules/${rule.id}.md` },
      rule,
    });
  }
  for (const spec of input.custom ?? []) {
    // One set under rules: wins over the rule's own.
    const severity = settings[spec.id]?.severity ?? spec.severity;
    entries.push({
      id: spec.id,
      kind: 'custom',
      description: `${spec.kind}: ${spec.message}`,
      defaultSeverity: spec.severity,
      severity,
      options: {},
      optionValues: {},
      fixable: customFixable(spec),
      ...(spec.doc ? { page: { file: spec.doc } } : {}),
      ...(compile ? { rule: customRule(severity === 'off' ? spec : { ...spec, severity }) } : {}),
      custom: spec,
    });
  }
  for (const pseudo of PSEUDO_RULES) {
    entries.push({ id: pseudo.id, kind: 'pseudo', description: pseudo.description, defaultSeverity: pseudo.severity, severity: pseudo.severity, options: {}, optionValues: {}, fixable: false });
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ruleIds = entries.filter((e) => e.kind !== 'pseudo').map((e) => e.id);
  return {
    entries,
    builtIns,
    active: entries.filter((e) => e.rule !== undefined && e.severity !== 'off'),
    get: (id) => byId.get(id),
    isRule: (id) => byId.get(id)?.kind === 'built-in' || byId.get(id)?.kind === 'custom',
    suggest: (id) => closest(id, ruleIds),
    unknownRuleMessage: (id) => `unknown rule "${id}"${didYouMean(id, ruleIds)}${closest(id, ruleIds) ? '' : '.'} Run "copydesk rules" for the list.`,
  };
}

/** Declared defaults as option values (fresh arrays: a caller may change them). */
export function defaultOptions(specs: OptionSpecs): RuleOptions {
  const options: RuleOptions = {};
  for (const [name, spec] of Object.entries(specs)) options[name] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return options;
}

/** A custom rule in the rule shape, compiled at its severity in force: its matcher's findings are reported as they are. */
function customRule(spec: CustomRuleSpec): RuleDefinition {
  const matcher = compileCustomRule(spec);
  return {
    id: spec.id,
    description: spec.message,
    defaultSeverity: spec.severity,
    fixable: customFixable(spec),
    options: {},
    check: (context) => {
      for (const found of matcher.check(context.doc)) context.report(found);
    },
  };
}

/** Substitution is the only custom kind with a fix (it swaps in the preferred text). */
function customFixable(spec: CustomRuleSpec): boolean {
  return spec.kind === 'substitution';
}
