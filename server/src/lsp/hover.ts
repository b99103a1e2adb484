// Hover on an acronym: its expansion (the draft's own definition, else the house dictionary)
// and where the draft first defines it; hover on a problem: `copydesk explain RULE` for its rule
// (for clients that do not open rule pages). Translation to LSP only; the analysis is the engine's.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { acronymAt } from './acronym-lookup.js';
import { rangeOf } from './diagnostics.js';
import type { DraftLint } from './lint-cache.js';
import { explainMarkdown } from './rule-docs.js';

/** @param explainRules add the rule explanation of problems under the cursor (off for VS Code, which opens the page). */
export function hoverFor(doc: TextDocument, lint: DraftLint, position: Position, explainRules = true): Hover | null {
  const offset = doc.offsetAt(position);
  const acronym = acronymHover(doc, lint, offset);
  const rules = explainRules ? ruleHover(lint, offset) : [];
  if (!acronym && rules.length === 0) return null;
  const value = [acronym?.contents.value, ...rules].filter((v): v is string => v !== undefined).join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, ...(acronym ? { range: acronym.range } : {}) };
}

/** The explanation of each distinct rule with a problem at `offset`. */
function ruleHover(lint: DraftLint, offset: number): string[] {
  if (!lint.loaded) return [];
  const ids = new Set(lint.findings.filter((f) => f.start <= offset && offset <= f.end).map((f) => f.rule));
  return [...ids].flatMap((id) => explainMarkdown(id, lint.loaded!) ?? []);
}

function acronymHover(doc: TextDocument, lint: DraftLint, offset: number): { contents: { value: string }; range: Hover['range'] } | null {
  const found = acronymAt(lint, offset);
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
    contents: { value: lines.join('\n\n') },
    range: rangeOf(doc, found.span.start, found.span.end),
  };
}
