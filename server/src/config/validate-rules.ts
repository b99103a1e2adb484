// The "rules:" section: each setting checked by the catalogue's one rule-setting validator
// (engine/rule-settings.ts, shared with front-matter overrides), its problems placed on the
// YAML node they are about. Pure; reports through NodeReporter.

import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { checkRuleSetting, type SettingPlace } from '../engine/rule-settings.js';
import { builtInCatalogue } from '../runner/style.js';
import type { RuleLayerSetting } from './layer.js';
import { pairsOf, type NodeReporter } from './nodes.js';

/**
 * Reads each rule's setting. An id that is not a built-in rule may be a custom rule from
 * anywhere in the extends chain, so it is only recorded here and checked in merge.
 */
export function validateRules(map: YAMLMap, r: NodeReporter, otherIds: { id: string; start: number; end: number }[]): Record<string, RuleLayerSetting> {
  const catalogue = builtInCatalogue();
  const out: Record<string, RuleLayerSetting> = {};
  for (const { key, keyNode, value } of pairsOf(map)) {
    if (!catalogue.isRule(key)) otherIds.push({ id: key, ...r.span(keyNode) });
    const checked = checkRuleSetting(key, plainOf(value), catalogue.get(key)?.options ?? {});
    for (const problem of checked.problems) r.error(nodeAt(value, problem.place), problem.message);
    if (checked.problems.length === 0 && checked.severity !== undefined) out[key] = { severity: checked.severity, options: checked.options };
  }
  return out;
}

/** A YAML value as plain data (what a draft's front matter gives the same validator). */
function plainOf(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map(plainOf);
  if (isMap(node)) return Object.fromEntries(pairsOf(node).map((p) => [p.key, plainOf(p.value)]));
  return undefined;
}

function nodeAt(setting: unknown, place: SettingPlace): unknown {
  if (place === 'setting') return setting;
  const items = isSeq(setting) ? setting.items : [setting];
  if (place === 'severity') return items[0];
  const options = items[1];
  if (place === 'options' || !isMap(options)) return options;
  const pair = pairsOf(options).find((p) => p.key === ('optionName' in place ? place.optionName : place.optionValue));
  if (!pair) return options;
  return 'optionName' in place ? pair.keyNode : pair.value;
}
