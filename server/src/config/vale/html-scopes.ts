// A .vale.ini's SkippedScopes, IgnoredScopes and IgnoredClasses name HTML tags and classes;
// for a Markdown draft they become the block scopes no rule reads and source patterns whose
// matches hide findings (strong and emphasis spans, elements of an ignored class).

import { escapeRegExp } from '../../engine/text-case.js';

/** Block-level tags as Copydesk block scopes; script, style, pre, figure and code are never prose here. */
const BLOCK_TAGS: Record<string, string> = {
  blockquote: 'blockquote', ul: 'list', ol: 'list', li: 'list', table: 'table', th: 'table.header', td: 'table.cell',
  p: 'paragraph', h1: 'heading.h1', h2: 'heading.h2', h3: 'heading.h3', h4: 'heading.h4', h5: 'heading.h5', h6: 'heading.h6',
};
const NOT_PROSE = new Set(['script', 'style', 'pre', 'figure', 'code', 'tt']);

/** Inline tags as patterns over the Markdown source: the markup and the HTML element. */
const INLINE_TAGS: Record<string, string[]> = {
  strong: ['\\*\\*[^\\s*](?:[^*\\n]*[^\\s*])?\\*\\*', '__[^\\s_](?:[^_\\n]*[^\\s_])?__'],
  em: ['(?:^|[^*])\\*[^\\s*](?:[^*\\n]*[^\\s*])?\\*', '\\b_[^\\s_](?:[^_\\n]*[^\\s_])?_\\b'],
};
INLINE_TAGS.b = INLINE_TAGS.strong;
INLINE_TAGS.i = INLINE_TAGS.em;

const element = (tag: string) => `<${tag}\\b[^>]*>[\\s\\S]*?</${tag}\\s*>`;

export interface HtmlScopes {
  skipped: string[];
  ignores: string[];
  /** Names Copydesk has no equivalent for. */
  unknown: string[];
}

export function htmlScopes(skippedScopes: readonly string[], ignoredScopes: readonly string[], ignoredClasses: readonly string[]): HtmlScopes {
  const out: HtmlScopes = { skipped: [], ignores: [], unknown: [] };
  for (const tag of skippedScopes) {
    if (BLOCK_TAGS[tag]) out.skipped.push(BLOCK_TAGS[tag]);
    else if (!NOT_PROSE.has(tag)) out.unknown.push(tag);
  }
  for (const tag of ignoredScopes) {
    if (INLINE_TAGS[tag]) out.ignores.push(...INLINE_TAGS[tag], element(tag));
    else if (!NOT_PROSE.has(tag)) out.unknown.push(tag);
  }
  for (const name of ignoredClasses) {
    const cls = escapeRegExp(name);
    out.ignores.push(`<([A-Za-z][\\w-]*)\\b[^>]*\\bclass\\s*=\\s*["'](?:[^"']*\\s)?${cls}(?:\\s[^"']*)?["'][^>]*>[\\s\\S]*?</[A-Za-z][\\w-]*\\s*>`);
  }
  return out;
}
