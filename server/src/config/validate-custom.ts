// The "custom:" section: declarative existence / substitution / conditional rules, checked
// field by field, with every pattern compiled on RE2 so a bad regex is a config error here.

import { isMap, isSeq, type YAMLMap } from 'yaml';
import path from 'node:path';
import { compilePattern } from '../engine/custom-rules.js';
import type { CustomRuleKind, CustomRuleSpec, RuleExamples, Severity } from '../engine/types.js';
import { builtInCatalogue } from '../runner/style.js';
import { describeNode, pairsOf, scalarOf, stringListOf, stringOf, unknownKeyMessage, type NodeReporter } from './nodes.js';

const KINDS: readonly CustomRuleKind[] = ['existence', 'substitution', 'conditional'];
const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
const SCOPES: readonly CustomRuleSpec['scope'][] = ['all', 'body', 'headline'];
const DEFAULT_MESSAGES: Record<CustomRuleKind, string> = {
  existence: 'Avoid "%s".',
  substitution: 'Use "%s" instead of "%s".',
  conditional: '"%s" needs its definition earlier.',
};
const KEYS = ['id', 'type', 'message', 'severity', 'ignorecase', 'words', 'patterns', 'swap', 'regex', 'first', 'second', 'exceptions', 'scope', 'doc', 'tests'];

export function validateCustomRules(node: unknown, origin: string, r: NodeReporter): CustomRuleSpec[] {
  if (!isSeq(node)) {
    r.error(node, `"custom" must be a list of rules, each with "id:", "type:" and "message:", got ${describeNode(node)}`);
    return [];
  }
  const rules: CustomRuleSpec[] = [];
  const seen = new Set<string>();
  node.items.forEach((item, index) => {
    const rule = readCustomRule(item, index, origin, r);
    if (!rule) return;
    if (seen.has(rule.id)) r.error(item, `custom rule id "${rule.id}" is used twice; give each rule its own id`);
    else rules.push(rule);
    seen.add(rule.id);
  });
  return rules;
}

function readCustomRule(node: unknown, index: number, origin: string, r: NodeReporter): CustomRuleSpec | undefined {
  if (!isMap(node)) {
    r.error(node, `custom rule ${index + 1} must be a mapping with "id:", "type:" and "message:", got ${describeNode(node)}`);
    return undefined;
  }
  const spec: CustomRuleSpec = {
    id: '', kind: 'existence', message: '', severity: 'warning', ignoreCase: true, words: [], patterns: [], swap: [],
    regex: false, first: '', second: '', exceptions: [], scope: 'all', source: origin,
  };
  const before = r.errors.length;
  let where = `custom rule ${index + 1}`;
  const text = (value: unknown, key: string): string => {
    const s = stringOf(value);
    if (s === undefined || s === '') r.error(value, `"${key}" of ${where} must be text, got ${describeNode(value)}`);
    return s ?? '';
  };
  const choice = <T extends string>(value: unknown, key: string, allowed: readonly T[]): T | undefined => {
    const s = stringOf(value);
    if (s !== undefined && (allowed as readonly string[]).includes(s)) return s as T;
    r.error(value, `"${key}" of ${where} must be one of ${allowed.join(', ')}, got ${describeNode(value)}`);
    return undefined;
  };
  const flag = (value: unknown, key: string): boolean => {
    if (typeof scalarOf(value) === 'boolean') return scalarOf(value) as boolean;
    r.error(value, `"${key}" of ${where} must be true or false, got ${describeNode(value)}`);
    return false;
  };
  const pairs = pairsOf(node);
  const idPair = pairs.find((p) => p.key === 'id');
  if (idPair) {
    spec.id = text(idPair.value, 'id');
    if (spec.id && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(spec.id)) r.error(idPair.value, `custom rule id "${spec.id}" may hold only letters, digits, dots, dashes and underscores, starting with a letter`);
    const taken = builtInCatalogue().get(spec.id)?.kind;
    if (taken === 'built-in') r.error(idPair.value, `custom rule id "${spec.id}" is a built-in rule's id; name it e.g. "House.${spec.id}"`);
    if (taken === 'pseudo') r.error(idPair.value, `custom rule id "${spec.id}" is the id of Copydesk's own "${spec.id}" problems; name it e.g. "House.${spec.id}"`);
    if (spec.id) where = `custom rule "${spec.id}"`;
  } else r.error(node, `${where} has no "id:"; give it a name such as House.Hedging`);
  const typePair = pairs.find((p) => p.key === 'type');
  if (typePair) spec.kind = choice(typePair.value, 'type', KINDS) ?? spec.kind;
  else r.error(node, `${where} has no "type:"; use one of ${KINDS.join(', ')}`);

  let swapNode: unknown;
  for (const { key, keyNode, value } of pairs) {
    switch (key) {
      case 'id':
      case 'type':
        break;
      case 'message': spec.message = text(value, key); break;
      case 'severity': spec.severity = choice(value, key, SEVERITIES) ?? spec.severity; break;
      case 'ignorecase': spec.ignoreCase = flag(value, key); break;
      case 'regex': spec.regex = flag(value, key); break;
      case 'scope': spec.scope = choice(value, key, SCOPES) ?? spec.scope; break;
      case 'words': spec.words = stringListOf(value, `"words" of ${where}`, r) ?? []; break;
      case 'exceptions': spec.exceptions = stringListOf(value, `"exceptions" of ${where}`, r) ?? []; break;
      case 'patterns': spec.patterns = stringListOf(value, `"patterns" of ${where}`, r) ?? []; checkPatterns(value, where, r); break;
      case 'first':
      case 'second':
        spec[key] = text(value, key);
        if (spec[key]) checkPattern(value, spec[key], `"${key}" of ${where}`, r);
        break;
      case 'swap': spec.swap = readSwap(value, where, r); swapNode = value; break;
      // A Markdown page about the rule, relative to this style file: linked and shown like a built-in rule's page.
      case 'doc': spec.doc = path.resolve(path.dirname(origin), text(value, key)); break;
      // Examples for `copydesk test-rules`, kept with the rule.
      case 'tests': spec.tests = readTests(value, where, r); break;
      default: r.error(keyNode, unknownKeyMessage(key, where, KEYS));
    }
  }
  // Each regex swap key is compiled alone, so an error points at that key.
  if (spec.regex && isMap(swapNode)) for (const { key, keyNode } of pairsOf(swapNode)) checkPattern(keyNode, key, `swap pattern '${key}' of ${where}`, r);
  if (!pairs.some((p) => p.key === 'message')) spec.message = DEFAULT_MESSAGES[spec.kind as CustomRuleKind];
  const missing = requiredFor(spec);
  if (missing) r.error(node, `${where} is a ${spec.kind} rule and needs ${missing}`);
  return r.errors.length === before ? spec : undefined;
}

function requiredFor(spec: CustomRuleSpec): string | undefined {
  if (spec.kind === 'existence' && spec.words.length === 0 && spec.patterns.length === 0) return '"words:" or "patterns:"';
  if (spec.kind === 'substitution' && spec.swap.length === 0) return '"swap:" (phrase: preferred)';
  if (spec.kind === 'conditional' && (!spec.first || !spec.second)) return '"first:" and "second:" patterns';
  return undefined;
}

function readSwap(node: unknown, where: string, r: NodeReporter): [string, string][] {
  if (!isMap(node)) {
    r.error(node, `"swap" of ${where} must be a mapping of phrase: preferred, got ${describeNode(node)}`);
    return [];
  }
  const out: [string, string][] = [];
  for (const { key, value } of pairsOf(node)) {
    const preferred = stringOf(value);
    if (preferred === undefined) r.error(value, `"swap.${key}" of ${where} must be the preferred text, got ${describeNode(value)}`);
    else out.push([key, preferred]);
  }
  return out;
}

function checkPatterns(node: unknown, where: string, r: NodeReporter): void {
  if (!isSeq(node)) return;
  for (const item of node.items) {
    const pattern = stringOf(item);
    if (pattern) checkPattern(item, pattern, `a pattern of ${where}`, r);
  }
}

function checkPattern(node: unknown, pattern: string, where: string, r: NodeReporter): void {
  const compiled = compilePattern(pattern, false);
  if (!compiled.ok) r.error(node, `${where} is not a valid RE2 pattern: ${compiled.error}`);
}

function readTests(node: unknown, where: string, r: NodeReporter): RuleExamples | undefined {
  if (!isMap(node)) {
    r.error(node, `"tests" of ${where} must be a mapping with "fail:", "pass:" and/or "fixed:", got ${describeNode(node)}`);
    return undefined;
  }
  const tests: RuleExamples = {};
  for (const { key, keyNode, value } of pairsOf(node)) {
    if (key === 'fail' || key === 'pass') {
      const examples = stringListOf(value, `"tests.${key}" of ${where}`, r);
      if (examples) tests[key] = examples;
    }
    else if (key === 'fixed') {
      if (!isSeq(value) || !value.items.every((item) => isMap(item) && typeof item.get('text') === 'string' && typeof item.get('output') === 'string')) {
        r.error(value, `"tests.fixed" of ${where} must be a list of {text: ..., output: ...}`);
      } else tests.fixed = value.items.map((item) => ({ text: (item as YAMLMap).get('text') as string, output: (item as YAMLMap).get('output') as string }));
    } else r.error(keyNode, unknownKeyMessage(key, `the tests of ${where}`, ['fail', 'pass', 'fixed']));
  }
  return tests;
}
