// Vale scopes over a parsed draft: which stretches of text a rule reads. A selector is a
// list of alternatives; each is `&`-joined names, `~` negating one ("~heading & ~blockquote").
// Units carry their own text and a map back to source offsets. Code is never prose here.
// Block scopes come from the parsed blocks; `alt` (image alt text) is read from the source.

import { perDocument, type NewsDocument } from '../document.js';
import { PLACEHOLDER, type ProseBlock } from '../prose.js';
import { sentencesOf } from '../segment.js';

export interface ScopeUnit {
  text: string;
  toSource(i: number): number;
  toSourceEnd(i: number): number;
  /** The prose block it came from; null for the raw source. */
  block: ProseBlock | null;
  /** The whole draft the unit was read from. */
  source: string;
}

/** Scope names Copydesk can select, with their dotted children (heading.h2, table.header). */
const KNOWN = new Set(['text', 'heading', 'title', 'paragraph', 'list', 'blockquote', 'table', 'sentence', 'raw', 'summary', 'alt']);
/** Format suffixes Vale allows on a scope (heading.md); a draft is Markdown, so they are dropped. */
const FORMATS = /\.(?:md|markdown|txt|rst|adoc|html|org|xml|dita|mdx)$/;

export interface Selector {
  /** Alternatives; each is a list of [negated, name]. */
  any: [boolean, string][][];
  raw: boolean;
  sentence: boolean;
  /** alt: the alt text of each image in the selected blocks. */
  alt: boolean;
  /** Block scopes a .vale.ini's SkippedScopes leaves out (blockquote, list, table, heading). */
  skip: string[];
}

/** Parses a rule's `scope:`; returns the names it cannot select (inline scopes such as link, code, alt). */
export function parseSelector(scopes: readonly string[]): { selector: Selector; unknown: string[] } {
  const unknown: string[] = [];
  const any: [boolean, string][][] = [];
  let raw = false;
  let sentence = false;
  let alt = false;
  for (const alternative of scopes.length ? scopes : ['text']) {
    const terms: [boolean, string][] = [];
    for (const part of alternative.split('&')) {
      const trimmed = part.trim();
      const negated = trimmed.startsWith('~');
      const name = trimmed.replace(/^~/, '').replace(FORMATS, '');
      const base = name.split('.')[0];
      if (!KNOWN.has(base)) unknown.push(name);
      if (name === 'raw' && !negated) raw = true;
      if (name === 'sentence' && !negated) sentence = true;
      if (name === 'alt' && !negated) alt = true;
      terms.push([negated, name]);
    }
    any.push(terms);
  }
  return { selector: { any, raw, sentence, alt, skip: [] }, unknown };
}

/** The scope names a block answers to. */
function namesOf(doc: NewsDocument, block: ProseBlock): string[] {
  const names = ['text'];
  const isHeadline = doc.headline?.block === block;
  if (block.kind === 'heading' || isHeadline) {
    const depth = block.depth || 1;
    names.push('heading', `heading.h${depth}`);
    if (depth === 1) names.push('title');
  } else if (block.kind === 'tableCell') names.push('table', isHeaderCell(doc, block) ? 'table.header' : 'table.cell');
  else {
    names.push('summary');
    if (block.container === 'list') names.push('list');
    else names.push('paragraph');
    if (block.container === 'blockquote') names.push('blockquote');
  }
  return names;
}

/** A GFM table's header row is the row the delimiter row (| --- | :-: |) follows. */
function isHeaderCell(doc: NewsDocument, block: ProseBlock): boolean {
  const lineEnd = doc.source.indexOf('\n', block.end);
  if (lineEnd === -1) return false;
  const next = doc.source.slice(lineEnd + 1, doc.source.indexOf('\n', lineEnd + 1) >>> 0).replace(/\r$/, '');
  return /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(next) && next.includes('-');
}

function answers(names: readonly string[], name: string): boolean {
  if (name === 'raw' || name === 'alt') return true;
  // Vale splits paragraphs, list items and quotes into sentences; not headings or table cells.
  if (name === 'sentence') return names.includes('summary');
  return names.some((n) => n === name || n.startsWith(name + '.'));
}

function blockSelected(names: readonly string[], selector: Selector): boolean {
  if (selector.skip.some((name) => answers(names, name))) return false;
  return selector.any.some((terms) => terms.every(([negated, name]) => answers(names, name) !== negated));
}

const rawUnits = new WeakMap<NewsDocument, ScopeUnit[]>();
/** Units per draft and selector: the rules of a style mostly share one selector (text). */
const unitCache = new WeakMap<NewsDocument, Map<string, ScopeUnit[]>>();

const selectorKeys = new WeakMap<Selector, string>();

/** The units a selector picks in a draft, in document order. */
export function unitsOf(doc: NewsDocument, selector: Selector): ScopeUnit[] {
  let perDoc = unitCache.get(doc);
  if (!perDoc) unitCache.set(doc, (perDoc = new Map()));
  let key = selectorKeys.get(selector);
  if (key === undefined) selectorKeys.set(selector, (key = JSON.stringify(selector)));
  let units = perDoc.get(key);
  if (!units) perDoc.set(key, (units = selectUnits(doc, selector)));
  return units;
}

function selectUnits(doc: NewsDocument, selector: Selector): ScopeUnit[] {
  if (selector.raw) {
    let units = rawUnits.get(doc);
    if (!units) {
      const base = doc.hasBom ? 1 : 0;
      const text = doc.source.slice(base);
      units = [{ text, toSource: (i) => i + base, toSourceEnd: (i) => i + base, block: null, source: doc.source }];
      rawUnits.set(doc, units);
    }
    return units;
  }
  const units: ScopeUnit[] = [];
  for (const block of doc.blocks) {
    if (!blockSelected(namesOf(doc, block), selector)) continue;
    if (selector.alt) {
      units.push(...altUnits(doc, block));
      continue;
    }
    if (!selector.sentence) {
      units.push({ text: block.text, toSource: (i) => block.map.toSource(i), toSourceEnd: (i) => block.map.toSourceEnd(i), block, source: doc.source });
      // Vale reads image alt text as text of its own (the block holds a placeholder there).
      if (block.text.includes(PLACEHOLDER) && blockSelected(['text', 'alt'], selector)) units.push(...altUnits(doc, block));
      continue;
    }
    for (const s of sentencesOf(block)) {
      units.push({
        text: block.text.slice(s.start, s.end),
        toSource: (i) => block.map.toSource(s.start + i),
        toSourceEnd: (i) => block.map.toSourceEnd(s.start + i),
        block,
        source: doc.source,
      });
    }
  }
  return units;
}

/** Image alt text (![alt](src), ![alt][ref]) in a block's source, each a unit of its own. */
function altUnits(doc: NewsDocument, block: ProseBlock): ScopeUnit[] {
  const units: ScopeUnit[] = [];
  for (const m of doc.source.slice(block.start, block.end).matchAll(/!\[((?:[^\]\\\n]|\\.)*)\](?=[([])/g)) {
    const at = block.start + (m.index ?? 0) + 2;
    units.push({ text: m[1], toSource: (i) => at + i, toSourceEnd: (i) => at + i, block, source: doc.source });
  }
  return units;
}

/**
 * Where Vale puts a match: at the text found when the source holds it as it reads; when
 * markup stands inside it (`in](url) in`, `*another*`), at the start of its line.
 */
export function placed(unit: ScopeUnit, start: number, end: number): number {
  const at = unit.toSource(start);
  if (unit.block === null) return at;
  const found = unit.text.slice(start, end);
  const source = unit.source.slice(at, unit.toSourceEnd(end)).replace(/\r\n?/g, '\n');
  if (source === found) return at;
  const lineStart = Math.max(unit.source.lastIndexOf('\n', at - 1), unit.source.lastIndexOf('\r', at - 1)) + 1;
  return lineStart === 0 && unit.source.charCodeAt(0) === 0xfeff ? 1 : lineStart;
}

/** Bare URLs in the draft: Vale reads them as link targets, not prose. */
export const urlSpans = perDocument((doc): [number, number][] =>
  [...doc.source.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>()\[\]]+/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as [number, number]),
);
