// Surgical additions to a YAML file's text: a key into a mapping, an item into a sequence, with the
// parents created when missing. Only the new text is inserted, in the file's own indentation, line
// endings and collection style (block or flow), so every comment and all formatting stay as written.
// Returns null when the shape is one it will not guess at (the caller then offers no edit).

import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';

/** A scalar as YAML writes it (quoted when it must be). */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

interface Located {
  /** The deepest existing mapping on the path (null: the document is empty). */
  node: Node | null;
  /** Path segments below it that do not exist yet. */
  missing: string[];
}

function locate(doc: Document, path: readonly string[]): Located | null {
  let node = doc.contents as Node | null;
  if (node === null || (isScalar(node) && node.value === null)) return { node: null, missing: [...path] };
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) return null;
    const child = node.get(path[i], true) as Node | undefined;
    if (child === undefined) return { node, missing: path.slice(i) };
    node = child;
  }
  return { node, missing: [] };
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Lines that create `missing` parents and then `entry`, indented from `indent`. */
function nestedLines(missing: readonly string[], entry: string, indent: number, step: number): string[] {
  const lines = missing.map((segment, i) => `${' '.repeat(indent + i * step)}${yamlScalar(segment)}:`);
  lines.push(`${' '.repeat(indent + missing.length * step)}${entry}`);
  return lines;
}

function insertLines(text: string, at: number, lines: string[], eol: string, blankBefore: boolean): string {
  const needsBreak = at > 0 && text[at - 1] !== '\n';
  const block = (needsBreak ? eol : '') + (blankBefore ? eol : '') + lines.join(eol) + eol;
  return text.slice(0, at) + block + text.slice(at);
}

/** The indentation step of the file (the first indented key's column), 2 when none. */
function stepOf(text: string): number {
  const match = /\n( +)[^\s#-]/.exec(text);
  return match ? match[1].length : 2;
}

/**
 * Adds `entry` (a `key: value` or `- item` line body) at `path`: into the mapping or sequence there,
 * creating missing parent mappings. `flowItem` is the same entry in flow style (`key: value` / `item`).
 */
function addAt(text: string, path: readonly string[], entry: string, flowItem: string, kind: 'map' | 'seq'): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const step = stepOf(text);
  const found = locate(doc, path);
  if (!found) return null;
  const { node, missing } = found;
  if (node === null) return insertLines(text, text.length, nestedLines(missing, entry, 0, step), eol, text.trim() !== '');
  const target = node as Node & { range: [number, number, number]; flow?: boolean };
  if (missing.length === 0 && (kind === 'map' ? !isMap(target) : !isSeq(target))) return null;
  if (!isMap(target) && missing.length > 0) return null;
  const collection = target as unknown as { items: unknown[]; flow?: boolean };
  if (collection.flow) {
    if (missing.length > 0) return null; // a flow parent: not rewritten by hand
    const close = target.range[1] - 1;
    const separator = collection.items.length > 0 ? ', ' : '';
    return text.slice(0, close).replace(/\s*$/, '') + separator + flowItem + text.slice(close);
  }
  const first = collection.items[0] as { key?: { range?: number[] }; range?: number[] } | undefined;
  const firstOffset = first?.key?.range?.[0] ?? first?.range?.[0] ?? target.range[0];
  const indent = kind === 'seq' && missing.length === 0 ? columnOf(text, target.range[0]) : columnOf(text, firstOffset);
  const topLevel = indent === 0 && missing.length > 0;
  return insertLines(text, target.range[2], nestedLines(missing, entry, indent, step), eol, topLevel);
}

/**
 * Adds `key: value` (with an optional end-of-line comment) to the mapping at `path`. A key already
 * there (compared case-insensitively, as terms and acronyms match) gets the new value in place.
 */
export function insertMappingEntry(text: string, path: readonly string[], key: string, value: string, comment?: string): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const map = doc.getIn(path, true);
  if (isMap(map)) {
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === key.toLowerCase());
    if (pair) {
      const old = pair.value as (Node & { range: [number, number, number] }) | null;
      if (!old || !isScalar(old)) return null;
      return text.slice(0, old.range[0]) + yamlScalar(value) + text.slice(old.range[1]);
    }
  }
  const pair = `${yamlScalar(key)}: ${yamlScalar(value)}`;
  return addAt(text, path, comment ? `${pair} # ${comment}` : pair, pair, 'map');
}

/** Adds `item` to the sequence at `path`; a missing sequence is created as a one-item flow list. */
export function appendSequenceItem(text: string, path: readonly string[], item: string): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const existing = doc.getIn(path, true);
  if (existing === undefined) {
    const parent = path.slice(0, -1);
    return addAt(text, parent, `${yamlScalar(path[path.length - 1])}: [${yamlScalar(item)}]`, `${yamlScalar(path[path.length - 1])}: [${yamlScalar(item)}]`, 'map');
  }
  return addAt(text, path, `- ${yamlScalar(item)}`, yamlScalar(item), 'seq');
}
