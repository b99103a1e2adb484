// Rule `quote-balance`: quotation marks that do not pair up (never closed, closing nothing,
// curly marks facing the wrong way) and, with option `style`, marks of the other kind.
// Reads the quotation model of engine/segment.ts; it never re-splits text itself.

import { quoteMarks, quotationsOf, sentenceIndexAt, sentencesOf, strayClosingMarksOf, type Quotation } from '../engine/segment.js';
import type { ProseBlock } from '../engine/prose.js';
import type { RuleContext, RuleDefinition } from './rule.js';

const WORDISH_BEFORE = /[\p{L}\p{N}.,!?;:…)\]]/u;
const CLOSING_AFTER = /[\s.,;:!?…)\]—–-]/;
const OPENING_BEFORE = /[\s(\[{]/;
const WORD_AFTER = /[\p{L}\p{N}‘'(]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CURLY = /[“”„‘’]/g;
const STRAIGHT = /["']/g;

export const quoteBalance: RuleDefinition = {
  id: 'quote-balance',
  description: 'Quotation marks pair up: every quotation closes, no mark closes nothing, curly marks face the right way.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    style: {
      type: 'string',
      default: 'any',
      enum: ['any', 'straight', 'curly'],
      description: 'Which quotation marks the style uses: "straight" (") or "curly" (“ ”) flags the other kind with a fix; "any" accepts both.',
    },
  },
  check(context: RuleContext): void {
    const style = context.options.style as string;
    const blocks = context.doc.blocks.filter((b) => b.kind !== 'frontMatterTitle');
    const backwards = new Set<ProseBlock>();
    if (style !== 'straight') for (const block of blocks) if (reportBackwardMarks(context, block)) backwards.add(block);
    // A paragraph with a backwards mark is checked for balance once the mark is turned.
    for (const q of quotationsOf(context.doc)) {
      const block = q.parts[0].block;
      if (q.parts.some((p) => backwards.has(p.block))) continue;
      if (reportDroppedClosingMark(context, q)) continue;
      if (q.closed) continue;
      const mark = block.text[q.open];
      const closing = mark === '"' ? '"' : '”';
      context.report({
        start: block.map.toSource(q.open),
        end: block.map.toSourceEnd(q.open + 1),
        message: `This quotation is never closed: add the closing mark (${closing}) where the quoted words end.`,
      });
    }
    for (const stray of strayClosingMarksOf(context.doc)) {
      const { block, at } = stray;
      if (backwards.has(block)) continue;
      // 12" is inches, not a quotation mark.
      if (block.text[at] === '"' && /\d/.test(block.text[at - 1] ?? '')) continue;
      if (block.text[at] === '"' && LETTER_OR_DIGIT.test(block.text[at - 1] ?? '') && /\p{L}/u.test(block.text[at + 1] ?? '')) {
        // China"s: an apostrophe typed as a quotation mark.
        const start = block.map.toSource(at);
        const end = block.map.toSourceEnd(at + 1);
        const fix = writtenAsIs(context, block, at) ? { title: "Write '", edits: [{ start, end, text: "'" }] } : undefined;
        context.report({ start, end, message: `A quotation mark between letters is an apostrophe: write ' here.`, fix });
        continue;
      }
      const opening = block.text[at] === '"' ? '"' : '“';
      context.report({
        start: block.map.toSource(at),
        end: block.map.toSourceEnd(at + 1),
        message: `This closing quotation mark closes nothing: add the opening mark (${opening}) where the quotation starts, or delete this one.`,
      });
    }
    if (style === 'straight') for (const block of blocks) reportCurly(context, block);
    if (style === 'curly') for (const block of blocks) reportStraight(context, block);
  },
};

const SPEECH_VERB = String.raw`(?:said|says|added|adds|told|tells|asked|explained|admitted|insisted|claimed|warned|noted|continued|argued|stressed|concluded|conceded)`;
/** A speaker: a pronoun, or a few words ending in a name or a noun ("the 47-year-old director", "ISM survey chairman Norbert Ore"). */
const SUBJECT = String.raw`(?:he|she|they|(?:[\p{L}\p{N}.'’&-]+\s+){0,7}?[\p{L}\p{N}.'’-]+)`;
const TRAILER = String.raw`(?:\s+(?:on|in|at|to|after|before|during|from|when|last|yesterday|today|later|earlier|adding)\b[^"“”.!?]{0,80}|\s+(?:reporters|journalists|(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}))?`;
/**
 * An attribution clause inside the quoted words: `"We will win, he said. "Next …` — the
 * closing mark after the comma was dropped. Speaker first or verb first, up to its full stop.
 */
const ATTRIBUTION_INSIDE = new RegExp(
  String.raw`,['’]?\s+(?:(?:recently|also|later|then)\s+)?(?:${SUBJECT}\s+(?:recently\s+|also\s+|later\s+)?${SPEECH_VERB}${TRAILER}|${SPEECH_VERB}\s+${SUBJECT}(?:,[^"“”.!?]{0,100})?|according\s+to\s+${SUBJECT}(?:,[^"“”.!?]{0,100})?)[.,](?=\s|$)`,
  'gu',
);

/**
 * Reports a quotation whose words run on into its own attribution, where the closing mark
 * after the comma was dropped (`"…, said X. "…`): the open-quote convention never puts an
 * attribution inside the quoted words. The fix inserts the mark after the comma.
 */
function reportDroppedClosingMark(context: RuleContext, q: Quotation): boolean {
  for (const part of q.parts) {
    // Only the quoted words are searched: a scan to the paragraph's end per quotation would be quadratic.
    ATTRIBUTION_INSIDE.lastIndex = 0;
    const found = ATTRIBUTION_INSIDE.exec(part.block.text.slice(part.start, part.end));
    if (!found) continue;
    const comma = part.start + found.index;
    const matchEnd = comma + found[0].length;
    const opening = q.parts[0].block.text[q.open];
    const closing = opening === '"' ? '"' : '”';
    // After the comma, or after a nested quotation's closing mark there (`…,' said X`).
    const at = part.block.map.toSourceEnd(/['’]/.test(part.block.text[comma + 1] ?? '') ? comma + 2 : comma + 1);
    // The mark belongs right before the attribution only when the quotation opens its sentence
    // (or follows a colon) and the quoted words run straight into the attribution; a partial
    // quote (`the "narrow interest of … , he said`) or narrative between leaves it unknown.
    const sentences = sentencesOf(part.block);
    const sentenceStart = sentences[sentenceIndexAt(sentences, comma)].start;
    const openBlock = q.parts[0].block;
    const openSentences = sentencesOf(openBlock);
    const lead = openBlock.text.slice(openSentences[sentenceIndexAt(openSentences, q.open)].start, q.open);
    const opensSentence = /^\s*$|:\s*$|(?:^|\s)[-–—]{1,2}\s*$/.test(lead);
    const oneSentence = opensSentence && sentenceStart <= (part === q.parts[0] ? q.open : part.start);
    const quoted = writtenAsIs(context, part.block, comma);
    if (!oneSentence) {
      // Where the quoted words end is unknown: point at the opening mark, as for a quotation never closed.
      const open = q.parts[0].block;
      context.report({
        start: open.map.toSource(q.open),
        end: open.map.toSourceEnd(q.open + 1),
        message: `This quotation runs on into the attribution "${found[0].replace(/^,['’]?\s+/, '').replace(/\s+/g, ' ')}": add the closing mark (${closing}) where the quoted words end.`,
      });
      return true;
    }
    // From the opening mark: where the quoted words end is the writer's call (a partial quote's
    // mark may belong well before the comma), so the whole quotation up to its attribution is marked.
    const from = part === q.parts[0] ? q.open : part.start - 1;
    context.report({
      start: part.block.map.toSource(from),
      end: part.block.map.toSourceEnd(matchEnd),
      message: `The quotation runs on into its attribution: add the closing mark (${closing}) where the quoted words end, usually after the comma before it.`,
      ...(quoted ? { fix: { title: `Close the quotation: ${closing}`, edits: [{ start: at, end: at, text: closing }] } } : {}),
    });
    return true;
  }
  return false;
}

/** Curly marks whose place says the other direction: ”Hello” → “Hello”, word“ → word”. Returns whether any was found. */
function reportBackwardMarks(context: RuleContext, block: ProseBlock): boolean {
  const text = block.text;
  // „…“ is the German pair: there “ closes.
  if (text.includes('„')) return false;
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '“' && ch !== '”' && ch !== '‘') continue;
    const before = i === 0 ? ' ' : text[i - 1];
    const after = i + 1 < text.length ? text[i + 1] : ' ';
    let right: string | null = null;
    if (ch === '“' && WORDISH_BEFORE.test(before) && CLOSING_AFTER.test(after)) right = '”';
    else if (ch === '”' && OPENING_BEFORE.test(before) && WORD_AFTER.test(after)) right = '“';
    else if (ch === '‘' && LETTER_OR_DIGIT.test(before)) right = '’';
    if (!right) continue;
    found = true;
    const start = block.map.toSource(i);
    const end = block.map.toSourceEnd(i + 1);
    const message =
      right === '’'
        ? 'This mark faces the wrong way: after a letter it is an apostrophe or a closing quote, so write ’.'
        : `This quotation mark faces the wrong way: it ${right === '“' ? 'opens' : 'closes'} here, so write ${right}.`;
    const fix = writtenAsIs(context, block, i) ? { title: `Turn the mark: ${right}`, edits: [{ start, end, text: right }] } : undefined;
    context.report({ start, end, message, fix });
  }
  return found;
}

function reportCurly(context: RuleContext, block: ProseBlock): void {
  CURLY.lastIndex = 0;
  for (let m = CURLY.exec(block.text); m; m = CURLY.exec(block.text)) {
    const straight = m[0] === '‘' || m[0] === '’' ? "'" : '"';
    const what = straight === "'" ? 'quotation marks and apostrophes' : 'quotation marks';
    replaceMark(context, block, m.index, straight, `This style uses straight ${what}: write ${straight} instead of ${m[0]}.`);
  }
}

function reportStraight(context: RuleContext, block: ProseBlock): void {
  const text = block.text;
  const roles = new Map(quoteMarks(text).map((m) => [m.at, m.role]));
  STRAIGHT.lastIndex = 0;
  for (let m = STRAIGHT.exec(text); m; m = STRAIGHT.exec(text)) {
    const at = m.index;
    const curly = m[0] === '"' ? (roles.get(at) === 'open' ? '“' : '”') : curlySingle(text, at);
    const what = m[0] === "'" ? 'quotation marks and apostrophes' : 'quotation marks';
    replaceMark(context, block, at, curly, `This style uses curly ${what}: write ${curly} instead of ${m[0]}.`);
  }
}

function replaceMark(context: RuleContext, block: ProseBlock, at: number, text: string, message: string): void {
  if (!writtenAsIs(context, block, at)) return;
  const start = block.map.toSource(at);
  const end = block.map.toSourceEnd(at + 1);
  context.report({ start, end, message, fix: { title: `Write ${text}`, edits: [{ start, end, text }] } });
}

/** ‘ opens a single quotation; ’ closes one and is the apostrophe (don’t, students’, ’90s). */
function curlySingle(text: string, at: number): '‘' | '’' {
  const before = at === 0 ? ' ' : text[at - 1];
  const after = at + 1 < text.length ? text[at + 1] : ' ';
  if (LETTER_OR_DIGIT.test(before)) return '’';
  if (/^\d\d(?![\p{N}])/u.test(text.slice(at + 1, at + 4))) return '’';
  if (/\s/.test(after)) return '’';
  return /[\s(\[{—–\-/:"“]/.test(before) ? '‘' : '’';
}

/** Whether the mark stands in the source as itself, not as an entity or escape (&quot;, \"), which a fix would break. */
function writtenAsIs(context: RuleContext, block: ProseBlock, at: number): boolean {
  const start = block.map.toSource(at);
  return block.map.toSourceEnd(at + 1) - start === 1 && context.doc.source[start] === block.text[at];
}
