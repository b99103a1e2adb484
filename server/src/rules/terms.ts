// Rule `terms`: the style's preferred terms and spellings (organisation, not organization;
// IS, not ISIS/ISIL/Daesh) from the style's `terms:` section, and with option `spelling:
// en-GB` American spellings in general (color, defense, realize). Fix: replace. Words
// inside direct quotations are the speaker's: skipped, or reported without a fix.

import { inQuotation, QUOTATIONS_OPTION, QUOTED_NOTE, sentencesOf, sentenceIndexAt } from '../engine/segment.js';
import { britishSpellings, SPELLINGS } from '../engine/spelling.js';
import type { ProseBlock } from '../engine/prose.js';
import { perDocument, type NewsDocument } from '../engine/document.js';
import type { ReportInput, TextEdit } from '../engine/types.js';
import { analyseAcronyms, isQuoted, writtenName, type AcronymOccurrence } from '../engine/acronyms.js';
import { editsOnceSpelledOut } from './acronym-consistency.js';
import type { RuleContext, RuleDefinition } from './rule.js';

export const terms: RuleDefinition = {
  id: 'terms',
  description: "Use the style's preferred terms and spellings.",
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    spelling: {
      type: 'string',
      default: 'off',
      enum: SPELLINGS,
      description: 'Also flag spellings of the other variety of English: "en-GB" flags American spellings (color, defense, realize) with the British form as fix.',
    },
    quotations: QUOTATIONS_OPTION,
  },
  check(context) {
    const quotations = context.options.quotations as string;
    const reported: ReportInput[] = [];
    const report = (f: ReportInput): void => {
      if (inQuotation(context.doc, f.start, f.end)) {
        if (quotations === 'skip') return;
        f = { start: f.start, end: f.end, message: `${f.message}${QUOTED_NOTE}` };
      }
      reported.push(f);
      context.report(f);
    };
    const compiled = context.style.terms;
    if (compiled) {
      const found = compiled.check(context.doc).map((f): ReportInput => ({ start: f.start, end: f.end, message: f.message, fix: f.fix }));
      spellOutNewAcronyms(context, found);
      for (const f of found) report(f);
    }
    if (context.options.spelling === 'en-GB') {
      const taken = (start: number) => reported.some((r) => r.start <= start && start < r.end);
      for (const block of context.doc.body) checkBritish(context.doc, block, (f) => !taken(f.start) && report(f));
    }
  },
};

/**
 * A term whose house form is an acronym the story does not use before it (ISIS -> IS) is spelled
 * out there, "Islamic State (IS)", as acronym-first-use would ask once the term is fixed: one
 * pass settles it. Only the earliest such term, only for an acronym the dictionary can spell out.
 * When the story spells the acronym out later, the same fix writes that later spelling-out as
 * the bare acronym (as acronym-first-use's own fix does); a bare use later is left to
 * acronym-first-use, which spells it out in the same pass.
 */
function spellOutNewAcronyms(context: RuleContext, found: ReportInput[]): void {
  const { doc, style } = context;
  const firstUse = style.catalogue.get('acronym-first-use');
  if (!firstUse || firstUse.severity === 'off') return;
  let byAcronym: ReturnType<typeof analyseAcronyms>['byAcronym'] | null = null;
  const seen = new Set<string>();
  for (const f of [...found].sort((a, b) => a.start - b.start)) {
    const edit = f.fix?.edits.length === 1 ? f.fix.edits[0] : undefined;
    if (!edit || !/^\p{Lu}{2,}$/u.test(edit.text) || seen.has(edit.text) || inQuotation(doc, f.start, f.end)) continue;
    const acronym = edit.text;
    seen.add(acronym);
    const expansion = style.acronyms.dictionary.get(acronym)?.[0];
    if (!expansion) continue;
    byAcronym ??= analyseAcronyms(doc, style.acronyms).byAcronym;
    const all = byAcronym.get(acronym) ?? [];
    const existing = all.filter((o) => o.kind === 'definition' || !isQuoted(doc, o));
    let later: TextEdit[] = [];
    if (existing.length > 0) {
      // A bare use is the one acronym-first-use spells out in this same pass; so is one before this term.
      const first = existing[0];
      if (first.kind !== 'definition' || first.block.map.toSource(first.start) < f.start) continue;
      const here = occurrenceAt(doc, acronym, f.start, f.end);
      if (!here) continue;
      later = editsOnceSpelledOut(context, acronym, here, all.filter((o) => o.kind === 'use' || !isQuoted(doc, o)));
    }
    const name = writtenName(doc, style.acronyms, acronym);
    if (name && name.block.map.toSource(name.start) < f.start) continue;
    const text = `${expansion} (${acronym})`;
    f.fix = { title: `Replace with "${text}"${later.length > 0 ? ` (and just "${acronym}" after it)` : ''}`, edits: [{ ...edit, text }, ...later] };
  }
}

/** The term at source [start, end) as a bare use of `acronym`, in its block's text; null when no block holds it whole. */
function occurrenceAt(doc: NewsDocument, acronym: string, start: number, end: number): AcronymOccurrence | null {
  for (const block of doc.body) {
    if (block.text.length === 0 || start < block.map.toSource(0) || end > block.map.toSourceEnd(block.text.length)) continue;
    let from = -1;
    for (let i = 0; i < block.text.length && from === -1; i++) if (block.map.toSource(i) === start) from = i;
    if (from === -1) continue;
    for (let to = from + 1; to <= block.text.length; to++) {
      if (block.map.toSourceEnd(to) === end) return { acronym, block, start: from, end: to, kind: 'use', expansion: null, matchesDictionary: null, plural: false };
    }
  }
  return null;
}

const WORD = /(?<![\p{L}\p{N}'’-])\p{L}+(?![\p{L}\p{N}-]|['’]\p{L})/gu;

/** American spellings in a block, each with the British form as fix. */
function checkBritish(doc: NewsDocument, block: ProseBlock, report: (f: ReportInput) => void): void {
  if (block.kind !== 'paragraph' && block.kind !== 'tableCell') return;
  const spellings = britishSpellings();
  const text = block.text;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    const lower = word.toLowerCase();
    const british = spellings.variants.get(lower);
    if (british === undefined) continue;
    // A capital inside a sentence is a name, spelled as its owner spells it: World Trade Center, Labor Party.
    if (word !== lower && (!startsSentence(block, m.index) || word === word.toUpperCase() && word.length > 1)) continue;
    const context = { before: text.slice(Math.max(0, m.index - 40), m.index), paragraph: text, story: () => storyText(doc) };
    if (!spellings.isAmericanHere(lower, context)) continue;
    const replacement = word[0] === word[0].toUpperCase() ? british[0].toUpperCase() + british.slice(1) : british;
    const start = block.map.toSource(m.index);
    const end = block.map.toSourceEnd(m.index + word.length);
    report({
      start,
      end,
      message: `Use the British spelling "${replacement}", not "${word}".`,
      fix: { title: `Replace with "${replacement}"`, edits: [{ start, end, text: replacement }] },
    });
  }
}

function startsSentence(block: ProseBlock, at: number): boolean {
  const sentences = sentencesOf(block);
  const sentence = sentences[sentenceIndexAt(sentences, at)];
  return sentence !== undefined && /^[\s"“‘'(]*$/u.test(block.text.slice(sentence.start, at));
}

const storyText = perDocument((doc: NewsDocument): string => doc.body.map((b) => b.text).join('\n'));
