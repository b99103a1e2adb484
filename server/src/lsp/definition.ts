// Go to definition from any use of an acronym to the spelled-out name where the draft defines it.
// Returns nothing when the draft never defines it (the dictionary is not a location).

import type { Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { acronymAt } from './acronym-lookup.js';
import { rangeOf } from './diagnostics.js';
import type { DraftLint } from './lint-cache.js';

export function definitionFor(doc: TextDocument, lint: DraftLint, position: Position): Location | null {
  const found = acronymAt(lint, doc.offsetAt(position));
  if (!found?.expansionSpan) return null;
  return { uri: doc.uri, range: rangeOf(doc, found.expansionSpan.start, found.expansionSpan.end) };
}
