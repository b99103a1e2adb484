// Rule `residue`: lines a draft picked up from a web page or template ("Do you like this
// article?", "0 Comment(s)", share buttons, cookie banners). Whole lines only, never words
// inside a sentence. Fix: delete the line without leaving extra blank lines behind.

import { lineOf, type NewsDocument } from '../engine/document.js';
import type { Fix, RuleOptions } from '../engine/types.js';
import type { RuleContext, RuleDefinition } from './rule.js';

const SOCIAL = '(?:facebook|twitter|x \\(twitter\\)|linkedin|whatsapp|telegram|pinterest|reddit|vk|e-?mail|print|copy link|tweet|share)';

/** Each matches a whole line (after trimming and dropping closing punctuation), case-insensitive. */
const BUILTIN_PATTERNS: readonly RegExp[] = [
  /^(?:do|did) you (?:like|enjoy) this (?:article|story|post|page)$/,
  /^was this (?:article|story|page) (?:helpful|useful)$/,
  /^\d+ comments?(?: ?\(s\))?$/,
  /^comments? \(\d+\)$/,
  /^(?:leave|post|add|write) a (?:comment|reply)$/,
  /^be the first to comment$/,
  /^comments? (?:are )?(?:closed|disabled)$/,
  /^(?:you must|please) (?:log|sign) in to (?:comment|post)\b.*$/,
  /^comment policy\b.*$/,
  /^\* ?denotes (?:a )?required field\b.*$/,
  /^\d+ characters? (?:left|remaining)$/,
  /^\d+ \/ \d{2,}$/,
  new RegExp(`^share (?:this|the) (?:article|story|post|page)(?: (?:on|via) ${SOCIAL})?$`),
  new RegExp(`^${SOCIAL}(?:[\\s|,/•·-]+${SOCIAL})*$`),
  new RegExp(`^(?:share|follow us) on ${SOCIAL}(?:[\\s|,/•·-]+${SOCIAL})*$`),
  /^follow us on\b.*$/,
  /^like us on facebook$/,
  /^click here\b.*$/,
  /^read more(?: (?:here|»|>>|…|\.\.\.))?$/,
  /^read more ?[:»>].*$/,
  /^read the full (?:article|story)(?: here)?$/,
  /^(?:advertisement|advertisment|sponsored(?: content)?|\[ad\]|\[advertisement\]|ad)$/,
  /^(?:this (?:web)?site|we) uses? cookies\b.*$/,
  /^(?:accept|reject|manage) (?:all )?cookies$/,
  /^cookie (?:policy|settings|preferences)$/,
  /^(?:subscribe|sign up) (?:to|for) (?:our|the) (?:free )?(?:daily |weekly )?newsletters?\b.*$/,
  /^subscribe(?: now| today)?$/,
  /^(?:related|more|recommended) (?:articles|stories|news|content|posts|coverage|reading)$/,
  /^more on this story$/,
  /^you (?:may|might) also (?:like|be interested in)$/,
  /^(?:most (?:read|popular|viewed)|trending now|top stories)$/,
  /^(?:print|e-?mail) (?:this )?(?:article|story|page)$/,
  /^(?:back to top|skip to (?:main )?content)$/,
  /^(?:previous|next) (?:article|story|page)$/,
  /^loading(?:\.\.\.|…)?$/,
];

/** The built-in patterns as one anchored alternation: one test per line instead of forty. */
const BUILTIN = new RegExp(BUILTIN_PATTERNS.map((p) => `(?:${p.source})`).join('|'));

/** Closing punctuation a widget label may carry ("Read more »", "Comments:"). */
const TRAILING = /[\s.:!?…»>|]+$/u;

const userPatterns = new WeakMap<readonly string[], Set<string>>();

function extraPhrases(options: RuleOptions): Set<string> {
  const list = (options.patterns as readonly string[] | undefined) ?? [];
  let phrases = userPatterns.get(list);
  if (!phrases) userPatterns.set(list, (phrases = new Set(list.map(normalise).filter((p) => p !== ''))));
  return phrases;
}

const SPACES = /\s+/g;
/** White space that normalising would change: a run, or a character other than a plain space. */
const ODD_SPACE = /\s\s|[^\S ]/;
/** A character TRAILING takes off the end. */
const TRAILING_CHAR = /[\s.:!?…»>|]/u;

function normalise(line: string): string {
  // Most lines are prose with single spaces and no closing widget punctuation: skip the replaces then.
  let plain = line.trim();
  if (ODD_SPACE.test(plain)) plain = plain.replace(SPACES, ' ');
  if (plain !== '' && TRAILING_CHAR.test(plain[plain.length - 1])) plain = plain.replace(TRAILING, '');
  return plain.toLowerCase();
}

function isResidue(line: string, builtins: boolean, extra: ReadonlySet<string>): boolean {
  const plain = normalise(line);
  if (plain === '') return false;
  if (extra.has(plain)) return true;
  return builtins && BUILTIN.test(plain);
}

export const residue: RuleDefinition = {
  id: 'residue',
  description: 'Delete web-page and template residue: comment widgets, share buttons, "Read more", cookie banners.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    builtins: { type: 'boolean', default: true, description: 'Use the built-in list of web residue (comment widgets, share buttons, cookie banners, "Read more" …).' },
    patterns: { type: 'string[]', default: [], description: 'More residue lines, as plain phrases: a line that reads exactly this (case, spacing and closing punctuation ignored).' },
  },
  check(context: RuleContext): void {
    const builtins = context.options.builtins !== false;
    const extra = extraPhrases(context.options);
    const { doc } = context;
    const found: ResidueLine[] = [];
    for (const block of doc.body) {
      // A table cell is not a line of its own: deleting its line would take the row with it.
      if (block.kind === 'tableCell') continue;
      let from = 0;
      const lines = block.text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const to = from + line.length;
        if (isResidue(line, builtins, extra) && standsAlone(lines, i, builtins, extra)) {
          const lead = line.length - line.trimStart().length;
          const start = block.map.toSource(from + lead);
          const end = block.map.toSourceEnd(from + line.trimEnd().length);
          found.push({ start, end, line: lineOf(doc.lineStarts, start), firstInBlock: from === 0, text: line.trim() });
        }
        from = to + 1;
      }
    }
    const residueLines = new Set(found.map((f) => f.line));
    for (const item of found) {
      const shown = item.text.length > 40 ? `${item.text.slice(0, 40).replace(/\s+\S*$/, '')} …` : item.text;
      context.report({
        start: item.start,
        end: item.end,
        message: `"${shown}" is web-page residue, not part of the story; delete the line.`,
        fix: deletion(doc, item, residueLines),
      });
    }
  },
};

/**
 * Wire copy is wrapped at a fixed width, so a line inside a paragraph may be the tail of a
 * sentence ("share." after "21 cts per"). A line stands alone when the line before it ends
 * a sentence (or is residue) and the line after it does not go on in lower case.
 */
function standsAlone(lines: readonly string[], i: number, builtins: boolean, extra: ReadonlySet<string>): boolean {
  const before = i > 0 ? lines[i - 1].trimEnd() : '';
  const after = i + 1 < lines.length ? lines[i + 1].trimStart() : '';
  const beforeOk = i === 0 || /[.!?:"”’)\]]$/.test(before) || isResidue(before, builtins, extra);
  const afterOk = i + 1 === lines.length || !/^\p{Ll}/u.test(after);
  return beforeOk && afterOk;
}

interface ResidueLine {
  start: number;
  end: number;
  /** 0-based source line. */
  line: number;
  firstInBlock: boolean;
  /** The line as the reader sees it. */
  text: string;
}

function lineStart(doc: NewsDocument, line: number): number {
  return line < doc.lineStarts.length ? doc.lineStarts[line] : doc.source.length;
}

/** End of a line's content, before its "\n" or "\r\n". */
function contentEnd(doc: NewsDocument, line: number): number {
  let end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] - 1 : doc.source.length;
  if (end > 0 && end < doc.source.length && doc.source[end - 1] === '\r') end--;
  return end;
}

function isBlank(doc: NewsDocument, line: number): boolean {
  return doc.source.slice(lineStart(doc, line), contentEnd(doc, line)).trim() === '';
}

/**
 * The edit that removes one residue line. Residue that ends the draft (only blank lines or
 * more residue after it) is cut from the end of the last real line, so the draft ends with
 * that line's own line ending; the trailing residue lines split that span between them.
 * Elsewhere a paragraph of residue goes with the blank lines after it; a residue line inside
 * a paragraph goes with the line break before it.
 */
function deletion(doc: NewsDocument, item: ResidueLine, residueLines: ReadonlySet<number>): Fix {
  const title = 'Delete the residue line';
  const lines = doc.lineStarts.length;
  let next = item.line + 1;
  while (next < lines && isBlank(doc, next)) next++;
  const trailing = trailingFrom(doc, item.line, residueLines);
  if (trailing) {
    // The first residue line of the closing run starts right after the last real line.
    let prev = item.line - 1;
    while (prev >= 0 && isBlank(doc, prev)) prev--;
    const start = prev >= 0 && !residueLines.has(prev) ? lineStart(doc, prev + 1) : lineStart(doc, item.line);
    const end = next < lines ? lineStart(doc, next) : doc.source.length;
    return { title, edits: [{ start, end, text: '' }] };
  }
  if (item.firstInBlock) return { title, edits: [{ start: lineStart(doc, item.line), end: lineStart(doc, next), text: '' }] };
  return { title, edits: [{ start: contentEnd(doc, item.line - 1), end: contentEnd(doc, item.line), text: '' }] };
}

/** Is everything from `line` to the end of the draft residue or blank? */
function trailingFrom(doc: NewsDocument, line: number, residueLines: ReadonlySet<number>): boolean {
  for (let l = line; l < doc.lineStarts.length; l++) if (!residueLines.has(l) && !isBlank(doc, l)) return false;
  return true;
}
