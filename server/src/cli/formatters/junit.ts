// JUnit XML: one <testsuite> per draft, one <testcase> per problem (a clean draft is one passing
// case). Errors fail; warnings and infos pass with the problem in <system-out>, unless warnings
// are asked to fail (--junit-warnings-as-failures), so the report agrees with the exit code.

import type { FileReport, ReportMessage } from '../report.js';
import { escapeXml, escapeXmlAttribute as attr } from './xml.js';

export interface JunitOptions {
  warningsFail: boolean;
}

export function formatJunit(reports: readonly FileReport[], options: JunitOptions): string {
  const fails = (m: ReportMessage) => m.severity === 'error' || (options.warningsFail && m.severity === 'warning');
  const failures = reports.reduce((n, r) => n + r.messages.filter(fails).length, 0);
  const tests = reports.reduce((n, r) => n + Math.max(1, r.messages.length), 0);
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="copydesk" tests="${tests}" failures="${failures}" errors="0">`];
  for (const report of reports) {
    const name = attr(report.displayPath);
    const count = Math.max(1, report.messages.length);
    lines.push(`  <testsuite name="${name}" tests="${count}" failures="${report.messages.filter(fails).length}" errors="0">`);
    if (report.messages.length === 0) lines.push(`    <testcase classname="${name}" name="copydesk"/>`);
    for (const m of report.messages) {
      const where = `${m.line}:${m.column}`;
      const detail = escapeXml(`${report.displayPath}:${where} ${m.severity} ${m.message} (${m.ruleId})`);
      lines.push(`    <testcase classname="${name}" name="${attr(`${where} ${m.ruleId}`)}">`);
      if (fails(m)) lines.push(`      <failure type="${m.severity}" message="${attr(m.message)}">${detail}</failure>`);
      else lines.push(`      <system-out>${detail}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
