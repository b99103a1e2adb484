// Parses a draft once (unified + remark) into a NewsDocument: front matter, headline, body,
// dateline paragraph, prose blocks with exact source offsets, control comments.
// Pure: no file system, no LSP; rules read this model and never re-parse.

import { parseDocument, isMap, isScalar, type Scalar } from 'yaml';
import type { RootContent, PhrasingContent, Heading, Paragraph, Yaml } from 'mdast';
import { ProseBuilder, type BlockContainer, type ProseBlock } from './prose.js';
import { findControlComment, type ControlComment } from './control-comments.js';
import { parseMarkdown } from './markdown-parser.js';
import { ChunkCache, parseMarkdownIncremental } from './incremental-parse.js';
import { computeLineStarts, lineEndAt, loneCrAsLf } from './lines.js';

/**
 * How the Markdown is read. By default a draft is parsed in pieces: a paragraph of plain prose
 * becomes its tree node without the parser, the other blocks go to micromark in runs (equal to
 * a whole parse, tested on the corpus and on generated drafts; drafts where a block can span a
 * blank line are parsed whole). The editor passes its ChunkCache so only changed paragraphs
 * re-parse; 'whole' is one micromark run, the reference reading the tests compare against.
 */
export type ParseMode = ChunkCache | 'whole';

export interface FrontMatter {
  start: number;
  end: number;
  /** The parsed mapping, or null when the YAML is not a mapping or does not parse. */
  data: Record<string, unknown> | null;
  /** Source range of each top-level value, for reporting at the value. */
  valueRanges: Map<string, [number, number]>;
}

export type HeadlineOrigin = 'frontMatter' | 'heading' | 'firstLine';

export interface Headline {
  origin: HeadlineOrigin;
  block: ProseBlock;
}

export interface NewsDocument {
  /** The source exactly as given, BOM included. All offsets index this string. */
  source: string;
  hasBom: boolean;
  frontMatter: FrontMatter | null;
  headline: Headline | null;
  /** Every prose block in document order (the headline block included when it is prose). */
  blocks: ProseBlock[];
  /** Prose blocks after the headline. */
  body: ProseBlock[];
  /** The first body paragraph at the top level of the document. */
  dateline: ProseBlock | null;
  controlComments: ControlComment[];
  /** Offsets where each line starts, for line-based control comments and positions. */
  lineStarts: number[];
}

/** Parses a draft (see ParseMode for how). */
export function parseNewsDocument(source: string, mode?: ParseMode): NewsDocument {
  const hasBom = source.charCodeAt(0) === 0xfeff;
  const base = hasBom ? 1 : 0;
  const text = hasBom ? source.slice(1) : source;
  const tree = mode === 'whole' ? parseMarkdown(text) : parseMarkdownIncremental(text, mode ?? new ChunkCache(false));
  const collector = new BlockCollector(source, base);
  let frontMatter: FrontMatter | null = null;
  for (const node of tree.children) {
    if (node.type === 'yaml' && frontMatter === null) frontMatter = readFrontMatter(source, node, base);
    else collector.visit(node, 'root');
  }
  const blocks = collector.blocks;
  const { headline, bodyFrom } = findHeadline(source, blocks, frontMatter);
  if (headline && headline.origin === 'frontMatter') blocks.unshift(headline.block);
  blocks.forEach((b, i) => (b.index = i));
  const body = blocks.slice(headline ? (headline.origin === 'frontMatter' ? 1 : bodyFrom + 1) : 0);
  const dateline = body.find((b) => b.kind === 'paragraph' && b.container === 'root') ?? null;
  return {
    source,
    hasBom,
    frontMatter,
    headline,
    blocks,
    body,
    dateline,
    controlComments: collector.controlComments,
    lineStarts: computeLineStarts(source),
  };
}

// Lines are counted in one place (lines.ts); re-exported for the modules that read them here.
export { computeLineStarts, lineOf } from './lines.js';

/** A value worked out once per parsed draft (its words, its names, ...) and shared by every rule that asks for it. */
export function perDocument<T>(compute: (doc: NewsDocument) => T): (doc: NewsDocument) => T {
  const cache = new WeakMap<NewsDocument, T>();
  return (doc) => {
    let value = cache.get(doc);
    if (value === undefined) cache.set(doc, (value = compute(doc)));
    return value;
  };
}

class BlockCollector {
  readonly blocks: ProseBlock[] = [];
  readonly controlComments: ControlComment[] = [];

  constructor(
    private readonly source: string,
    private readonly base: number,
  ) {}

  visit(node: RootContent, container: BlockContainer): void {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        this.addBlock(node, container);
        return;
      case 'blockquote':
        for (const child of node.children) this.visit(child, 'blockquote');
        return;
      case 'list':
        for (const item of node.children) for (const child of item.children) this.visit(child, container === 'blockquote' ? container : 'list');
        return;
      case 'table':
        for (const row of node.children)
          for (const cell of row.children) this.addPhrasing(cell.children, 'tableCell', 'table', 0, cell.position);
        return;
      case 'html':
        this.noteHtml(node.value, node.position?.start.offset, node.position?.end.offset);
        return;
      default:
        // code, thematicBreak, definition, footnoteDefinition, yaml after the start: not prose.
        return;
    }
  }

  private addBlock(node: Paragraph | Heading, container: BlockContainer): void {
    const depth = node.type === 'heading' ? node.depth : 0;
    this.addPhrasing(node.children, node.type, container, depth, node.position);
  }

  private addPhrasing(
    children: PhrasingContent[],
    kind: ProseBlock['kind'],
    container: BlockContainer,
    depth: number,
    position: Paragraph['position'],
  ): void {
    // A node without a source position is never placed anywhere (it used to land at 0).
    if (position?.start.offset === undefined || position.end.offset === undefined) return;
    const builder = new ProseBuilder(this.source);
    this.addInline(builder, children);
    const { text, map } = builder.build();
    const start = position.start.offset + this.base;
    const end = position.end.offset + this.base;
    if (text.length === 0 || !builder.mapsOntoSource()) return;
    this.blocks.push({ index: this.blocks.length, kind, container, depth, text, map, start, end });
  }

  private addInline(builder: ProseBuilder, nodes: PhrasingContent[]): void {
    for (const node of nodes) {
      if (node.position?.start.offset === undefined || node.position.end.offset === undefined) continue;
      const start = node.position.start.offset + this.base;
      const end = node.position.end.offset + this.base;
      switch (node.type) {
        case 'text':
          builder.addText(node.value, start, end);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          this.addInline(builder, node.children);
          break;
        case 'break':
          builder.addBreak(start);
          break;
        case 'html':
          this.noteHtml(node.value, start - this.base, end - this.base);
          builder.addPlaceholder(start);
          break;
        default:
          // inlineCode, image, imageReference, footnoteReference: not prose, but they occupy a place.
          builder.addPlaceholder(start);
      }
    }
  }

  private noteHtml(value: string, start: number | undefined, end: number | undefined): void {
    if (start === undefined || end === undefined) return;
    const comment = findControlComment(value, start + this.base, end + this.base);
    if (comment) this.controlComments.push(comment);
  }
}

function readFrontMatter(source: string, node: Yaml, base: number): FrontMatter {
  const start = (node.position?.start.offset ?? 0) + base;
  const end = (node.position?.end.offset ?? 0) + base;
  const valueRanges = new Map<string, [number, number]>();
  // The YAML value starts after the opening fence line ("---" and any line ending).
  const fence = lineEndAt(source, start);
  const valueStart = fence.end + fence.breakLength;
  // The YAML library and the flat reader end lines at LF (and CRLF); a lone CR is a line end too.
  const yaml = loneCrAsLf(node.value);
  const flat = readFlatFrontMatter(yaml, valueStart);
  if (flat) return { start, end, ...flat };
  let data: Record<string, unknown> | null = null;
  try {
    const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length === 0 && isMap(doc.contents)) {
      data = {};
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? String((pair.key as Scalar).value) : String(pair.key);
        const value = pair.value;
        data[key] = isScalar(value) ? value.value : (value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? value;
        const range = (value as { range?: [number, number, number] } | null)?.range;
        if (range) valueRanges.set(key, [valueStart + range[0], valueStart + range[1]]);
      }
    }
  } catch {
    data = null;
  }
  return { start, end, data, valueRanges };
}

/** One `key: "plain text"` or `key: 123` line, the shape nearly every story's front matter has. */
const FLAT_LINE = /^([a-z_][a-z0-9_]*): ("[^"\\\x00-\x1f\x7f]*"|0|[1-9][0-9]{0,14})$/;

/**
 * Front matter made only of FLAT_LINE lines, read without the YAML library (which costs more
 * than linting the story): the same data and value ranges parseDocument gives. Null for
 * anything else, which goes to the library.
 */
function readFlatFrontMatter(yaml: string, valueStart: number): Pick<FrontMatter, 'data' | 'valueRanges'> | null {
  if (yaml.length === 0) return null;
  const data: Record<string, unknown> = {};
  const valueRanges = new Map<string, [number, number]>();
  let at = 0;
  for (const line of yaml.split('\n')) {
    const m = FLAT_LINE.exec(line);
    // "true", "false" and "null" keys read as other values in YAML.
    if (!m || m[1] === 'true' || m[1] === 'false' || m[1] === 'null') return null;
    const raw = m[2];
    data[m[1]] = raw.startsWith('"') ? raw.slice(1, -1) : Number(raw);
    const from = at + m[1].length + 2;
    valueRanges.set(m[1], [valueStart + from, valueStart + from + raw.length]);
    at += line.length + 1;
  }
  return { data, valueRanges };
}

function findHeadline(
  source: string,
  blocks: ProseBlock[],
  frontMatter: FrontMatter | null,
): { headline: Headline | null; bodyFrom: number } {
  const fromFrontMatter = frontMatterHeadline(source, frontMatter);
  if (fromFrontMatter) return { headline: { origin: 'frontMatter', block: fromFrontMatter }, bodyFrom: -1 };
  const h1 = blocks.findIndex((b) => b.kind === 'heading' && b.depth === 1);
  if (h1 !== -1) return { headline: { origin: 'heading', block: blocks[h1] }, bodyFrom: h1 };
  const first = blocks[0];
  if (first && isStandaloneFirstLine(source, first)) return { headline: { origin: 'firstLine', block: first }, bodyFrom: 0 };
  return { headline: null, bodyFrom: -1 };
}

/** A plain-text headline: the first block is one line, a blank line follows, and it is not a dateline opening. */
function isStandaloneFirstLine(source: string, block: ProseBlock): boolean {
  if (block.kind !== 'paragraph' || block.container !== 'root') return false;
  if (/[\r\n]/.test(block.text)) return false;
  const after = source.slice(block.end, block.end + 64);
  if (!/^[ \t]*(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)/.test(after) && !/^\s*$/.test(source.slice(block.end))) return false;
  return !/^\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}\.?,\s/u.test(block.text) || !/[.!?]["”’]?$/.test(block.text);
}

function frontMatterHeadline(source: string, frontMatter: FrontMatter | null): ProseBlock | null {
  if (!frontMatter?.data) return null;
  for (const key of ['headline', 'title']) {
    const value = frontMatter.data[key];
    const range = frontMatter.valueRanges.get(key);
    if (typeof value !== 'string' || !range || value.trim() === '') continue;
    const builder = new ProseBuilder(source);
    const raw = source.slice(range[0], range[1]);
    // Quoted scalars: skip the opening quote so offsets land on the words.
    const quoteSkip = raw.startsWith('"') || raw.startsWith("'") ? 1 : 0;
    builder.addText(value, range[0] + quoteSkip, range[1] - quoteSkip);
    if (!builder.mapsOntoSource()) continue;
    const { text, map } = builder.build();
    return { index: 0, kind: 'frontMatterTitle', container: 'frontMatter', depth: 0, text, map, start: range[0], end: range[1] };
  }
  return null;
}
