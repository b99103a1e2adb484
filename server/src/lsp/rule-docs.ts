// The rule pages shipped beside the server (docs/rules/RULE.md in the package or the repository):
// the diagnostic's link to the page on disk, and `copydesk explain RULE` as a hover for clients
// that do not follow links. No web address is ever used: only files that are there.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { explainRule } from '../cli/maintainer/explain.js';
import type { LoadedConfig } from '../config/index.js';
import { findRule } from '../rules/index.js';
import { SHOW_RULE_COMMAND } from '../protocol/index.js';

let docsDir: string | null | undefined;

let linkStyle: 'file' | 'command' = 'file';

/** 'command': links are `command:` URIs the extension opens inside VS Code; 'file': the page's file: URI. */
export function setRuleLinkStyle(style: 'file' | 'command'): void {
  linkStyle = style;
}

/** docs/rules in the nearest folder above this module (dist/ in the .vsix, out/server/src/lsp/ in the repository). */
export function ruleDocsDir(): string | null {
  if (docsDir !== undefined) return docsDir;
  docsDir = null;
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = path.join(folder, 'docs', 'rules');
    if (existsSync(path.join(candidate, 'dateline.md'))) return (docsDir = candidate);
    folder = path.dirname(folder);
  }
  return docsDir;
}

/** The link to a built-in rule's page, or undefined when the rule or its page is not there. */
export function ruleDocHref(id: string): string | undefined {
  const dir = ruleDocsDir();
  if (!dir || !findRule(id)) return undefined;
  const page = path.join(dir, `${id}.md`);
  if (!existsSync(page)) return undefined;
  return linkStyle === 'command' ? `command:${SHOW_RULE_COMMAND}?${encodeURIComponent(JSON.stringify([id]))}` : pathToFileURL(page).href;
}

/** What `copydesk explain RULE` prints for this style (the page included), as hover Markdown. */
export function explainMarkdown(id: string, loaded: LoadedConfig): string | null {
  const text = explainRule(id, loaded, ruleDocsDir() ?? undefined);
  if (text === null) return null;
  // The listing is aligned plain text; the page after it is Markdown: keep each as it is.
  const [listing, ...page] = text.split('\n\n\n');
  return [`\`\`\`text\n${listing.trimEnd()}\n\`\`\``, ...page].join('\n\n');
}
