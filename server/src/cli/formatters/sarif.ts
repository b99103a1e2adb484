// SARIF 2.1.0 log for code-scanning uploads: one run, the rules that fired (with their pages as
// help), one result per problem with a region in 1-based line/column (UTF-16 columns, as the
// log declares) and the baseline fingerprint as a partial fingerprint.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileReport } from '../report.js';
import type { Severity } from '../../engine/types.js';
import type { CatalogueEntry } from '../../engine/rule.js';
import { ruleDoc } from '../../shared/rule-docs.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };
/** Versioned so that a change of the fingerprint recipe never matches old alerts by mistake. */
export const FINGERPRINT_KEY = 'copydeskFingerprint/v1';

/** `rules`: the catalogue entries of the styles the drafts were checked under, by id. */
export function formatSarif(reports: readonly FileReport[], version: string, cwd: string, rules: ReadonlyMap<string, CatalogueEntry>): string {
  const ruleIds = [...new Set(reports.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort();
  const ruleList = ruleIds.map((id) => {
    const doc = ruleDoc(id, rules.get(id));
    return {
      id,
      shortDescription: { text: doc.shortDescription },
      ...(doc.fullDescription ? { fullDescription: { text: doc.fullDescription } } : {}),
      ...(doc.helpMarkdown ? { help: { text: doc.helpMarkdown, markdown: doc.helpMarkdown } } : {}),
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
      partialFingerprints: { [FINGERPRINT_KEY]: m.fingerprint },
      ...(m.related?.length
        ? {
            relatedLocations: m.related.map((rel, id) => ({
              id,
              physicalLocation: { artifactLocation: artifactOf(r, cwd), region: { startLine: rel.line, startColumn: rel.column, endLine: rel.endLine, endColumn: rel.endColumn } },
              message: { text: rel.message },
            })),
          }
        : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'copydesk', version, rules: ruleList } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A URI reference for the draft: relative to %SRCROOT% inside the working folder, a file: URL outside it. */
function artifactOf(report: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
  // Standard input without --stdin-filename: "<stdin>" is no URI; percent-encoded it is a valid relative reference.
  if (!path.isAbsolute(report.filePath)) return { uri: report.filePath.split('/').map(encodeURIComponent).join('/') };
  const relative = path.relative(cwd, report.filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(report.filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
