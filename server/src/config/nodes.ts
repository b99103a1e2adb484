// Reading YAML nodes for validation: positions of nodes (shifted past a BOM), plain values,
// and "got ..." descriptions for messages. Raw objects without positions point at 1:1.

import { isAlias, isMap, isPair, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { ConfigError } from './errors.js';
import { closest } from '../engine/suggest.js';
import type { ConfigSource, Span } from './source.js';

export class NodeReporter {
  constructor(
    private readonly source: ConfigSource,
    readonly errors: ConfigError[],
  ) {}

  span(node: unknown): Span {
    if (typeof node === 'object' && node !== null && 'range' in node) {
      const range = (node as { range?: [number, number, number] | null }).range;
      if (range) return { start: range[0] + this.source.bomLength, end: range[1] + this.source.bomLength };
    }
    return { start: 0, end: 0 };
  }

  error(node: unknown, message: string): void {
    this.errors.push(this.source.errorAt(this.span(node), message));
  }
}

export interface KeyedPair {
  key: string;
  keyNode: unknown;
  value: unknown;
}

/** The pairs of a mapping with their keys as text (YAML allows numbers and null as keys). */
export function pairsOf(map: YAMLMap): KeyedPair[] {
  return map.items.filter((p): p is Pair => isPair(p)).map((p) => ({
    key: isScalar(p.key) ? String(p.key.value) : String(p.key),
    keyNode: p.key,
    value: p.value,
  }));
}

/** The scalar's value, or undefined for maps, lists and missing values. */
export function scalarOf(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

export function stringOf(node: unknown): string | undefined {
  const v = scalarOf(node);
  return typeof v === 'string' ? v : undefined;
}

/** How a wrong value is quoted back to the user. */
export function describeNode(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) {
    if (node.value === null) return 'nothing';
    return typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
  }
  return String(node);
}

/** A list of non-empty strings, or undefined after reporting what is wrong. */
export function stringListOf(node: unknown, where: string, r: NodeReporter): string[] | undefined {
  if (!isSeq(node)) {
    r.error(node, `${where} must be a list of text, e.g. [A, B], got ${describeNode(node)}`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.items) {
    const s = stringOf(item);
    if (s === undefined || s.trim() === '') r.error(item, `${where} entries must be non-empty text, got ${describeNode(item)}`);
    else out.push(s);
  }
  return out;
}

export function unknownKeyMessage(key: string, where: string, known: readonly string[]): string {
  const guess = closest(key, known);
  const hint = guess === undefined ? '.' : `; did you mean "${guess}"?`;
  return `unknown key "${key}" in ${where}${hint} Allowed keys: ${known.join(', ')}.`;
}
