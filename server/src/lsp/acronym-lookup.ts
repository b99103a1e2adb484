// Finds the acronym under a position and its definition in the draft, for hover and go to
// definition. Reads the engine's acronym analysis; knows nothing of LSP message shapes.

import { analyseAcronyms, type AcronymOccurrence } from '../engine/acronyms.js';
import type { DraftLint } from './lint-cache.js';

export interface SourceSpan {
  start: number;
  end: number;
}

export interface AcronymAtOffset {
  acronym: string;
  /** The acronym's letters under the cursor, in source offsets. */
  span: SourceSpan;
  /** The draft's first definition of it, if any. */
  definition: AcronymOccurrence | null;
  /** Source span of that definition's spelled-out name. */
  expansionSpan: SourceSpan | null;
  dictionary: readonly string[];
}

function sourceSpan(occ: AcronymOccurrence, start: number, end: number): SourceSpan {
  return { start: occ.block.map.toSource(start), end: occ.block.map.toSourceEnd(end) };
}

export function acronymAt(lint: DraftLint, offset: number): AcronymAtOffset | null {
  const analysis = analyseAcronyms(lint.document, lint.style.acronyms);
  for (const occ of analysis.occurrences) {
    const span = sourceSpan(occ, occ.start, occ.end);
    if (offset < span.start || offset > span.end) continue;
    const all = analysis.byAcronym.get(occ.acronym) ?? [];
    const definition = all.find((o) => o.kind === 'definition' && o.expansion !== null) ?? null;
    const expansion = definition?.expansion;
    return {
      acronym: occ.acronym,
      span,
      definition,
      expansionSpan: definition && expansion ? sourceSpan(definition, expansion.start, expansion.end) : null,
      dictionary: lint.style.acronyms.dictionary.get(occ.acronym) ?? [],
    };
  }
  return null;
}
