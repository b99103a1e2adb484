// The CLI's view of results: engine findings turned into 1-based line/column messages per file,
// with counts. Formatters read only this; nothing here prints.

import { createHash } from 'node:crypto';
import { computeLineStarts, lineOf } from '../engine/document.js';
import type { Finding, Severity } from '../engine/types.js';

export interface ReportMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based line; 1-based column in UTF-16 code units (the BOM is not counted). End is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** All of a finding's edits as one replacement of source[range[0], range[1]). */
  fix?: { range: [number, number]; text: string };
  /** Other places in the draft the message refers to, 1-based like the message's own position. */
  related?: { line: number; column: number; endLine: number; endColumn: number; message: string }[];
  /** Rule + the flagged text and its neighbourhood, whitespace-normalised: stays when lines move. */
  fingerprint: string;
}

export interface FileReport {
  /** Absolute path, or the --stdin-filename / "<stdin>" for standard input. */
  filePath: string;
  /** The path as shown to people: relative to the working folder. */
  displayPath: string;
  messages: ReportMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
}

export function buildFileReport(filePath: string, displayPath: string, source: string, findings: readonly Finding[]): FileReport {
  const lineStarts = computeLineStarts(source);
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const position = (offset: number) => {
    const line = lineOf(lineStarts, offset);
    const column = offset - lineStarts[line] - (line === 0 ? Math.min(bom, offset) : 0) + 1;
    return { line: line + 1, column };
  };
  const messages = findings.map((f): ReportMessage => {
    const start = position(f.start);
    const end = position(f.end);
    const message: ReportMessage = {
      ruleId: f.rule,
      severity: f.severity,
      message: f.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fingerprint: fingerprintOf(source, f),
    };
    const fix = mergeEdits(source, f);
    if (fix) message.fix = fix;
    if (f.related?.length) {
      message.related = f.related.map((r) => {
        const [from, to] = [position(r.start), position(r.end)];
        return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, message: r.message };
      });
    }
    return message;
  });
  return withMessages({ filePath, displayPath, messages, errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 }, messages);
}

/** The report with only `messages` (e.g. errors only for --quiet, or new ones under a baseline), counts redone. */
export function withMessages(report: FileReport, messages: ReportMessage[]): FileReport {
  return {
    filePath: report.filePath,
    displayPath: report.displayPath,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length,
    fixableCount: messages.filter((m) => m.fix !== undefined).length,
  };
}

const CONTEXT = 40;

/**
 * A finding's identity across edits elsewhere in the draft: its rule, the flagged text and up to
 * 40 characters either side on its line, whitespace collapsed. Line numbers play no part.
 */
export function fingerprintOf(source: string, finding: Pick<Finding, 'rule' | 'start' | 'end'>): string {
  const { start, end } = finding;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const newline = source.indexOf('\n', end);
  const lineEnd = newline < 0 ? source.length : newline;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const parts = [finding.rule, norm(source.slice(Math.max(lineStart, start - CONTEXT), start)), norm(source.slice(start, end)), norm(source.slice(end, Math.max(end, Math.min(lineEnd, end + CONTEXT))))];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}

function mergeEdits(source: string, finding: Finding): ReportMessage['fix'] | undefined {
  const edits = finding.fix?.edits;
  if (!edits || edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0].start;
  const end = Math.max(...sorted.map((e) => e.end));
  let text = '';
  let at = start;
  for (const edit of sorted) {
    text += source.slice(at, edit.start) + edit.text;
    at = Math.max(at, edit.end);
  }
  text += source.slice(at, end);
  return { range: [start, end], text };
}

export interface Totals {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
}

export function totalsOf(reports: readonly FileReport[]): Totals {
  const totals: Totals = { errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 };
  for (const r of reports) {
    totals.errorCount += r.errorCount;
    totals.warningCount += r.warningCount;
    totals.infoCount += r.infoCount;
    totals.fixableCount += r.fixableCount;
  }
  return totals;
}
