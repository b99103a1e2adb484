// Machine-readable report: one entry per linted file, the schema documented in docs/cli.md.
// Stable field order; no colour, no paths other than filePath.

import type { FileReport } from '../report.js';

export function formatJson(reports: readonly FileReport[]): string {
  const entries = reports.map((r) => ({
    filePath: r.filePath,
    messages: r.messages,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    fixableCount: r.fixableCount,
  }));
  return JSON.stringify(entries, null, 2) + '\n';
}
