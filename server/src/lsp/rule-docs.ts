// Rule pages in the editor (found by shared/rule-docs.ts from the style's catalogue): the
// diagnostic's link to the page on disk, and `copydesk explain RULE` as a hover for clients
// that do not follow links. No web address is ever used: only files that are there.

import { pathToFileURL } from 'node:url';
import type { RuleCatalogue } from '../engine/rule.js';
import { explainRule } from '../shared/explain.js';
import { ruleDocsDir, rulePageFile } from '../shared/rule-docs.js';
import type { LoadedConfig } from '../config/index.js';
import { builtInCatalogue } from '../runner/style.js';
import { SHOW_RULE_COMMAND } from '../protocol/index.js';

let linkStyle: 'file' | 'command' = 'file';

/** 'command': links to shipped pages are `command:` URIs the extension opens inside VS Code; 'file': the page's file: URI. */
export function setRuleLinkStyle(style: 'file' | 'command'): void {
  linkStyle = style;
}

/** The link to a rule's page (a built-in rule's shipped page, a custom rule's `doc:`), or undefined when there is none on disk. */
export function ruleDocHref(id: string, catalogue: RuleCatalogue = builtInCatalogue()): string | undefined {
  const entry = catalogue.get(id);
  const page = rulePageFile(entry);
  if (!entry || !page) return undefined;
  return linkStyle === 'command' && entry.kind === 'built-in' ? `command:${SHOW_RULE_COMMAND}?${encodeURIComponent(JSON.stringify([id]))}` : pathToFileURL(page).href;
}

/** What `copydesk explain RULE` prints for this style (the page included), as hover Markdown. */
export function explainMarkdown(id: string, loaded: LoadedConfig): string | null {
  const text = explainRule(id, loaded, ruleDocsDir() ?? undefined);
  if (text === null) return null;
  // The listing is aligned plain text; the page after it is Markdown: keep each as it is.
  const [listing, ...page] = text.split('\n\n\n');
  return [`\`\`\`text\n${listing.trimEnd()}\n\`\`\``, ...page].join('\n\n');
}
