// Checkstyle XML: one <file> per draft and one <error> per problem, the format Jenkins'
// warnings plugin and many CI dashboards read.

import type { FileReport } from '../report.js';
import { escapeXmlAttribute as attr } from './xml.js';

export function formatCheckstyle(reports: readonly FileReport[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const report of reports) {
    lines.push(`  <file name="${attr(report.filePath)}">`);
    for (const m of report.messages) {
      lines.push(
        `    <error line="${m.line}" column="${m.column}" severity="${m.severity}" message="${attr(m.message)}" source="copydesk.${attr(m.ruleId)}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
}
