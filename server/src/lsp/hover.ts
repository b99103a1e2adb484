// Hover on an acronym: its expansion (the draft's own definition, else the house dictionary)
// and where the draft first defines it. Translation to LSP only; the analysis is the engine's.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { acronymAt } from './acronym-lookup.js';
import { rangeOf } from './diagnostics.js';
import type { DraftLint } from './lint-cache.js';

export function hoverFor(doc: TextDocument, lint: DraftLint, position: Position): Hover | null {
  const found = acronymAt(lint, doc.offsetAt(position));
  if (!found) return null;
  const lines: string[] = [];
  const own = found.definition?.expansion?.text;
  if (own) lines.push(`**${found.acronym}**: ${own}`);
  else if (found.dictionary.length > 0) lines.push(`**${found.acronym}**: ${found.dictionary[0]} (house dictionary)`);
  else lines.push(`**${found.acronym}**: no expansion in the draft or the house dictionary`);
  if (found.expansionSpan) {
    const line = doc.positionAt(found.expansionSpan.start).line + 1;
    lines.push(`Defined on line ${line}.`);
  } else {
    lines.push('Not defined in this draft.');
  }
  if (own && found.dictionary.length > 0 && found.definition?.matchesDictionary === false) {
    lines.push(`The house dictionary spells it: ${found.dictionary[0]}.`);
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') },
    range: rangeOf(doc, found.span.start, found.span.end),
  };
}
