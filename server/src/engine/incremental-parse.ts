// Re-parsing only what changed, for the editor: a draft is cut into chunks at blank lines,
// each chunk parsed alone and cached by its text, and the trees shifted into place. Only
// drafts where a blank line always ends every block qualify; anything that can span a blank
// line (fenced code, reference definitions, HTML comments and raw blocks, indented
// continuations) falls back to a whole parse. The result equals a whole parse (tested).
// A chunk of plain prose becomes its paragraph without the parser. A draft parsed once
// (no cache: the CLI, the bench) gives the parser its other chunks together, up to PIECE
// characters per parse: a parse per paragraph would build a micromark parser per paragraph.

import type { Root, RootContent } from 'mdast';
import { parseMarkdown, plainFrontMatter, plainHeading, plainParagraph } from './markdown-parser.js';

/** Parsed chunks of one draft, by their text. Kept by the caller per open document. */
export class ChunkCache {
  chunks = new Map<string, RootContent[]>();
  /** `keep` false: a draft parsed once (the CLI), nothing cached, the chunks parsed in pieces. */
  constructor(readonly keep = true) {}
}

interface Chunk {
  start: number;
  end: number;
  /** 1-based line of the chunk's first character. */
  line: number;
}

const UNSAFE = /^[ \t]{0,3}(?:`{3,}|~{3,}|\[[^\]\n]*\]:)|<(?:script|pre|style|textarea)[\s>]|<\?|<![A-Za-z[]/im;

export function parseMarkdownIncremental(text: string, cache: ChunkCache): Root {
  if (!cache.keep) return parseInPieces(text);
  const chunks = UNSAFE.test(text) ? null : splitChunks(text);
  if (!chunks) {
    cache.chunks = new Map();
    return parseMarkdown(text);
  }
  const kept = new Map<string, RootContent[]>();
  const children: RootContent[] = [];
  for (const chunk of chunks) {
    const body = text.slice(chunk.start, chunk.end);
    // Only a chunk at the draft's very start may be front matter ("\n\n---" is a thematic break).
    const opensDraft = chunk.start === 0;
    const key = opensDraft ? `\u0000${body}` : body;
    let parsed = kept.get(key) ?? cache.chunks.get(key);
    if (!parsed) parsed = plainChunk(body, opensDraft) ?? parseMarkdown(body, opensDraft).children;
    kept.set(key, parsed);
    for (const node of parsed) children.push(shifted(node, chunk.start, chunk.line - 1));
  }
  cache.chunks = kept;
  return { type: 'root', children };
}

/** About this many characters per parse in parseInPieces: large enough to spread a parser's set-up, small enough to stay linear. */
const PIECE = 32_000;

/**
 * Stands between two chunks parsed together that were not neighbours (a plain paragraph stood
 * between them): like that paragraph, an HTML comment at the start of a line after a blank
 * line ends any list or block before it. Its node is dropped.
 */
const SEPARATOR = '\n\n<!-- -->\n\n';

/** A chunk inside the text handed to the parser: where it stands there (offset, 1-based line). */
interface Placed {
  chunk: number;
  at: number;
  line: number;
}

/**
 * A draft parsed once, with no cache: plain paragraphs built directly, the other chunks handed
 * to the parser together (up to PIECE characters per parse), each parse's nodes moved back to
 * where their chunks stand.
 */
function parseInPieces(text: string): Root {
  const chunks = UNSAFE.test(text) ? null : splitChunks(text);
  if (!chunks) return parseMarkdown(text);
  const slots: RootContent[][] = chunks.map(() => []);
  let run: Placed[] = [];
  let joined = '';
  let lines = 1;
  const flush = () => {
    if (run.length === 0) return;
    let r = 0;
    for (const node of parseMarkdown(joined, chunks[run[0].chunk].start === 0).children) {
      const at = node.position!.start.offset!;
      while (r + 1 < run.length && run[r + 1].at <= at) r++;
      const { chunk, at: from, line } = run[r];
      const c = chunks[chunk];
      // A node past its chunk's end is the separator's comment.
      if (at >= from + (c.end - c.start)) continue;
      slots[chunk].push(shifted(node, c.start - from, c.line - line, true));
    }
    run = [];
    joined = '';
    lines = 1;
  };
  for (const [i, chunk] of chunks.entries()) {
    const body = text.slice(chunk.start, chunk.end);
    const plain = plainChunk(body, chunk.start === 0);
    if (plain) {
      slots[i].push(...plain.map((node) => shifted(node, chunk.start, chunk.line - 1, true)));
      continue;
    }
    if (joined.length > PIECE) flush();
    if (run.length > 0) {
      const previous = run[run.length - 1].chunk;
      const gap = previous === i - 1 ? text.slice(chunks[previous].end, chunk.start) : SEPARATOR;
      joined += gap;
      lines += countNewlines(gap, 0, gap.length);
    }
    run.push({ chunk: i, at: joined.length, line: lines });
    joined += body;
    lines += countNewlines(body, 0, body.length);
  }
  flush();
  return { type: 'root', children: slots.flat() };
}

/** The nodes of a chunk that needs no parser: plain prose, a plain one-line heading, or front matter opening the draft. */
function plainChunk(body: string, opensDraft: boolean): RootContent[] | null {
  const node = plainParagraph(body) ?? plainHeading(body) ?? (opensDraft ? plainFrontMatter(body) : null);
  return node && [node];
}

/** Chunks separated by blank lines, or null when one might not stand alone. */
function splitChunks(text: string): Chunk[] | null {
  const chunks: Chunk[] = [];
  let line = 1;
  let at = 0;
  const frontMatter = /^---[ \t]*\r?\n[^]*?\r?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/.exec(text);
  const blank = /\r?\n(?:[ \t]*\r?\n)+/g;
  // An opening fence with no closing one parses in ways a chunk cannot reproduce.
  if (!frontMatter && /^---[ \t]*(?:\r?\n|$)/.test(text)) return null;
  if (frontMatter) blank.lastIndex = frontMatter[0].length;
  // No node takes in the draft's final line ending: the last chunk stops before it, so that a
  // closing paragraph of plain prose is still built without the parser.
  const last = text.endsWith('\r\n') ? text.length - 2 : text.endsWith('\n') ? text.length - 1 : text.length;
  for (let m = blank.exec(text); ; m = blank.exec(text)) {
    const end = m ? m.index : last;
    if (end > at) {
      const body = text.slice(at, end);
      if (chunks.length > 0 && /^[ \t]/.test(body)) return null;
      if (!commentsClose(body)) return null;
      // Indented code takes in the blank lines after it when one of them is indented as deep.
      if (m && /\n(?: {4}| {0,3}\t)/.test(m[0]) && /(?:^|\n)[ \t][^\n]*$/.test(body)) return null;
      chunks.push({ start: at, end, line });
    }
    if (!m) break;
    line += countNewlines(text, at, m.index + m[0].length);
    at = m.index + m[0].length;
  }
  return chunks;
}

function commentsClose(body: string): boolean {
  for (let open = body.indexOf('<!--'); open !== -1; open = body.indexOf('<!--', open + 4)) {
    if (body.indexOf('-->', open + 4) === -1) return false;
  }
  return true;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A deep copy of a cached node (or the node itself, `inPlace`) with positions moved to where its chunk now stands. */
function shifted<T extends RootContent>(node: T, offset: number, lines: number, inPlace = false): T {
  const copy = (inPlace ? node : { ...node }) as T & { children?: RootContent[] };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = {
      start: { line: start.line + lines, column: start.column, offset: (start.offset ?? 0) + offset },
      end: { line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + offset },
    };
  }
  const children = (node as { children?: RootContent[] }).children;
  if (children) copy.children = children.map((c) => shifted(c, offset, lines, inPlace));
  return copy;
}
