// The "rules:" section: rule ids against the registry, severities, and each option against
// the rule's declared OptionSpec (type, range, enum). Pure; reports through NodeReporter.

import { isMap, isSeq, type YAMLMap } from 'yaml';
import { RULE_IDS, findRule } from '../rules/index.js';
import { SEVERITIES, type OptionSpec, type OptionValue, type SeveritySetting } from '../engine/types.js';
import type { RuleLayerSetting } from './layer.js';
import { describeNode, pairsOf, scalarOf, stringOf, type NodeReporter } from './nodes.js';
import { closest, didYouMean } from './source.js';

const SETTING_HELP = 'a severity (off, info, warning, error) or [severity, {option: value}]';

/**
 * Reads each rule's setting. An id that is not a built-in rule may be a custom rule from
 * anywhere in the extends chain, so it is only recorded here and checked in merge.
 */
export function validateRules(map: YAMLMap, r: NodeReporter, otherIds: { id: string; start: number; end: number }[]): Record<string, RuleLayerSetting> {
  const out: Record<string, RuleLayerSetting> = {};
  for (const { key, keyNode, value } of pairsOf(map)) {
    if (!RULE_IDS.has(key)) otherIds.push({ id: key, ...r.span(keyNode) });
    const setting = readRuleSetting(key, value, r);
    if (setting) out[key] = setting;
  }
  return out;
}

export function unknownRuleMessage(id: string, customIds: readonly string[]): string {
  const known = [...RULE_IDS, ...customIds];
  return `unknown rule "${id}"${didYouMean(id, known)}${closest(id, known) ? '' : '.'} Run "copydesk rules" for the list.`;
}

function readRuleSetting(id: string, node: unknown, r: NodeReporter): RuleLayerSetting | undefined {
  if (isSeq(node)) {
    if (node.items.length === 0 || node.items.length > 2) {
      r.error(node, `"rules.${id}" must be ${SETTING_HELP}, got a list of ${node.items.length}`);
      return undefined;
    }
    const severity = readSeverity(id, node.items[0], r);
    const options = node.items.length === 2 ? readOptions(id, node.items[1], r) : {};
    return severity === undefined || options === undefined ? undefined : { severity, options };
  }
  if (isMap(node)) {
    r.error(node, `"rules.${id}" must be ${SETTING_HELP}; put options second: [warning, {...}]`);
    return undefined;
  }
  const severity = readSeverity(id, node, r);
  return severity === undefined ? undefined : { severity, options: {} };
}

function readSeverity(id: string, node: unknown, r: NodeReporter): SeveritySetting | undefined {
  const value = stringOf(node);
  if (value !== undefined && (SEVERITIES as readonly string[]).includes(value)) return value as SeveritySetting;
  const suggestion = value === undefined ? '' : didYouMean(value, SEVERITIES);
  r.error(node, `"rules.${id}" severity must be one of ${SEVERITIES.join(', ')}, got ${describeNode(node)}${suggestion}`);
  return undefined;
}

function readOptions(id: string, node: unknown, r: NodeReporter): Record<string, OptionValue> | undefined {
  if (!isMap(node)) {
    r.error(node, `"rules.${id}" options must be a mapping, e.g. [warning, {option: value}], got ${describeNode(node)}`);
    return undefined;
  }
  const specs = findRule(id)?.options ?? {};
  const names = Object.keys(specs);
  const out: Record<string, OptionValue> = {};
  for (const { key, keyNode, value } of pairsOf(node)) {
    const spec = specs[key];
    if (!spec) {
      const known = names.length === 0 ? `Rule "${id}" takes no options` : `Its options: ${names.join(', ')}`;
      r.error(keyNode, `unknown option "${key}" for "rules.${id}"${didYouMean(key, names)}${closest(key, names) ? '' : '.'} ${known}. See "copydesk explain ${id}".`);
      continue;
    }
    const checked = checkOption(spec, value);
    if (checked.ok) out[key] = checked.value;
    else r.error(value, `"rules.${id}" option "${key}" must be ${checked.expected}, got ${describeNode(value)}`);
  }
  return out;
}

type OptionCheck = { ok: true; value: OptionValue } | { ok: false; expected: string };

/** Checks one option value against its declared spec; `expected` completes "must be ...". */
export function checkOption(spec: OptionSpec, node: unknown): OptionCheck {
  const value = scalarOf(node);
  switch (spec.type) {
    case 'number': {
      const expected = numberExpectation(spec.min, spec.max);
      const inRange = typeof value === 'number' && Number.isFinite(value) && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
      return inRange ? { ok: true, value } : { ok: false, expected };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, expected: 'true or false' };
    case 'string':
      if (typeof value !== 'string') return { ok: false, expected: spec.enum ? `one of ${spec.enum.join(', ')}` : 'text' };
      if (spec.enum && !spec.enum.includes(value)) return { ok: false, expected: `one of ${spec.enum.join(', ')}` };
      return { ok: true, value };
    case 'string[]': {
      const items = isSeq(node) ? node.items.map(stringOf) : undefined;
      if (!items || items.some((s) => s === undefined)) return { ok: false, expected: 'a list of text, e.g. [a, b]' };
      return { ok: true, value: items as string[] };
    }
  }
}

function numberExpectation(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `a number from ${min} to ${max}`;
  if (min !== undefined) return `a number of at least ${min}`;
  if (max !== undefined) return `a number of at most ${max}`;
  return 'a number';
}
