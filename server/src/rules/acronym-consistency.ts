// Rule `acronym-consistency`: once an acronym is spelled out, the draft sticks to it: the
// name is the dictionary's, the definition comes once, later mentions use the acronym, and
// (optionally) a definition is used again. Reads engine/acronyms.ts; never re-parses text.

import { analyseAcronyms, sameName, type AcronymOccurrence, type Expansion } from '../engine/acronyms.js';
import { inQuotationAt } from '../engine/segment.js';
import type { ProseBlock } from '../engine/prose.js';
import type { NewsDocument } from '../engine/document.js';
import type { AcronymStyle, Fix, TextEdit } from '../engine/types.js';
import { regionalSource } from '../engine/acronym-names.js';
import type { RuleContext, RuleDefinition } from './rule.js';

const QUOTE = /["“”'‘’]/;
/** Words in front of a name that are not part of it: an article, a possessive ("Kazakhstan's"). */
const LEADING_NON_NAME = /^(?:(?:[Tt]he|An?|of|for|and|de)\s+|\p{Lu}[\p{L}\p{M}.-]*['’]s\s+)+/u;
/** A capitalised run that swallowed the sentence before the name: "Officers of the Ministry of …". */
const LAST_THE = /^.*\sthe\s+/su;
/** A capitalised word (not an article) right before a repeated name makes it another body: "the Kyrgyz Interior Ministry". */
const QUALIFIER_BEFORE = /(?:\p{Lu}[\p{L}\p{M}.-]*(?:['’]s)?|['’]s)\s+$/u;
const ARTICLE_BEFORE = /(?:^|\s)(?:The|A|An|This|That|Its|Their|Our)\s+$/u;
/** A capitalised word, "of X" or a bracket after a repeated name makes it part of a longer name or a new definition. */
const CONTINUES_AFTER = /^(?:\s+\p{Lu}|\s+(?:of|for|on|in)\s+\p{Lu}|\s*\()/u;

export const acronymConsistency: RuleDefinition = {
  id: 'acronym-consistency',
  description: 'Spell an acronym out once, with the dictionary\'s name, and use the acronym after that.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    flagRepeatedName: {
      type: 'boolean',
      default: true,
      description: 'Report the full name written out again after the acronym was defined (fix: use the acronym).',
    },
    flagUnusedDefinition: {
      type: 'boolean',
      default: false,
      description: 'Report a definition whose acronym is never used again. Off by default: wire copy often names a body once with its initials for reference.',
    },
  },
  check(context: RuleContext): void {
    const { doc, style } = context;
    const { byAcronym } = analyseAcronyms(doc, style.acronyms);
    for (const [acronym, occurrences] of byAcronym) {
      const definitions = occurrences.filter((o) => o.kind === 'definition');
      if (definitions.length === 0) continue;
      const first = definitions[0];
      checkDictionaryName(context, acronym, first);
      for (const again of definitions.slice(1)) if (isCredible(again)) reportSecondDefinition(context, acronym, again);
      const repeated = context.options.flagRepeatedName !== false ? reportRepeatedNames(context, acronym, first, definitions) : 0;
      // A name written out again is better fixed by using the acronym than by dropping its definition.
      const unused = repeated === 0 && definitions.length === occurrences.length && definitions.length === 1;
      if (context.options.flagUnusedDefinition === true && unused && isCredible(first) && !isTicker(first)) reportUnused(context, acronym, first);
    }
  },
};

/** The name in a definition without a leading article or possessive; null when the analysis could not tell the name. */
function nameOf(occ: AcronymOccurrence): Expansion | null {
  const exp = occ.expansion;
  if (!exp) return null;
  if (exp.start > occ.start) return exp; // "KTZ (national railway company)": the bracket holds the whole name.
  let lead = LAST_THE.exec(exp.text)?.[0].length ?? 0;
  lead += LEADING_NON_NAME.exec(exp.text.slice(lead))?.[0].length ?? 0;
  const text = exp.text.slice(lead);
  // A lower-case single word is the analysis's fallback ("group (NGO)"), not a reliable name.
  if (!/^\p{Lu}/u.test(text) && !/\s/.test(text)) return null;
  return { start: exp.start + lead, end: exp.end, text };
}

/**
 * Whether the analysis surely read a definition: the dictionary matched, the name stood in
 * brackets, or a name was found. "the (IMF) Interim Committee" is an aside, not a definition.
 */
function isCredible(def: AcronymOccurrence): boolean {
  return def.matchesDictionary === true || (def.expansion !== null && def.expansion.start > def.start) || nameOf(def) !== null;
}

/** "Gould Inc (GLD)": a company's ticker in brackets, given once by wire convention. */
const COMPANY_NAME_END = /\s(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC|Group|Holdings|Bancorp|Industries)\.?$/;

function isTicker(def: AcronymOccurrence): boolean {
  return def.expansion !== null && def.expansion.start < def.start && COMPANY_NAME_END.test(def.expansion.text);
}

function checkDictionaryName(context: RuleContext, acronym: string, def: AcronymOccurrence): void {
  if (def.matchesDictionary !== false) return;
  const accepted = context.style.acronyms.dictionary.get(acronym);
  const name = nameOf(def);
  if (!accepted || !name || accepted.some((a) => sameName(a, name.text))) return;
  // "Net World Health Organisation (WHO)": the accepted name ends the words read as the name; the
  // words before it are the sentence's, and a fix would delete them.
  const words = name.text.trim().split(/\s+/);
  if (accepted.some((a) => {
    const n = a.trim().split(/\s+/).length;
    return words.length > n && sameName(words.slice(-n).join(' '), a);
  })) return;
  // "non-governmental organisations (NGOs)" is the accepted name in the plural.
  if (def.plural && accepted.some((a) => sameName(`${a}s`, name.text))) return;
  if (def.plural) return;
  const house = accepted[0];
  const start = def.block.map.toSource(name.start);
  const end = def.block.map.toSourceEnd(name.end);
  context.report({
    start,
    end,
    message: `Spell out ${acronym} as the dictionary does: "${house}", not "${name.text}".`,
    fix: { title: `Write "${house}"`, edits: [{ start, end, text: house }] },
  });
}

function reportSecondDefinition(context: RuleContext, acronym: string, def: AcronymOccurrence): void {
  const { start, end, word, edit } = shortened(acronym, def);
  context.report({
    start,
    end,
    message: `${acronym} is already spelled out earlier; write just "${word}" here.`,
    fix: edit ? { title: `Write "${word}"`, edits: [edit] } : undefined,
  });
}

/** A definition written as the bare acronym: its source range, the word, and the edit (null when the name's extent is unsure). */
function shortened(acronym: string, def: AcronymOccurrence): { start: number; end: number; word: string; edit: TextEdit | null } {
  const range = definitionRange(def);
  const block = def.block;
  const start = block.map.toSource(range.start);
  const end = block.map.toSourceEnd(range.end);
  const word = acronym + (def.plural ? 's' : '');
  // The name's extent is sure when the dictionary matched it, it stood in brackets, or it is capitalised.
  const reverse = def.expansion!.start > def.start;
  const fixable = def.matchesDictionary === true || reverse || /^\p{Lu}/u.test(nameOf(def)?.text ?? '');
  return { start, end, word, edit: fixable ? { start, end, text: word } : null };
}

/**
 * What this rule would fix once acronym-first-use spells the acronym out at its bare first use
 * `first`: the first definition after it and the full name written out again after it become
 * the acronym. acronym-first-use puts these edits in its own fix, so --fix settles in one pass
 * instead of spelling out, then re-linting to find the old definition repeated.
 */
export function editsOnceSpelledOut(context: RuleContext, acronym: string, first: AcronymOccurrence, occurrences: readonly AcronymOccurrence[]): TextEdit[] {
  const entry = context.style.catalogue.get('acronym-consistency');
  if (!entry || entry.severity === 'off') return [];
  const definitions = occurrences.filter((o) => o.kind === 'definition');
  const edits: TextEdit[] = [];
  if (definitions.length > 0 && isCredible(definitions[0])) {
    const edit = shortened(acronym, definitions[0]).edit;
    if (edit) edits.push(edit);
  }
  if (entry.optionValues.flagRepeatedName !== false) {
    const names = new Set(context.style.acronyms.dictionary.get(acronym) ?? []);
    for (const { start, end } of repeatedNames(context, acronym, first, names, definitions)) edits.push({ start, end, text: acronym });
  }
  return edits;
}

/** Block-text range of a whole definition: `"Name" (ACR)`, `ACR (name)` or `the Name, ACR,`. */
function definitionRange(def: AcronymOccurrence): { start: number; end: number } {
  const text = def.block.text;
  const exp = nameOf(def) ?? def.expansion!;
  const afterEnd = def.end + (def.plural ? 1 : 0);
  if (exp.start > def.start) {
    // "ACR (name)" closes with its bracket, "ACR - name -" with its dash, "ACR, the Name," with its comma.
    const close = /^(?:\)|,|\s+(?:-{1,2}|–|—))/.exec(text.slice(exp.end, exp.end + 4));
    return { start: def.start, end: exp.end + (close ? close[0].length : 0) };
  }
  if (text[def.start - 1] === '(') {
    const quoted = QUOTE.test(text[exp.start - 1] ?? '') && QUOTE.test(text[exp.end] ?? '');
    return { start: exp.start - (quoted ? 1 : 0), end: afterEnd + 1 };
  }
  // The apposition takes its closing comma with it: "the Name, ACR, said" -> "the ACR said".
  return { start: exp.start, end: afterEnd + (text[afterEnd] === ',' ? 1 : 0) };
}

function reportUnused(context: RuleContext, acronym: string, def: AcronymOccurrence): void {
  const block = def.block;
  const bracketed = block.text[def.start - 1] === '(' && def.expansion!.start < def.start;
  const start = block.map.toSource(def.start);
  const end = block.map.toSourceEnd(def.end);
  if (!bracketed) {
    context.report({ start, end, message: `${acronym} is spelled out but never used again; write the name alone.` });
    return;
  }
  let from = def.start - 1;
  while (from > 0 && /[ \t]/.test(block.text[from - 1])) from--;
  const to = def.end + (def.plural ? 1 : 0) + 1;
  const fix: Fix = { title: `Drop "(${acronym})"`, edits: [{ start: block.map.toSource(from), end: block.map.toSourceEnd(to), text: '' }] };
  context.report({ start, end, message: `${acronym} is spelled out but never used again; drop "(${acronym})" and keep the name.`, fix });
}

// ---------------------------------------------------------------------------------------
// The full name again after the definition

const namePatterns = new WeakMap<AcronymStyle, Map<string, RegExp>>();

function namePattern(style: AcronymStyle, name: string): RegExp {
  let perStyle = namePatterns.get(style);
  if (!perStyle) namePatterns.set(style, (perStyle = new Map()));
  let pattern = perStyle.get(name);
  if (!pattern) {
    // Any regional spelling of the name is the name written again.
    pattern = new RegExp(`(?<![\\p{L}\\p{N}'’-])${regionalSource(name)}(?![\\p{L}\\p{N}-])`, 'gu');
    perStyle.set(name, pattern);
  }
  return pattern;
}

function reportRepeatedNames(
  context: RuleContext,
  acronym: string,
  first: AcronymOccurrence,
  definitions: readonly AcronymOccurrence[],
): number {
  const names = new Set(context.style.acronyms.dictionary.get(acronym) ?? []);
  const own = nameOf(first);
  if (own && first.matchesDictionary !== true && /^\p{Lu}/u.test(own.text) && /\s/.test(own.text)) names.add(own.text);
  const found = repeatedNames(context, acronym, first, names, definitions);
  for (const { start, end } of found) {
    context.report({
      start,
      end,
      message: `${acronym} is already spelled out earlier; write "${acronym}" instead of the full name.`,
      fix: { title: `Write "${acronym}"`, edits: [{ start, end, text: acronym }] },
    });
  }
  return found.length;
}

/** Source ranges of the full name written out again, plainly, after `from` (definitions aside). */
function repeatedNames(
  context: RuleContext,
  acronym: string,
  from: AcronymOccurrence,
  names: ReadonlySet<string>,
  definitions: readonly AcronymOccurrence[],
): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (names.size === 0) return found;
  const { body } = context.doc;
  const fromBlock = body.indexOf(from.block);
  const taken = definitionRanges(definitions);
  for (let b = fromBlock; b < body.length; b++) {
    const block = body[b];
    const after = block === from.block ? from.end : 0;
    for (const name of names) {
      const pattern = namePattern(context.style.acronyms, name);
      pattern.lastIndex = after;
      for (let m = pattern.exec(block.text); m; m = pattern.exec(block.text)) {
        const start = m.index;
        const end = start + m[0].length;
        // Right after a bare first use being spelled out, what stands before the name will be "(ACR)", no qualifier.
        const spelledOutBefore = from.kind === 'use' && block === from.block && /^\s+$/.test(block.text.slice(from.end, start));
        if (!isPlainMention(context.doc, block, start, end, taken, spelledOutBefore)) continue;
        found.push({ start: block.map.toSource(start), end: block.map.toSourceEnd(end) });
      }
    }
  }
  return found;
}

function isPlainMention(
  doc: NewsDocument,
  block: ProseBlock,
  start: number,
  end: number,
  taken: ReadonlyMap<ProseBlock, [number, number][]>,
  noQualifier = false,
): boolean {
  const text = block.text;
  if (taken.get(block)?.some(([s, e]) => start < e && s < end)) return false;
  // A speaker's words (a quotation that closes; the reading every wording rule shares).
  if (inQuotationAt(doc, block, start) || inQuotationAt(doc, block, end - 1, end)) return false;
  if (CONTINUES_AFTER.test(text.slice(end, end + 24))) return false;
  if (noQualifier) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  return !(QUALIFIER_BEFORE.test(before) && !ARTICLE_BEFORE.test(before));
}

/** Every definition's whole range (name and acronym) per block: repeated names inside them are another check's business. */
function definitionRanges(definitions: readonly AcronymOccurrence[]): Map<ProseBlock, [number, number][]> {
  const ranges = new Map<ProseBlock, [number, number][]>();
  for (const def of definitions) {
    const r = definitionRange(def);
    const list = ranges.get(def.block) ?? [];
    list.push([r.start, r.end]);
    ranges.set(def.block, list);
  }
  return ranges;
}
