// JUnit XML: one <testsuite> per draft, one failing <testcase> per problem (a clean draft is
// one passing case), for CI systems that show test reports.

import type { FileReport } from '../report.js';
import { escapeXml } from './xml.js';

export function formatJunit(reports: readonly FileReport[]): string {
  const failures = reports.reduce((n, r) => n + r.messages.length, 0);
  const tests = reports.reduce((n, r) => n + Math.max(1, r.messages.length), 0);
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="copydesk" tests="${tests}" failures="${failures}" errors="0">`];
  for (const report of reports) {
    const name = escapeXml(report.displayPath);
    const count = Math.max(1, report.messages.length);
    lines.push(`  <testsuite name="${name}" tests="${count}" failures="${report.messages.length}" errors="0">`);
    if (report.messages.length === 0) lines.push(`    <testcase classname="${name}" name="copydesk"/>`);
    for (const m of report.messages) {
      const where = `${m.line}:${m.column}`;
      lines.push(`    <testcase classname="${name}" name="${escapeXml(`${where} ${m.ruleId}`)}">`);
      lines.push(`      <failure type="${m.severity}" message="${escapeXml(m.message)}">${escapeXml(`${report.displayPath}:${where} ${m.severity} ${m.message} (${m.ruleId})`)}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
