// GitHub Actions workflow commands: one ::error/::warning/::notice line per problem, which the
// runner turns into annotations on the pull request. Escaping follows the Actions toolkit.
// GitHub shows at most 10 annotations of each level per step (docs/ci.md: upload SARIF for more).

import type { FileReport } from '../report.js';
import type { Severity } from '../../engine/types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = report.displayPath.split('\\').join('/');
    for (const m of report.messages) {
      // GitHub takes col/endColumn only on a one-line annotation; a multi-line one gives lines alone.
      const oneLine = m.endLine === m.line;
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        ...(oneLine ? [`col=${m.column}`] : []),
        `endLine=${m.endLine}`,
        ...(oneLine ? [`endColumn=${m.endColumn}`] : []),
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      lines.push(`::${COMMAND[m.severity]} ${props}::${escapeData(m.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
