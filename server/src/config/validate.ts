// Schema checks of one parsed config file: YAML nodes in, a ConfigLayer out, every mistake
// collected as a positioned ConfigError. Pure: no files; extends targets are checked in merge.

import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { compileDatelineTemplate } from '../engine/dateline.js';
import { RECOMMENDED_NAME } from './builtin.js';
import { emptyLayer, type ConfigLayer } from './layer.js';
import { describeNode, pairsOf, scalarOf, stringListOf, stringOf, unknownKeyMessage, type NodeReporter } from './nodes.js';
import { validateCustomRules } from './validate-custom.js';
import { validateRules } from './validate-rules.js';

export const TOP_LEVEL_KEYS = ['root', 'extends', 'rules', 'acronyms', 'dateline', 'terms', 'custom', 'ignores', 'gitignore'] as const;
const ACRONYM_KEYS = ['dictionary', 'exempt'];
const DATELINE_KEYS = ['form', 'standalone', 'region'];
const REGIONS = ['required', 'optional'];

/** Letters, digits and "&", at least two, at least one capital: OSCE, AT&T, G20. */
export function looksLikeAcronym(key: string): boolean {
  return /^[A-Za-z0-9&]{2,}$/.test(key) && /[A-Z]/.test(key);
}

export function validateConfig(contents: unknown, origin: string, r: NodeReporter): ConfigLayer {
  const layer = emptyLayer(origin);
  if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) return layer;
  if (!isMap(contents)) {
    r.error(contents, `the top level of a config file must be a mapping of keys such as "rules:" and "acronyms:", got ${describeNode(contents)}`);
    return layer;
  }
  for (const { key, keyNode, value } of pairsOf(contents)) {
    switch (key) {
      case 'root':
        if (typeof scalarOf(value) === 'boolean') layer.root = scalarOf(value) as boolean;
        else r.error(value, `"root" must be true or false, got ${describeNode(value)}`);
        break;
      case 'extends':
        layer.extends = readExtends(value, r);
        break;
      case 'rules':
        if (isMap(value)) layer.rules = validateRules(value, r, layer.otherRuleIds);
        else r.error(value, `"rules" must be a mapping of rule ids to severities, e.g. "dateline: error", got ${describeNode(value)}`);
        break;
      case 'acronyms':
        readAcronyms(value, layer, r);
        break;
      case 'dateline':
        readDateline(value, layer, r);
        break;
      case 'terms':
        readTerms(value, layer, r);
        break;
      case 'custom':
        layer.custom = validateCustomRules(value, origin, r);
        break;
      case 'ignores': {
        const patterns = stringListOf(value, '"ignores"', r);
        if (patterns) layer.ignores = patterns;
        break;
      }
      case 'gitignore':
        if (typeof scalarOf(value) === 'boolean') layer.gitignore = scalarOf(value) as boolean;
        else r.error(value, `"gitignore" must be true (also leave out what .gitignore ignores) or false, got ${describeNode(value)}`);
        break;
      default:
        r.error(keyNode, unknownKeyMessage(key, 'the config file', TOP_LEVEL_KEYS));
    }
  }
  return layer;
}

function readExtends(node: unknown, r: NodeReporter): ConfigLayer['extends'] {
  const help = `"extends" takes "${RECOMMENDED_NAME}", "none", a path to another YAML file, or a list of them`;
  if (stringOf(node) === 'none') return 'none';
  const items = isSeq(node) ? node.items : [node];
  const entries: NonNullable<Exclude<ConfigLayer['extends'], 'none'>> = [];
  for (const item of items) {
    const target = stringOf(item);
    if (target === undefined || target.trim() === '') r.error(item, `${help}, got ${describeNode(item)}`);
    else if (target === 'none') r.error(item, '"none" cannot be combined with other extends entries; write "extends: none" alone');
    else if (target.startsWith('copydesk:') && target !== RECOMMENDED_NAME) r.error(item, `unknown built-in style "${target}"; the built-in style is "${RECOMMENDED_NAME}"`);
    else entries.push({ target, span: r.span(item) });
  }
  return entries;
}

function readAcronyms(node: unknown, layer: ConfigLayer, r: NodeReporter): void {
  if (!isMap(node)) {
    r.error(node, `"acronyms" must be a mapping with "dictionary:" and/or "exempt:", got ${describeNode(node)}`);
    return;
  }
  for (const { key, keyNode, value } of pairsOf(node)) {
    if (key === 'dictionary') readDictionary(value, layer, r);
    else if (key === 'exempt') readExempt(value, layer, r);
    else r.error(keyNode, unknownKeyMessage(key, 'acronyms', ACRONYM_KEYS));
  }
}

const ACRONYM_HELP = 'an acronym is two or more letters, digits or "&" with at least one capital, e.g. OSCE or G20';

function readDictionary(node: unknown, layer: ConfigLayer, r: NodeReporter): void {
  if (!isMap(node)) {
    r.error(node, `"acronyms.dictionary" must be a mapping of ACRONYM: Expansion, got ${describeNode(node)}`);
    return;
  }
  for (const { key, keyNode, value } of pairsOf(node as YAMLMap)) {
    if (!looksLikeAcronym(key)) {
      r.error(keyNode, `"${key}" in acronyms.dictionary is not an acronym; ${ACRONYM_HELP}`);
      continue;
    }
    const where = `acronyms.dictionary.${key}`;
    const single = stringOf(value);
    if (single !== undefined && single.trim() !== '') layer.dictionary[key] = [single.trim()];
    else if (isSeq(value) && value.items.length > 0) {
      const list = stringListOf(value, `"${where}"`, r);
      if (list) layer.dictionary[key] = list.map((s) => s.trim());
    } else r.error(value, `"${where}" must be the expansion as text, or a list of accepted expansions (the first preferred), got ${describeNode(value)}`);
  }
}

function readExempt(node: unknown, layer: ConfigLayer, r: NodeReporter): void {
  if (!isSeq(node)) {
    r.error(node, `"acronyms.exempt" must be a list of acronyms, e.g. [US, UN], got ${describeNode(node)}`);
    return;
  }
  for (const item of node.items) {
    const entry = stringOf(item);
    const acronym = entry?.startsWith('!') ? entry.slice(1) : entry;
    if (entry === undefined || acronym === undefined) r.error(item, `"acronyms.exempt" entries must be acronyms, got ${describeNode(item)}`);
    else if (!looksLikeAcronym(acronym)) r.error(item, `"${entry}" in acronyms.exempt is not an acronym; ${ACRONYM_HELP} ("!ACR" removes an inherited exemption)`);
    else layer.exempt.push(entry);
  }
}

function readDateline(node: unknown, layer: ConfigLayer, r: NodeReporter): void {
  if (!isMap(node)) {
    r.error(node, `"dateline" must be a mapping with "form:", "standalone:" and/or "region:", got ${describeNode(node)}`);
    return;
  }
  for (const { key, keyNode, value } of pairsOf(node)) {
    if (key === 'form') {
      const form = stringOf(value);
      const compiled = form === undefined ? undefined : compileDatelineTemplate(form);
      if (form === undefined) r.error(value, `"dateline.form" must be a template in quotes, e.g. "{CITY}, {Region} -- ", got ${describeNode(value)}`);
      else if (compiled && !compiled.ok) r.error(value, `"dateline.form": ${compiled.error}`);
      else layer.dateline.form = form;
    } else if (key === 'standalone') {
      const cities = stringListOf(value, '"dateline.standalone"', r);
      if (cities) layer.dateline.standalone = cities.map((c) => c.trim().toUpperCase());
    } else if (key === 'region') {
      const region = stringOf(value);
      if (region === 'required' || region === 'optional') layer.dateline.region = region;
      else r.error(value, `"dateline.region" must be one of ${REGIONS.join(', ')}, got ${describeNode(value)}`);
    } else r.error(keyNode, unknownKeyMessage(key, 'dateline', DATELINE_KEYS));
  }
}

function readTerms(node: unknown, layer: ConfigLayer, r: NodeReporter): void {
  if (!isMap(node)) {
    r.error(node, `"terms" must be a mapping of the word to avoid to the house term, e.g. "organization: organisation", got ${describeNode(node)}`);
    return;
  }
  for (const { key, keyNode, value } of pairsOf(node)) {
    const preferred = stringOf(value);
    if (key.trim() === '' || key === 'null') r.error(keyNode, '"terms" keys must be the word or phrase to avoid');
    else if (preferred === undefined || preferred.trim() === '') r.error(value, `"terms.${key}" must be the house term as text, got ${describeNode(value)}`);
    else layer.terms[key] = preferred;
  }
}
