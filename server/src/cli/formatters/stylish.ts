// The default human report, in the manner of ESLint's stylish: problems grouped by file, then
// a summary line. Colour only when the caller says the output is a terminal that wants it.

import type { FileReport } from '../report.js';
import { totalsOf } from '../report.js';
import type { Severity } from '../../engine/types.js';

export interface StylishOptions {
  color: boolean;
}

const SGR = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', underline: '\x1b[4m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m' };

export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  return reports.map((r) => formatStylishFile(r, options)).join('') + formatStylishSummary(reports, options);
}

/** One draft's block (nothing for a clean draft): printed as soon as the draft is done. */
export function formatStylishFile(report: FileReport, options: StylishOptions): string {
  if (report.messages.length === 0) return '';
  const paint = painter(options);
  const severityColour: Record<Severity, string> = { error: SGR.red, warning: SGR.yellow, info: SGR.blue };
  const out = [paint(SGR.underline, report.displayPath)];
  const rows = report.messages.map((m) => [`${m.line}:${m.column}`, m.severity, m.message, m.ruleId, m.severity] as const);
  const placeWidth = Math.max(...rows.map((r) => r[0].length));
  const severityWidth = Math.max(...rows.map((r) => r[1].length));
  for (const [place, severity, message, rule, sev] of rows) {
    const cells = ['  ' + paint(SGR.dim, place.padEnd(placeWidth)), paint(severityColour[sev], severity.padEnd(severityWidth)), message, paint(SGR.dim, rule)];
    out.push(cells.join('  '));
  }
  return out.join('\n') + '\n\n';
}

/** The closing count of problems (nothing when there are none). */
export function formatStylishSummary(reports: readonly FileReport[], options: StylishOptions): string {
  const paint = painter(options);
  const totals = totalsOf(reports);
  const problems = totals.errorCount + totals.warningCount + totals.infoCount;
  if (problems === 0) return '';
  const parts = [plural(totals.errorCount, 'error'), plural(totals.warningCount, 'warning')];
  if (totals.infoCount > 0) parts.push(plural(totals.infoCount, 'info'));
  const summaryColour = totals.errorCount > 0 ? SGR.red : SGR.yellow;
  const out = [paint(SGR.bold + summaryColour, `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`)];
  if (totals.fixableCount > 0) {
    out.push(paint(SGR.bold + summaryColour, `  ${plural(totals.fixableCount, 'problem')} fixable with --fix`));
  }
  return out.join('\n') + '\n';
}

function painter(options: StylishOptions): (codes: string, text: string) => string {
  return (codes, text) => (options.color ? `${codes}${text}${SGR.reset}` : text);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun === 'info' ? '' : 's'}`;
}
