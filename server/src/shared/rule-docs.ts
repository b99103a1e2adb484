// Where a rule's page is and what report formats say about a rule, from its catalogue entry:
// a built-in rule's page under docs/rules (shipped with the package), a custom rule's own
// `doc:` page and definition, a pseudo-rule's description. The one place pages are found on
// disk, for `explain`, SARIF and the language server's links.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueEntry } from '../engine/rule.js';

let docsDir: string | null | undefined;

/** docs/rules in the nearest folder above this module (out/server/src/cli/ in the repository, dist/ in the .vsix); null when absent. */
export function ruleDocsDir(): string | null {
  if (docsDir !== undefined) return docsDir;
  docsDir = null;
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = path.join(folder, 'docs', 'rules');
    if (fs.existsSync(path.join(candidate, 'dateline.md'))) return (docsDir = candidate);
    folder = path.dirname(folder);
  }
  return docsDir;
}

/** The file of the entry's page when it is there: a built-in rule's under `dir`, a custom rule's own `doc:`. */
export function rulePageFile(entry: CatalogueEntry | undefined, dir: string | null = ruleDocsDir()): string | undefined {
  const page = entry?.page;
  if (!page) return undefined;
  const file = 'file' in page ? page.file : dir ? path.join(dir, `${entry.id}.md`) : undefined;
  return file && fs.existsSync(file) ? file : undefined;
}

/** The page's text (BOM dropped, line breaks as \n), or undefined when it cannot be read. */
export function readRulePage(entry: CatalogueEntry | undefined, dir?: string | null): string | undefined {
  const file = rulePageFile(entry, dir);
  try {
    return file === undefined ? undefined : fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

export interface RuleDoc {
  shortDescription: string;
  /** The page's opening paragraph, as plain text. */
  fullDescription?: string;
  /** The whole page, Markdown. */
  helpMarkdown?: string;
}

/** The page's first paragraph after the title, lines joined. */
function openingParagraph(markdown: string): string {
  const body = markdown.replace(/^# .*\n+/, '');
  return body.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ').trim();
}

export function ruleDoc(id: string, entry: CatalogueEntry | undefined): RuleDoc {
  if (!entry) return { shortDescription: `Rule ${id}` };
  const spec = entry.custom;
  const shortDescription = spec ? `Custom ${spec.kind} rule from ${path.basename(spec.source)}: ${spec.message.replace(/%s/g, '…')}` : entry.description;
  const page = readRulePage(entry);
  return page === undefined ? { shortDescription } : { shortDescription, fullDescription: openingParagraph(page), helpMarkdown: page };
}
