// Rule `terms`: the style's preferred terms and spellings (organisation, not organization;
// IS, not ISIS/ISIL/Daesh) from the style's `terms:` section, and with option `spelling:
// en-GB` American spellings in general (color, defense, realize). Fix: replace. Words
// inside direct quotations are the speaker's: skipped, or reported without a fix.

import { inQuotation, QUOTATIONS_OPTION, QUOTED_NOTE, sentencesOf, sentenceIndexAt } from '../engine/segment.js';
import { britishSpellings, SPELLINGS } from '../engine/spelling.js';
import type { ProseBlock } from '../engine/prose.js';
import { perDocument, type NewsDocument } from '../engine/document.js';
import type { ReportInput } from '../engine/types.js';
import { analyseAcronyms, isQuoted, writtenName } from '../engine/acronyms.js';
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
 * A term whose house form is an acronym the story does not use otherwise (ISIS -> IS) is spelled
 * out there, "Islamic State (IS)", as acronym-first-use would ask once the term is fixed: one
 * pass settles it. Only the earliest such term, only for an acronym the dictionary can spell out.
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
    // Any other use of the acronym is the one acronym-first-use spells out in this same pass.
    if ((byAcronym.get(acronym) ?? []).some((o) => o.kind === 'definition' || !isQuoted(doc, o))) continue;
    const name = writtenName(doc, style.acronyms, acronym);
    if (name && name.block.map.toSource(name.start) < f.start) continue;
    const text = `${expansion} (${acronym})`;
    f.fix = { title: `Replace with "${text}"`, edits: [{ ...edit, text }] };
  }
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
