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
  const paint = (codes: string, text: string) => (options.color ? `${codes}${text}${SGR.reset}` : text);
  const severityColour: Record<Severity, string> = { error: SGR.red, warning: SGR.yellow, info: SGR.blue };
  const out: string[] = [];
  for (const report of reports) {
    if (report.messages.length === 0) continue;
    out.push(paint(SGR.underline, report.displayPath));
    const rows = report.messages.map((m) => [`${m.line}:${m.column}`, m.severity, m.message, m.ruleId, m.severity] as const);
    const placeWidth = Math.max(...rows.map((r) => r[0].length));
    const severityWidth = Math.max(...rows.map((r) => r[1].length));
    for (const [place, severity, message, rule, sev] of rows) {
      const cells = [
        '  ' + paint(SGR.dim, place.padEnd(placeWidth)),
        paint(severityColour[sev], severity.padEnd(severityWidth)),
        message,
        paint(SGR.dim, rule),
      ];
      out.push(cells.join('  '));
    }
    out.push('');
  }
  const totals = totalsOf(reports);
  const problems = totals.errorCount + totals.warningCount + totals.infoCount;
  if (problems === 0) return out.join('\n');
  const parts = [plural(totals.errorCount, 'error'), plural(totals.warningCount, 'warning')];
  if (totals.infoCount > 0) parts.push(plural(totals.infoCount, 'info'));
  const summaryColour = totals.errorCount > 0 ? SGR.red : SGR.yellow;
  out.push(paint(SGR.bold + summaryColour, `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`));
  if (totals.fixableCount > 0) {
    out.push(paint(SGR.bold + summaryColour, `  ${plural(totals.fixableCount, 'problem')} fixable with --fix`));
  }
  return out.join('\n') + '\n';
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun === 'info' ? '' : 's'}`;
}
