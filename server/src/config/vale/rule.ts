// Reads one Vale rule file into a custom rule with Vale's fields. A rule Copydesk cannot run
// (an unsupported check type, a pattern no safe engine can run) is skipped with a warning
// at its file:line:col; only a file that is not a Vale rule at all is an error.

import { parseDocument, isMap, type Document, type Node } from 'yaml';
import { compileCustomRule, type CustomRuleSpec } from '../../engine/custom-rules.js';
import { ValeRuleError } from '../../engine/custom/vale-common.js';
import { emptyValeSpec, type ValeCheck, type ValeSpec } from '../../engine/custom/vale-spec.js';
import { parseSelector } from '../../engine/custom/scopes.js';
import type { Severity } from '../../engine/types.js';
import type { ConfigError } from '../errors.js';
import { ConfigSource } from '../source.js';

export const VALE_LEVELS: Record<string, Severity> = { suggestion: 'info', warning: 'warning', error: 'error' };
const RUNS = new Set<string>(['existence', 'substitution', 'conditional', 'occurrence', 'repetition', 'consistency', 'capitalization', 'metric']);
const KNOWN = new Set([...RUNS, 'sequence', 'spelling', 'script', 'readability', 'lt']);

export interface RuleResult {
  rule: CustomRuleSpec | null;
  warnings: string[];
  errors: ConfigError[];
}

/** What the loading style adds to every rule: vocabulary terms and ignore patterns from a .vale.ini. */
export interface RuleContext {
  accept: readonly string[];
  ignores: readonly string[];
  /** Block scopes no rule reads (SkippedScopes). */
  skipped?: readonly string[];
}

const NO_CONTEXT: RuleContext = { accept: [], ignores: [] };

export function readValeRule(id: string, file: string, text: string, context: RuleContext = NO_CONTEXT): RuleResult {
  const result: RuleResult = { rule: null, warnings: [], errors: [] };
  const source = new ConfigSource(file, text);
  const bom = source.bomLength;
  const doc = parseDocument(source.body, { prettyErrors: false, uniqueKeys: false });
  const span = (node: Node | null | undefined) => {
    const range = node?.range ?? (doc.contents as Node | null)?.range;
    return { start: (range?.[0] ?? 0) + bom, end: (range?.[1] ?? 1) + bom };
  };
  const where = (node: Node | null | undefined) => {
    const { line, column } = source.positionOf(span(node).start);
    return `${file}:${line}:${column}`;
  };
  const node = (key: string) => (isMap(doc.contents) ? (doc.contents.get(key, true) as Node | undefined) : undefined);
  const warn = (message: string, key?: string) => result.warnings.push(`${where(key ? node(key) : null)}: ${id}: ${message}`);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    result.errors.push(source.errorAt({ start: e.pos[0] + bom, end: e.pos[1] + bom }, `${e.message.split('\n')[0]}; fix the YAML of this Vale rule`));
    return result;
  }
  if (!isMap(doc.contents)) {
    result.errors.push(source.errorAt(span(null), 'a Vale rule file must be a YAML mapping with an "extends:" key'));
    return result;
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const kind = String(data.extends ?? '');
  if (!kind) {
    result.errors.push(source.errorAt(span(null), 'this Vale rule has no "extends:" (the check type, e.g. existence)'));
    return result;
  }
  if (!RUNS.has(kind)) {
    const why = KNOWN.has(kind) ? `Vale check type "${kind}" is not supported by Copydesk` : `"${kind}" is not a Vale check type`;
    warn(`${why} (it runs existence, substitution, conditional, occurrence, repetition, consistency, capitalization and metric); this rule is not loaded`, 'extends');
    return result;
  }
  const level = String(data.level ?? 'warning');
  if (!VALE_LEVELS[level]) warn(`unknown level "${level}" (suggestion, warning or error); using warning`, 'level');
  const vale = readValeFields(kind as ValeCheck, data, context);
  const { unknown } = parseSelector(vale.scope);
  if (unknown.length) {
    warn(`scope ${unknown.map((u) => `"${u}"`).join(', ')} is not one Copydesk can select in a draft (it selects text, heading, paragraph, list, blockquote, table, sentence, summary, title and raw); this rule is not loaded`, 'scope');
    return result;
  }
  const spec: CustomRuleSpec = {
    id,
    kind: kind as ValeCheck,
    message: String(data.message ?? `${id}: '%s'`),
    severity: VALE_LEVELS[level] ?? 'warning',
    ignoreCase: data.ignorecase === true,
    words: [],
    patterns: [],
    swap: [],
    regex: true,
    first: '',
    second: '',
    exceptions: [],
    scope: 'all',
    source: file,
    vale,
  };
  try {
    compileCustomRule(spec);
  } catch (e) {
    if (!(e instanceof ValeRuleError)) throw e;
    warn(`${e.message}; this rule is not loaded`, firstKey(doc, e.key));
    return result;
  }
  result.rule = spec;
  return result;
}

/** The rule key a compile error points at ("swap key 'x'" -> swap). */
function firstKey(doc: Document, key: string): string {
  const word = /^\w+/.exec(key)?.[0] ?? key;
  return isMap(doc.contents) && doc.contents.has(word) ? word : word === 'tokens' && isMap(doc.contents) && doc.contents.has('raw') ? 'raw' : 'extends';
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  return [];
}

function pairs(value: unknown): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item) => pairs(item));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]);
}

function readValeFields(check: ValeCheck, data: Record<string, unknown>, context: RuleContext): ValeSpec {
  const vale = emptyValeSpec(check);
  vale.scope = strings(data.scope);
  vale.nonword = data.nonword === true;
  vale.capitalize = data.capitalize === true;
  vale.limit = Number(data.limit ?? 0) || 0;
  vale.ignores = [...context.ignores];
  vale.skipped = [...(context.skipped ?? [])];
  const action = data.action as { name?: unknown; params?: unknown } | undefined;
  if (action && typeof action === 'object' && typeof action.name === 'string') vale.action = { name: action.name, params: strings(action.params) };
  const vocab = data.vocab !== false;
  vale.exceptions = [...strings(data.exceptions), ...(vocab ? context.accept : [])];
  const tokens = strings(data.tokens);
  switch (check) {
    case 'existence': {
      // Vale's makeRegexp: tokens as one word-bounded group, raw before it (after it with `append`).
      const raw = strings(data.raw).join('');
      const word = !vale.nonword && tokens.length > 0;
      const group = word ? `(?m)\\b(?:${tokens.join('|')})\\b` : `(?m)(?:${tokens.join('|')})`;
      vale.pattern = data.append === true ? group + raw : raw + group;
      // Plain word lists (write-good's clichés, proselint's) need no regex: the same matches from a trie.
      if (word && raw === '') {
        const literal = (t: string) => /^[A-Za-z0-9](?:[^\\^$.|?*+()[\]{}]*[A-Za-z0-9])?$/.test(t);
        vale.literals = tokens.filter(literal);
        const rest = tokens.filter((t) => !literal(t));
        vale.rest = rest.length ? `(?m)\\b(?:${rest.join('|')})\\b` : '';
      }
      break;
    }
    case 'substitution':
      // Longest pattern first, as Vale orders the alternatives; equal lengths keep the file's order.
      vale.swap = pairs(data.swap)
        .map((p, i) => ({ p, i }))
        .sort((a, b) => b.p[0].length - a.p[0].length || a.i - b.i)
        .map(({ p }) => p);
      break;
    case 'conditional':
      vale.swap = [[String(data.first ?? ''), String(data.second ?? '')]];
      break;
    case 'occurrence':
      vale.pattern = `(?:${String(data.token ?? '')})`;
      vale.max = Number(data.max ?? 0) || 0;
      vale.min = Number(data.min ?? 0) || 0;
      break;
    case 'repetition':
      vale.pattern = `(${tokens.join('|')})`;
      vale.alpha = data.alpha === true;
      vale.max = Number(data.max ?? 0) || 0;
      break;
    case 'consistency':
      vale.either = pairs(data.either);
      break;
    case 'capitalization':
      vale.match = String(data.match ?? '$title');
      vale.titleStyle = String(data.style ?? 'AP');
      vale.indicators = strings(data.indicators);
      vale.threshold = data.threshold === undefined ? 0.8 : Number(data.threshold);
      vale.prefix = String(data.prefix ?? '');
      break;
    case 'metric':
      vale.formula = String(data.formula ?? '');
      vale.condition = String(data.condition ?? '');
      break;
  }
  return vale;
}
