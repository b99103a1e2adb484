// Picks the formatter and decides on colour (flag, then NO_COLOR/FORCE_COLOR, then the terminal).
// Returns text; the caller decides where it goes.

import type { FormatName } from './args.js';
import type { FileReport } from './report.js';
import { formatStylish } from './formatters/stylish.js';
import { formatJson } from './formatters/json.js';
import { formatGithub } from './formatters/github.js';
import { formatSarif } from './formatters/sarif.js';
import { formatJunit } from './formatters/junit.js';
import { formatCheckstyle } from './formatters/checkstyle.js';

export interface RenderOptions {
  colour: boolean;
  version: string;
  cwd: string;
}

export function renderReport(format: FormatName, reports: readonly FileReport[], options: RenderOptions): string {
  switch (format) {
    case 'stylish':
      return formatStylish(reports, { color: options.colour });
    case 'json':
      return formatJson(reports);
    case 'github':
      return formatGithub(reports);
    case 'sarif':
      return formatSarif(reports, options.version, options.cwd);
    case 'junit':
      return formatJunit(reports);
    case 'checkstyle':
      return formatCheckstyle(reports);
  }
}

/** --color/--no-color win; then FORCE_COLOR (not "0"), then NO_COLOR (any non-empty value); else a terminal. */
export function useColour(flag: boolean | null, env: Readonly<Record<string, string | undefined>>, terminal: boolean): boolean {
  if (flag !== null) return flag;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return terminal;
}
