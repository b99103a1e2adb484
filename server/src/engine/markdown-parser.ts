// The Markdown parser: unified + remark-parse + frontmatter + the GFM extensions (the same
// micromark/mdast extensions remark-gfm bundles). A GFM construct costs parse time on every
// line, so each extension is switched on only for a draft that could hold it (a table
// delimiter row, a tilde, a URL or e-mail, a footnote, a task box): the tree is the same as
// with remark-gfm, and drafts without them parse at remark-parse speed.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
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
