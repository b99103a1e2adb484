// Rule `acronym-first-use`: the first body use of an acronym is spelled out, as
// "Full Name (ACR)" or by writing the name out before it. The headline, dateline words, Roman
// numerals, tables, wire markers, quotations and the exempt list are not checked. Acronyms the
// dictionary does not know are reported unless they read as names (reportUnknown: false
// turns that off), and always when the draft spells them out only later. Fix: insert the
// dictionary's expansion at first use.

import { analyseAcronyms, isQuoted, writtenName, type AcronymOccurrence } from '../engine/acronyms.js';
import { readsAsName } from '../engine/acronym-names.js';
import { perDocument, type NewsDocument } from '../engine/document.js';
import { escapeRegExp } from '../engine/text-case.js';
import { editsOnceSpelledOut } from './acronym-consistency.js';
import type { Fix } from '../engine/types.js';
import type { RuleContext, RuleDefinition } from './rule.js';

export const acronymFirstUse: RuleDefinition = {
  id: 'acronym-first-use',
  description: 'Spell out an acronym at its first use in the body: Full Name (ACR).',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    quotations: {
      type: 'string',
      default: 'skip',
      enum: ['skip', 'report'],
      description:
        'Acronyms inside direct quotations: "skip" (a speaker\'s words are not ours to rewrite; the first use outside quotations is checked instead) or "report" (reported without a fix).',
    },
    reportUnknown: {
      type: 'boolean',
      default: true,
      description:
        'Report acronyms that are not in acronyms.dictionary and that the draft never spells out, unless they read as names (a capitalised word or describing noun beside them, two letters only). false reports only dictionary acronyms and those the draft spells out after their first use.',
    },
  },
  check(context: RuleContext): void {
    const { doc, style } = context;
    const acronyms = style.acronyms;
    const { byAcronym } = analyseAcronyms(doc, acronyms);
    const reportQuoted = context.options.quotations === 'report';
    for (const [acronym, all] of byAcronym) {
      // A definition inside a quotation still spells the acronym out for the reader.
      const occurrences = reportQuoted ? all : all.filter((o) => o.kind === 'definition' || !isQuoted(doc, o));
      const first = occurrences[0];
      if (!first || first.kind === 'definition') continue;
      const known = acronyms.dictionary.has(acronym);
      const definition = occurrences.find((o) => o.kind === 'definition');
      const name = writtenName(doc, acronyms, acronym);
      if (name && isBefore(name.block.index, name.start, first)) continue;
      // A story that spells the acronym out later proves it is one its readers need explained.
      const definedLater = definition !== undefined || name !== null;
      if (!known && !definedLater && context.options.reportUnknown !== true) continue;
      // Two capitals name too many things (FT, PJ, AC Milan) to report without the dictionary.
      if (!known && !definedLater && (acronym.length < 3 || readsAsName(first.block.text, first.start, first.end, inHeadline(doc, acronym)))) continue;
      const expansion = acronyms.dictionary.get(acronym)?.[0];
      const start = first.block.map.toSource(first.start);
      const end = first.block.map.toSourceEnd(first.end);
      const fix = reportQuoted && isQuoted(doc, first) ? undefined : fixFor(first, expansion, start, end);
      // The later spelling-out and the name written again go in the same fix (see editsOnceSpelledOut).
      const after = fix ? editsOnceSpelledOut(context, acronym, first, all.filter((o) => o.kind === 'use' || !isQuoted(doc, o))) : [];
      if (fix && after.length > 0) {
        fix.title += ` (and just "${acronym}" after it)`;
        fix.edits.push(...after);
      }
      context.report({ start, end, message: messageFor(acronym, expansion, definedLater), fix });
    }
  },
};

/** Whether the headline carries the acronym: the story is about what it names. */
function inHeadline(doc: NewsDocument, acronym: string): boolean {
  const text = doc.headline?.block.text;
  if (text === undefined) return false;
  if (WORDLIKE.test(acronym)) return headlineWords(doc).has(acronym);
  return new RegExp(`(?<![\\p{L}\\p{N}&])${escapeRegExp(acronym)}(?![\\p{L}\\p{N}&])`, 'u').test(text);
}

/** An acronym of letters, digits and & only: it stands in the headline as one of its words. */
const WORDLIKE = /^[\p{L}\p{N}&]+$/u;

/** The headline's runs of letters, digits and &. */
const headlineWords = perDocument((doc: NewsDocument) => new Set(doc.headline?.block.text.split(/[^\p{L}\p{N}&]+/u) ?? []));

function isBefore(blockIndex: number, start: number, occ: AcronymOccurrence): boolean {
  return blockIndex < occ.block.index || (blockIndex === occ.block.index && start < occ.start);
}

function messageFor(acronym: string, expansion: string | undefined, definedLater: boolean): string {
  const form = expansion ? `"${expansion} (${acronym})"` : `"Full Name (${acronym})"`;
  if (definedLater) return `${acronym} is used before it is spelled out; spell it out at its first use: ${form}.`;
  if (expansion) return `Spell out ${acronym} at its first use: ${form}.`;
  return `${acronym} is never spelled out; write ${form} at its first use, or add ${acronym} to acronyms.dictionary or acronyms.exempt.`;
}

function fixFor(first: AcronymOccurrence, expansion: string | undefined, start: number, end: number): Fix | undefined {
  // A plural ("NGOs") would need the plural of the name too, which the dictionary does not know.
  if (!expansion || first.plural) return undefined;
  return { title: `Spell out ${first.acronym}: ${expansion} (${first.acronym})`, edits: [{ start, end, text: `${expansion} (${first.acronym})` }] };
}
