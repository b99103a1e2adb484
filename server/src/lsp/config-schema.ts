// The .copydesk.yaml vocabulary for editors: a JSON schema generated from the rule registry and
// the config's own key lists (the package ships it for the YAML extension through yamlValidation),
// and the descriptions the server's completion and hover in style files use. Never hand-kept.

import { TOP_LEVEL_KEYS } from '../config/validate.js';
import { SEVERITIES, type OptionSpec } from '../engine/types.js';
import type { CatalogueEntry } from '../engine/rule.js';
import { builtInRules } from '../runner/style.js';

export const TOP_LEVEL_DOCS: Record<(typeof TOP_LEVEL_KEYS)[number], string> = {
  root: 'true: do not read .copydesk.yaml files in folders above this one.',
  extends: 'The style this file builds on: copydesk:recommended, none, another config file or a Vale style folder (relative to this file), or a list of them.',
  rules: 'Each rule\'s severity (off, info, warning, error), or [severity, {options}].',
  acronyms: 'dictionary: ACRONYM -> expansion (or a list, the first preferred); exempt: acronyms readers know.',
  dateline: 'form: how a story opens ("{CITY}, {Region} -- "); region: required or optional; standalone: cities that need no region.',
  terms: 'The word or phrase to avoid -> the house term, for the terms rule.',
  custom: 'The desk\'s own rules: existence, substitution and conditional, with tests.',
  ignores: 'Files and folders the CLI leaves out, as .gitignore patterns relative to this file.',
  gitignore: 'true: the CLI also leaves out what .gitignore ignores.',
};

export const SECTION_KEYS: Record<string, Record<string, string>> = {
  acronyms: {
    dictionary: 'ACRONYM: Full Name, or a list of accepted names, the first preferred.',
    exempt: 'Acronyms readers know without an expansion; "!ACR" removes an inherited one.',
  },
  dateline: {
    form: 'Template of a story\'s opening: {CITY} first, then optionally {Region} and {Date}, ending with the separator.',
    region: 'required: a region must follow the city unless it stands alone; optional.',
    standalone: 'Cities that stand without a region. Replaces the inherited list.',
  },
};

export const SEVERITY_DOCS: Record<string, string> = {
  off: 'The rule does not run.',
  info: 'Reported as information.',
  warning: 'Reported as a warning.',
  error: 'Reported as an error.',
};

type Schema = Record<string, unknown>;

function optionSchema(spec: OptionSpec): Schema {
  const base = { description: spec.description, default: spec.default };
  switch (spec.type) {
    case 'number':
      return { ...base, type: 'number', ...(spec.min !== undefined ? { minimum: spec.min } : {}), ...(spec.max !== undefined ? { maximum: spec.max } : {}) };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'string':
      return { ...base, type: 'string', ...(spec.enum ? { enum: [...spec.enum] } : {}) };
    case 'string[]':
      return { ...base, type: 'array', items: { type: 'string' } };
  }
}

const severity: Schema = { type: 'string', enum: [...SEVERITIES], description: 'off | info | warning | error' };

function ruleSchema(rule: CatalogueEntry): Schema {
  const options = Object.entries(rule.options);
  const description = `${rule.description} (default severity ${rule.defaultSeverity}${rule.fixable ? '; has a fix' : ''})`;
  const tuple: Schema = {
    type: 'array',
    minItems: 1,
    maxItems: options.length > 0 ? 2 : 1,
    items: [
      severity,
      ...(options.length > 0
        ? [{ type: 'object', additionalProperties: false, properties: Object.fromEntries(options.map(([name, spec]) => [name, optionSchema(spec)])) }]
        : []),
    ],
  };
  return { description, anyOf: [severity, tuple] };
}

/** The JSON schema (draft-07) of a .copydesk.yaml file. */
export function configSchema(): Schema {
  const stringList = { type: 'array', items: { type: 'string' } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Copydesk house style (.copydesk.yaml)',
    description: 'Generated from the Copydesk rule registry; "copydesk explain RULE" explains each rule.',
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
      root: { type: 'boolean', description: TOP_LEVEL_DOCS.root },
      extends: { description: TOP_LEVEL_DOCS.extends, anyOf: [{ type: 'string' }, stringList] },
      rules: {
        type: 'object',
        description: TOP_LEVEL_DOCS.rules,
        properties: Object.fromEntries(builtInRules().map((rule) => [rule.id, ruleSchema(rule)])),
        // Custom rules (house.*) take a severity alone.
        additionalProperties: { anyOf: [severity, { type: 'array', minItems: 1, maxItems: 1, items: [severity] }] },
      },
      acronyms: {
        type: 'object',
        description: TOP_LEVEL_DOCS.acronyms,
        additionalProperties: false,
        properties: {
          dictionary: {
            type: 'object',
            description: SECTION_KEYS.acronyms.dictionary,
            propertyNames: { pattern: '^(?=.*[A-Z])[A-Za-z0-9&]{2,}$' },
            additionalProperties: { anyOf: [{ type: 'string', minLength: 1 }, { ...stringList, minItems: 1 }] },
          },
          exempt: { ...stringList, description: SECTION_KEYS.acronyms.exempt },
        },
      },
      dateline: {
        type: 'object',
        description: TOP_LEVEL_DOCS.dateline,
        additionalProperties: false,
        properties: {
          form: { type: 'string', description: SECTION_KEYS.dateline.form },
          region: { type: 'string', enum: ['required', 'optional'], description: SECTION_KEYS.dateline.region },
          standalone: { ...stringList, description: SECTION_KEYS.dateline.standalone },
        },
      },
      ignores: { type: 'array', items: { type: 'string' }, description: TOP_LEVEL_DOCS.ignores },
      gitignore: { type: 'boolean', description: TOP_LEVEL_DOCS.gitignore },
      terms: { type: 'object', description: TOP_LEVEL_DOCS.terms, additionalProperties: { type: 'string', minLength: 1 } },
      custom: {
        type: 'array',
        description: TOP_LEVEL_DOCS.custom,
        items: {
          type: 'object',
          required: ['id', 'type'],
          properties: {
            id: { type: 'string' },
            type: { type: 'string', enum: ['existence', 'substitution', 'conditional'] },
            message: { type: 'string' },
            severity: { type: 'string', enum: ['info', 'warning', 'error'] },
            doc: { type: 'string', description: 'A Markdown page about the rule, relative to this file: shown by "copydesk explain" and linked from its problems.' },
          },
        },
      },
    },
  };
}
