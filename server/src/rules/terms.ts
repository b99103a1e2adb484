// Rule `terms`: the style's preferred terms and spellings (organisation, not organization;
// IS, not ISIS/ISIL/Daesh) from the style's `terms:` section, and with option `spelling:
// en-GB` American spellings in general (color, defense, realize). Fix: replace. Words
// inside direct quotations are the speaker's: skipped, or reported without a fix.

import { inQuotation, QUOTATIONS_OPTION, QUOTED_NOTE, sentencesOf, sentenceIndexAt } from '../engine/segment.js';
import { britishSpellings, SPELLINGS } from '../engine/spelling.js';
import type { ProseBlock } from '../engine/prose.js';
import { perDocument, type NewsDocument } from '../engine/document.js';
import type { ReportInput } from '../engine/types.js';
import type { RuleDefinition } from './rule.js';

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
    if (compiled) for (const f of compiled.check(context.doc)) report({ start: f.start, end: f.end, message: f.message, fix: f.fix });
    if (context.options.spelling === 'en-GB') {
      const taken = (start: number) => reported.some((r) => r.start <= start && start < r.end);
      for (const block of context.doc.body) checkBritish(context.doc, block, (f) => !taken(f.start) && report(f));
    }
  },
};

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
