// Rule `acronym-first-use`: the first body use of an acronym is spelled out as
// "Full Name (ACR)". The headline, dateline words, Roman numerals, all-caps emphasis and
// the exempt list are not acronyms. Fix: insert the dictionary's expansion at first use.

import { analyseAcronyms, type AcronymOccurrence } from '../engine/acronyms.js';
import type { Fix } from '../engine/types.js';
import type { RuleContext, RuleDefinition } from './rule.js';

export const acronymFirstUse: RuleDefinition = {
  id: 'acronym-first-use',
  description: 'Spell out an acronym at its first use in the body: Full Name (ACR).',
  defaultSeverity: 'warning',
  fixable: true,
  options: {},
  check(context: RuleContext): void {
    const { byAcronym } = analyseAcronyms(context.doc, context.style.acronyms);
    for (const [acronym, occurrences] of byAcronym) {
      const first = occurrences[0];
      if (first.kind === 'definition') continue;
      const expansion = context.style.acronyms.dictionary.get(acronym)?.[0];
      const definedLater = occurrences.some((o) => o.kind === 'definition');
      const start = first.block.map.toSource(first.start);
      const end = first.block.map.toSourceEnd(first.end);
      context.report({ start, end, message: messageFor(acronym, expansion, definedLater), fix: fixFor(first, expansion, start, end) });
    }
  },
};

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
