// What report formats say about a rule: a built-in rule's page under docs/rules (shipped with
// the package), a style's custom rule from its definition, control comments in a fixed line.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CustomRuleSpec } from '../engine/custom-rules.js';
import { CONTROL_COMMENT_RULE } from '../engine/lint.js';
import { findRule } from '../rules/index.js';

/** docs/rules in the package root (compiled to out/server/src/cli/): the rule pages. */
export function ruleDocsDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/rules');
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

export function ruleDoc(id: string, custom: ReadonlyMap<string, CustomRuleSpec>): RuleDoc {
  const rule = findRule(id);
  if (rule) {
    let page: string | undefined;
    try {
      page = fs.readFileSync(path.join(ruleDocsDir(), `${id}.md`), 'utf8');
    } catch {
      page = undefined; // a build without the docs folder: the short description still stands
    }
    return page === undefined
      ? { shortDescription: rule.description }
      : { shortDescription: rule.description, fullDescription: openingParagraph(page), helpMarkdown: page };
  }
  const spec = custom.get(id);
  if (spec) {
    const message = spec.message.replace(/%s/g, '…');
    return { shortDescription: `Custom ${spec.kind} rule from ${path.basename(spec.source)}: ${message}` };
  }
  if (id === CONTROL_COMMENT_RULE) {
    return { shortDescription: 'A copydesk-disable or copydesk-enable comment names a rule the style does not have.' };
  }
  return { shortDescription: `Rule ${id}` };
}
