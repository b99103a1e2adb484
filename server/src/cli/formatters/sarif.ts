// SARIF 2.1.0 log for code-scanning uploads: one run, the rules that fired, one result per
// problem with a region in 1-based line/column (UTF-16 columns, as the log declares).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileReport } from '../report.js';
import type { Severity } from '../../engine/types.js';
import { findRule } from '../../rules/index.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(reports: readonly FileReport[], version: string, cwd: string): string {
  const ruleIds = [...new Set(reports.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort();
  const rules = ruleIds.map((id) => {
    const rule = findRule(id);
    return {
      id,
      ...(rule ? { shortDescription: { text: rule.description }, help: { text: `Run "copydesk explain ${id}" for what the rule checks and its options.` } } : {}),
    };
  });
  const results = reports.flatMap((r) =>
    r.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: ruleIds.indexOf(m.ruleId),
      level: LEVEL[m.severity],
      message: { text: m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactOf(r, cwd),
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'copydesk', version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function artifactOf(report: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
  if (!path.isAbsolute(report.filePath)) return { uri: report.filePath };
  const relative = path.relative(cwd, report.filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(report.filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
