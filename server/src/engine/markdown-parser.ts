// The Markdown parser: unified + remark-parse + frontmatter + the GFM extensions (the same
// micromark/mdast extensions remark-gfm bundles). A GFM construct costs parse time on every
// line, so each extension is switched on only for a draft that could hold it (a table
// delimiter row, a tilde, a URL or e-mail, a footnote, a task box): the tree is the same as
// with remark-gfm, and drafts without them parse at remark-parse speed.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Heading, Paragraph, PhrasingContent, Root, Yaml } from 'mdast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { restorePositions } from './positions.js';

interface Feature {
  /** Cheap test: can the text hold this construct at all? False negatives are not allowed. */
  mayOccur(text: string): boolean;
  micromark: () => unknown;
  fromMarkdown: () => unknown;
}

const FEATURES: Feature[] = [
  { mayOccur: mayHoldTable, micromark: gfmTable, fromMarkdown: gfmTableFromMarkdown },
  { mayOccur: (t) => t.includes('~'), micromark: gfmStrikethrough, fromMarkdown: gfmStrikethroughFromMarkdown },
  { mayOccur: (t) => /www\.|:\/\/|@/i.test(t), micromark: gfmAutolinkLiteral, fromMarkdown: gfmAutolinkLiteralFromMarkdown },
  { mayOccur: (t) => t.includes('[^'), micromark: gfmFootnote, fromMarkdown: gfmFootnoteFromMarkdown },
  { mayOccur: (t) => /\[[ xX]\]/.test(t), micromark: gfmTaskListItem, fromMarkdown: gfmTaskListItemFromMarkdown },
];

/** A table needs a delimiter row: cells of dashes split by pipes, or one cell with a colon (":--"). */
function mayHoldTable(t: string): boolean {
  return /^[ \t]*\|?[ \t]*:?-+:?[ \t]*\|/m.test(t) || /\|[ \t]*:?-+:?[ \t]*\|?[ \t]*$/m.test(t) || /^[ \t]*(?::-+:?|-+:)[ \t]*$/m.test(t);
}

/** Index of the autolink-literal feature in FEATURES. */
const AUTOLINK = 2;

const processors = new Map<number, Processor<Root>>();
/** Mask bit for front matter: only a whole draft (or its first chunk) may open with it. */
const FRONT_MATTER = 1 << FEATURES.length;

function processorFor(mask: number): Processor<Root> {
  let processor = processors.get(mask);
  if (!processor) {
    const chosen = FEATURES.filter((_, i) => mask & (1 << i));
    const base = unified().use(remarkParse);
    processor = (mask & FRONT_MATTER ? base.use(remarkFrontmatter, ['yaml']) : base)
      .use(function gfmParts(this: Processor) {
        const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
        (data.micromarkExtensions ??= []).push(...chosen.map((f) => f.micromark()));
        (data.fromMarkdownExtensions ??= []).push(...chosen.map((f) => f.fromMarkdown()));
      }) as unknown as Processor<Root>;
    processors.set(mask, processor);
  }
  return processor;
}

/** Parses Markdown (CommonMark + GFM + YAML front matter) to mdast. */
export function parseMarkdown(text: string, frontMatter = true): Root {
  let mask = frontMatter ? FRONT_MATTER : 0;
  FEATURES.forEach((f, i) => {
    if (f.mayOccur(text)) mask |= 1 << i;
  });
  const tree = processorFor(mask).parse(text) as Root;
  // The autolink-literal transform leaves the nodes it creates without positions.
  if (mask & (1 << AUTOLINK)) restorePositions(tree, text);
  return tree;
}

/**
 * Characters that can start Markdown syntax inside a line, tabs and control characters (CR,
 * NUL) among them. "<", ">" and "&" are looked at on their own (inlineNodes).
 */
const SYNTAX = /[\\`*_[\]~|@\x00-\x09\x0b-\x1f]|www\.|:\/\//i;
/** An "&" that may start a character reference ("&amp;", "&#39;"): the parser decodes it. */
const REFERENCE = /&(?:#|[A-Za-z0-9]+;)/;
/** A bare opening tag, as wire copy marks a ticker ("<TMK>"): an inline HTML node. */
const TAG = /<[A-Za-z][A-Za-z0-9-]*>/g;
/**
 * A line that could open a block (one not opening with a letter, digit, quote or bracket, or
 * opening with a list number such as "1. " or "2)"), or white space ending a line.
 */
const ODD_LINE = /(?:^|\n)(?![\p{L}\p{N}"“‘'(])|(?:^|\n)\d{1,9}[.)](?:[ \t\n]|$)|\s(?:\n|$)/u;

type Point = { line: number; column: number; offset: number };

/** The position of text[from, to) in a text of one line or more starting at line 1, column 1. */
function span(text: string, from: number, to: number): { start: Point; end: Point } {
  const point = (offset: number): Point => {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return { line, column: offset - text.lastIndexOf('\n', offset - 1), offset };
  };
  return { start: point(from), end: point(to) };
}

/**
 * The inline nodes of text[from, end) when it holds no inline syntax but bare tags ("<TMK>")
 * and an "&" that starts no reference: text and HTML nodes. Null for anything else.
 */
function inlineNodes(text: string, from: number): PhrasingContent[] | null {
  const body = from === 0 ? text : text.slice(from);
  if (SYNTAX.test(body) || REFERENCE.test(body)) return null;
  const nodes: PhrasingContent[] = [];
  let at = from;
  const words = (to: number) => {
    if (to > at) nodes.push({ type: 'text', value: text.slice(at, to), position: span(text, at, to) });
  };
  if (body.includes('<') || body.includes('>')) {
    TAG.lastIndex = from;
    for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
      if (/[<>]/.test(text.slice(at, m.index))) return null;
      words(m.index);
      at = m.index + m[0].length;
      nodes.push({ type: 'html', value: m[0], position: span(text, m.index, at) });
    }
    if (/[<>]/.test(text.slice(at))) return null;
  }
  words(text.length);
  return nodes;
}

/**
 * The paragraph a chunk of plain prose parses to (positions from 0), built without the parser;
 * null when the chunk could hold anything else. The same node as parseMarkdown gives (tested).
 */
export function plainParagraph(text: string): Paragraph | null {
  if (ODD_LINE.test(text)) return null;
  const children = inlineNodes(text, 0);
  return children && { type: 'paragraph', children, position: span(text, 0, text.length) };
}

/**
 * The heading a one-line ATX heading of plain words parses to ("# Markets rally"), built
 * without the parser; null for anything else (a closing #, spaces to trim, inline syntax).
 */
export function plainHeading(text: string): Heading | null {
  const m = /^(#{1,6}) (?=\S)(.*\S)$/.exec(text);
  if (!m || m[2].endsWith('#') || m[2].includes('\n')) return null;
  const depth = m[1].length as Heading['depth'];
  const children = inlineNodes(text, depth + 1);
  return children && { type: 'heading', depth, children, position: span(text, 0, text.length) };
}

/**
 * The YAML front matter a chunk that is nothing else parses to ("---", its lines, "---"),
 * built without the parser; null for anything else (CR line endings, a fence with trailing
 * spaces, a second fence inside).
 */
export function plainFrontMatter(text: string): Yaml | null {
  if (!text.startsWith('---\n') || !text.endsWith('\n---') || text.includes('\r')) return null;
  const value = text.length >= 8 ? text.slice(4, -4) : '';
  if (/^---[ \t]*$/m.test(value)) return null;
  return { type: 'yaml', value, position: span(text, 0, text.length) };
}
