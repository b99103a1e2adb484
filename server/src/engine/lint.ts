// Runs the enabled rules over a parsed draft, honours control comments and returns findings
// sorted by position. Also the fix loop: lint, apply, re-lint until the text is stable.

import { parseNewsDocument, lineOf, type NewsDocument } from './document.js';
import { planFixes, MAX_FIX_PASSES, type PassObserver } from './fix.js';
import { placement, withSoundFix } from './fix-guard.js';
import type { CompiledStyle } from './rule.js';
import type { Finding } from './types.js';
import type { ControlComment } from './control-comments.js';
import { CONTROL_COMMENT_RULE } from './catalogue.js';
import { styleForDraft } from './overrides.js';
import type { ChunkCache } from './incremental-parse.js';

export interface LintResult {
  document: NewsDocument;
  findings: Finding[];
}

/** Lints a draft; `chunkCache` (one per open editor document) lets unchanged paragraphs skip re-parsing. */
export function lintText(source: string, style: CompiledStyle, chunkCache?: ChunkCache): LintResult {
  return lintDocument(parseNewsDocument(source, chunkCache), style);
}

export function lintDocument(doc: NewsDocument, baseStyle: CompiledStyle): LintResult {
  const { style, findings } = styleForDraft(doc, baseStyle);
  // One loop over the catalogue's rules that are on: built-in then custom, each at its severity in this style.
  for (const { id, severity, rule, optionValues } of style.catalogue.active) {
    if (severity === 'off') continue;
    rule!.check({ doc, style, options: optionValues, report: (input) => findings.push({ rule: id, severity, ...input }) });
  }
  findings.push(...checkControlComments(doc.controlComments, style));
  const silenced = silencer(doc);
  const placed = placement(doc);
  const kept = findings.filter((f) => !silenced(f) && placed(f)).map((f) => withSoundFix(doc, f));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { document: doc, findings: kept };
}

export interface FixResult {
  output: string;
  /** Passes that changed the text. */
  passes: number;
  /** Findings that remain after fixing (a refused fix is stripped: they read as not fixable). */
  remaining: Finding[];
  fixedCount: number;
  /** Findings of the source whose fix was refused because fixing never settled with it. */
  unfixable: Finding[];
}

/** Applies fixes until the text stops changing; fixes that do not settle within `maxPasses` are refused (see fix.ts). */
export function fixText(source: string, style: CompiledStyle, maxPasses = MAX_FIX_PASSES, observe?: PassObserver): FixResult {
  return planFixes(source, (text) => lintText(text, style).findings, maxPasses, observe);
}

function checkControlComments(comments: readonly ControlComment[], style: CompiledStyle): Finding[] {
  const findings: Finding[] = [];
  const { catalogue } = style;
  const severity = catalogue.get(CONTROL_COMMENT_RULE)!.defaultSeverity;
  for (const comment of comments) {
    for (const rule of comment.rules) {
      if (catalogue.isRule(rule.id)) continue;
      const message = `copydesk-${comment.kind} comment: ${catalogue.unknownRuleMessage(rule.id)}`;
      findings.push({ rule: CONTROL_COMMENT_RULE, severity, start: rule.start, end: rule.end, message });
    }
  }
  return findings;
}

/** Builds a predicate telling whether a finding is switched off by a control comment. */
function silencer(doc: NewsDocument): (f: Finding) => boolean {
  if (doc.controlComments.length === 0) return () => false;
  type Region = { start: number; end: number; rules: Set<string> | null };
  const regions: Region[] = [];
  const open = new Map<string, number>(); // rule id ('*' for all) -> start offset
  const nextLine: { line: number; rules: Set<string> | null }[] = [];
  const ids = (c: ControlComment) => (c.rules.length ? c.rules.map((r) => r.id) : ['*']);
  for (const comment of doc.controlComments) {
    if (comment.kind === 'disable-next-line') {
      const line = lineOf(doc.lineStarts, comment.end) + 1;
      nextLine.push({ line, rules: comment.rules.length ? new Set(comment.rules.map((r) => r.id)) : null });
    } else if (comment.kind === 'disable') {
      for (const id of ids(comment)) if (!open.has(id)) open.set(id, comment.end);
    } else {
      const closing = comment.rules.length ? ids(comment) : [...open.keys()];
      for (const id of closing) {
        const start = open.get(id);
        if (start === undefined) continue;
        regions.push({ start, end: comment.start, rules: id === '*' ? null : new Set([id]) });
        open.delete(id);
      }
    }
  }
  for (const [id, start] of open) regions.push({ start, end: Infinity, rules: id === '*' ? null : new Set([id]) });
  return (f) => {
    if (f.rule === CONTROL_COMMENT_RULE) return false;
    if (regions.some((r) => f.start >= r.start && f.start < r.end && (r.rules === null || r.rules.has(f.rule)))) return true;
    if (nextLine.length === 0) return false;
    const line = lineOf(doc.lineStarts, f.start);
    return nextLine.some((n) => n.line === line && (n.rules === null || n.rules.has(f.rule)));
  };
}
