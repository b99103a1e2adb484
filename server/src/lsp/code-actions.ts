// Code actions for a draft, computed from the lint of the document and the requested range (not
// only from context.diagnostics, which some clients send empty): quick fixes, lessons for the
// style file (style-edits.ts), "disable RULE for this line" and source.fixAll.copydesk. Builds
// edits; never applies them.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineOf } from '../engine/document.js';
import type { Finding } from '../engine/types.js';
import { rangeOf, sameRange } from './diagnostics.js';
import { fixAllEdit } from './fix-all.js';
import { fixText, type FixResult } from '../engine/lint.js';
import { fixKey } from '../engine/fix.js';
import type { DraftLint } from './lint-cache.js';
import { teachingActions } from './style-edits.js';

export interface CodeActionContext {
  /** The text of an open document (a style file being edited), or undefined. */
  openText(uri: string): string | undefined;
  /** The client asks the user for an acronym's expansion (the VS Code extension). */
  askExpansion: boolean;
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Whether the client's `only` filter admits this kind (a filter "source" admits "source.fixAll.copydesk"). */
function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function intersects(finding: Finding, start: number, end: number): boolean {
  return finding.start <= end && finding.end >= start;
}

/** The client's own diagnostic for this finding when it sent one, so VS Code links the two. */
function diagnosticFor(lint: DraftLint, index: number, sent: Diagnostic[]): Diagnostic {
  const ours = lint.diagnostics[index];
  return sent.find((d) => d.code === ours.code && sameRange(d.range, ours.range)) ?? ours;
}

/** Whether the engine's fix run refused this finding's fix (it never settled): then no quick fix either. */
function refused(plan: FixResult, finding: Finding): boolean {
  return plan.unfixable.some((u) => u.start === finding.start && u.end === finding.end && fixKey(u) === fixKey(finding));
}

/** The finding's fix (unless the fix run refused it), or each of its suggestions (none preferred: the editor must choose). */
function quickFixes(doc: TextDocument, finding: Finding, diagnostic: Diagnostic, plan: () => FixResult): CodeAction[] {
  const offered = finding.fix ? (refused(plan(), finding) ? [] : [finding.fix]) : (finding.suggestions ?? []);
  return offered
    .filter((fix) => fix.edits.length > 0)
    .map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: finding.fix !== undefined,
      edit: { changes: { [doc.uri]: fix.edits.map((e): TextEdit => ({ range: rangeOf(doc, e.start, e.end), newText: e.text })) } },
    }));
}

/** Inserts `<!-- copydesk-disable-next-line RULE -->` on its own line above, same indentation and line ending. */
function disableForLine(doc: TextDocument, lint: DraftLint, finding: Finding, diagnostic: Diagnostic): CodeAction {
  const text = lint.document.source;
  const lineStart = lint.document.lineStarts[lineOf(lint.document.lineStarts, finding.start)];
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const position = doc.positionAt(lineStart);
  return {
    title: `Disable ${finding.rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [doc.uri]: [
          { range: { start: position, end: position }, newText: `${indent}<!-- copydesk-disable-next-line ${finding.rule} -->${eol}` },
        ],
      },
    },
  };
}

export function codeActionsFor(doc: TextDocument, lint: DraftLint, params: CodeActionParams, context: CodeActionContext): CodeAction[] {
  const only = params.context.only;
  const start = doc.offsetAt(params.range.start);
  const end = doc.offsetAt(params.range.end);
  const fixes: CodeAction[] = [];
  const lessons: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const disabledLines = new Set<string>();
  // The engine's proof of the fixes (fix.ts), run once per request and only when a fix is in play.
  let fixRun: FixResult | undefined;
  const plan = () => (fixRun ??= fixText(doc.getText(), lint.style));
  if (wanted(CodeActionKind.QuickFix, only)) {
    lint.findings.forEach((finding, index) => {
      if (!intersects(finding, start, end)) return;
      const diagnostic = diagnosticFor(lint, index, params.context.diagnostics ?? []);
      fixes.push(...quickFixes(doc, finding, diagnostic, plan));
      lessons.push(...teachingActions(lint, finding, diagnostic, context.openText, context.askExpansion));
      const key = `${finding.rule}@${diagnostic.range.start.line}`;
      if (disabledLines.has(key)) return;
      disabledLines.add(key);
      disables.push(disableForLine(doc, lint, finding, diagnostic));
    });
  }
  const actions = [...fixes, ...lessons, ...disables];
  // Fix-all re-lints until stable, so it is computed only when asked for by kind or when the
  // cursor is on something fixable (not on every cursor move).
  const askedForFixAll = only !== undefined && only.length > 0 && wanted(FIX_ALL_KIND, only);
  if ((askedForFixAll || fixes.length > 0) && lint.findings.some((f) => f.fix)) {
    const edit = fixAllEdit(doc, lint.style, plan());
    if (edit) actions.push({ title: 'Fix all Copydesk problems', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}
