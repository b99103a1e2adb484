// Gives back source positions to mdast nodes that a transform created without them: the GFM
// autolink-literal transform splits text such as "[see www.example.org]" into new nodes
// with no position. Every node that still has none afterwards is left out of the prose.

import type { Root, Nodes } from 'mdast';

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };
type Parent = Positioned & { children: Nodes[] };

const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Fills in the positions of nodes that lack one, from their siblings and the source text. */
export function restorePositions(tree: Root, text: string): void {
  visit(tree as Parent, new Source(text));
}

/** The text parsed, with where its lines start (found on first need), to give a point its line and column. */
class Source {
  private lineStarts: number[] | null = null;
  constructor(readonly text: string) {}

  /** Line and column as micromark counts them: lines end at LF, CR or CRLF, and a tab runs to the next multiple of 4. */
  point(offset: number): { line: number; column: number; offset: number } {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let column = 1;
    for (let i = starts[lo]; i < offset; i++) column = this.text.charCodeAt(i) === 9 ? Math.ceil(column / 4) * 4 + 1 : column + 1;
    return { line: lo + 1, column, offset };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function visit(parent: Parent, source: Source): void {
  const children = parent.children;
  let i = 0;
  while (i < children.length) {
    if (hasOffsets(children[i])) {
      if ('children' in children[i]) visit(children[i] as Parent, source);
      i++;
      continue;
    }
    let j = i;
    while (j < children.length && !hasOffsets(children[j])) j++;
    const lo = i > 0 ? children[i - 1].position!.end.offset! : (parent.position?.start.offset ?? null);
    const hi = j < children.length ? children[j].position!.start.offset! : (parent.position?.end.offset ?? null);
    if (lo !== null && hi !== null) placeRun(children.slice(i, j), source, lo, hi);
    i = j;
  }
}

function hasOffsets(node: Positioned): boolean {
  return node.position?.start.offset !== undefined && node.position.end.offset !== undefined;
}

/** Leaves (nodes with a value) of a run, in order: their values concatenated are the run's text. */
function leavesOf(nodes: readonly Nodes[], out: (Nodes & { value: string })[] = []): (Nodes & { value: string })[] {
  for (const node of nodes) {
    if ('value' in node && typeof node.value === 'string') out.push(node as Nodes & { value: string });
    else if ('children' in node) leavesOf(node.children as Nodes[], out);
  }
  return out;
}

/** Places a run of unpositioned siblings inside source [lo, hi); a run that cannot be placed keeps no position. */
function placeRun(run: readonly Nodes[], source: Source, lo: number, hi: number): void {
  const text = source.text;
  const leaves = leavesOf(run);
  if (leaves.length === 0) return;
  const whole = leaves.map((l) => l.value).join('');
  const exact = text.slice(lo, hi).indexOf(whole);
  let at = exact >= 0 ? lo + exact : lo;
  for (const leaf of leaves) {
    const range = exact >= 0 ? [at, at + leaf.value.length] : alignLeaf(leaf.value, text, at, hi);
    if (!range) return;
    setPosition(leaf, source, range[0], range[1]);
    at = range[1];
  }
  for (const node of run) spanChildren(node, source);
}

/**
 * Where a value whose source differs from it (escapes, character references, quote markers
 * after a line break) lies: each character matched in order; null when one cannot be found.
 */
function alignLeaf(value: string, text: string, from: number, hi: number): [number, number] | null {
  let j = from;
  let start = -1;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const reference = text[j] === '&' && ch !== '&' ? CHARACTER_REFERENCE.exec(text.slice(j, j + 40)) : null;
    let found: number;
    let next: number;
    if (reference) {
      found = j;
      next = j + reference[0].length;
      if (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) < 0xdc00) i++;
    } else {
      found = text.indexOf(ch, text[j] === '\\' && text[j + 1] === ch ? j + 1 : j);
      if (found === -1 || found >= hi) return null;
      next = found + 1;
    }
    if (start === -1) start = found;
    j = next;
  }
  return start === -1 ? [from, from] : [start, j];
}

/** A parent built by the transform (a link) spans its first to its last positioned child. */
function spanChildren(node: Nodes, source: Source): void {
  if (!('children' in node) || hasOffsets(node)) return;
  const kids = node.children as Nodes[];
  for (const kid of kids) spanChildren(kid, source);
  const first = kids.find(hasOffsets);
  const last = [...kids].reverse().find(hasOffsets);
  if (first && last) setPosition(node, source, first.position!.start.offset!, last.position!.end.offset!);
}

function setPosition(node: Positioned, source: Source, start: number, end: number): void {
  // The engine reads offsets only; line and column are the parser's own, so that a tree parsed in pieces equals one parsed whole.
  node.position = { start: source.point(start), end: source.point(end) } as Positioned['position'];
}
