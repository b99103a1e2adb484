// Reads a Vale style folder (one YAML file per rule) into Copydesk custom rules. The
// existence, substitution and conditional checks load; every other Vale check type is
// named in a warning, never silently dropped. File layer: reads the folder it is given.

import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { compilePattern, type CustomRuleSpec } from '../engine/custom-rules.js';
import type { Severity } from '../engine/types.js';
import type { ConfigError } from './errors.js';

export interface ValeStyle {
  rules: CustomRuleSpec[];
  /** One line per Vale rule that could not be loaded as it is, e.g. an unsupported check type. */
  warnings: string[];
  errors: ConfigError[];
}

const SUPPORTED = new Set(['existence', 'substitution', 'conditional']);
const LEVELS: Record<string, Severity> = { suggestion: 'info', warning: 'warning', error: 'error' };

/** Whether a folder looks like a Vale style: it holds .yml rule files with an `extends:` key. */
export function isValeStyleFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).some((f) => /\.ya?ml$/.test(f));
  } catch {
    return false;
  }
}

export function loadValeStyle(dir: string): ValeStyle {
  const style: ValeStyle = { rules: [], warnings: [], errors: [] };
  const styleName = path.basename(path.resolve(dir));
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const file of files) {
    const full = path.join(dir, file);
    const id = `${styleName}.${file.replace(/\.ya?ml$/, '')}`;
    const text = fs.readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
    const rule = readValeRule(id, full, text, style);
    if (rule) style.rules.push(rule);
  }
  return style;
}

function readValeRule(id: string, file: string, text: string, style: ValeStyle): CustomRuleSpec | null {
  const doc = parseDocument(text, { prettyErrors: false });
  const fail = (message: string, node?: Node | null): null => {
    style.errors.push(errorAt(file, text, doc, node ?? null, message));
    return null;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const start = e.pos[0];
    return pushError(style, file, text, start, e.pos[1], `${e.message.split('\n')[0]}; fix the YAML of this Vale rule`);
  }
  if (!isMap(doc.contents)) return fail('a Vale rule file must be a YAML mapping with an "extends:" key');
  const data = doc.toJS() as Record<string, unknown>;
  const kind = String(data.extends ?? '');
  if (!kind) return fail('this Vale rule has no "extends:" (the check type, e.g. existence)');
  if (!SUPPORTED.has(kind)) {
    style.warnings.push(`${id}: Vale check type "${kind}" is not supported by Copydesk (existence, substitution and conditional are); this rule is not loaded`);
    return null;
  }
  const level = String(data.level ?? 'warning');
  const ignoreCase = data.ignorecase === true;
  const nonword = data.nonword === true;
  const scope = String(data.scope ?? 'text');
  const spec: CustomRuleSpec = {
    id,
    kind: kind as CustomRuleSpec['kind'],
    message: String(data.message ?? `${id}: "%s"`),
    severity: LEVELS[level] ?? 'warning',
    ignoreCase,
    words: [],
    patterns: [],
    swap: [],
    regex: true,
    first: '',
    second: '',
    exceptions: [],
    scope: scope === 'heading' || scope === 'title' ? 'headline' : 'all',
    source: file,
  };
  if (!LEVELS[level]) style.warnings.push(`${id}: unknown level "${level}"; using warning`);
  const node = (key: string) => (isMap(doc.contents) ? (doc.contents.get(key, true) as Node | undefined) : undefined);
  const checkPattern = (pattern: string, key: string): boolean => {
    const compiled = compilePattern(pattern, ignoreCase);
    if (!compiled.ok) fail(`the pattern under "${key}" is not valid RE2: ${compiled.error}`, node(key));
    return compiled.ok;
  };
  if (kind === 'existence') {
    const tokens = asStrings(data.tokens);
    const raw = asStrings(data.raw).join('');
    const pieces = [...(tokens.length ? [nonword ? `(?:${tokens.join('|')})` : `\\b(?:${tokens.join('|')})\\b`] : []), ...(raw ? [raw] : [])];
    if (pieces.length === 0) return fail('an existence rule needs "tokens" or "raw"');
    for (const p of pieces) if (!checkPattern(p, tokens.length ? 'tokens' : 'raw')) return null;
    spec.patterns = pieces;
  } else if (kind === 'substitution') {
    const swap = data.swap;
    if (typeof swap !== 'object' || swap === null || Array.isArray(swap)) return fail('a substitution rule needs a "swap:" mapping of pattern: replacement', node('swap'));
    spec.swap = Object.entries(swap as Record<string, unknown>).map(([from, to]) => [from, String(to).split('|')[0].trim()]);
    spec.regex = true;
    for (const [from] of spec.swap) if (!checkPattern(from, 'swap')) return null;
  } else {
    spec.first = String(data.first ?? '');
    spec.second = String(data.second ?? '');
    spec.exceptions = asStrings(data.exceptions);
    if (!spec.first || !spec.second) return fail('a conditional rule needs both "first" and "second"');
    if (!checkPattern(spec.first, 'first') || !checkPattern(spec.second, 'second')) return null;
  }
  return spec;
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return [value];
  return [];
}

function errorAt(file: string, text: string, doc: Document, node: Node | null, message: string): ConfigError {
  const range = node?.range ?? (isMap(doc.contents) || isSeq(doc.contents) || isScalar(doc.contents) ? doc.contents.range : null);
  const start = range?.[0] ?? 0;
  const end = range?.[1] ?? Math.min(text.length, 1);
  return toError(file, text, start, end, message);
}

function pushError(style: ValeStyle, file: string, text: string, start: number, end: number, message: string): null {
  style.errors.push(toError(file, text, start, end, message));
  return null;
}

function toError(file: string, text: string, start: number, end: number, message: string): ConfigError {
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = start - (before.lastIndexOf('\n') + 1) + 1;
  return { file, line, column, start, end, message };
}
