// Picks the formatter and decides on colour (flag, then FORCE_COLOR/NO_COLOR/TERM, then the
// terminal). Returns text; the caller decides where it goes. stylish and github also render
// draft by draft, so that a long run prints results as they come.

import type { FormatName } from './args.js';
import type { FileReport } from './report.js';
import type { CatalogueEntry } from '../engine/rule.js';
import { formatStylish, formatStylishFile, formatStylishSummary } from './formatters/stylish.js';
import { formatJson } from './formatters/json.js';
import { formatGithub } from './formatters/github.js';
import { formatSarif } from './formatters/sarif.js';
import { formatJunit } from './formatters/junit.js';
import { formatCheckstyle } from './formatters/checkstyle.js';

export interface RenderOptions {
  colour: boolean;
  version: string;
  cwd: string;
  /** The styles' catalogue entries by id, for the SARIF rule list. */
  rules: ReadonlyMap<string, CatalogueEntry>;
  /** JUnit: warnings are failing test cases too. */
  junitWarningsFail: boolean;
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
      return formatSarif(reports, options.version, options.cwd, options.rules);
    case 'junit':
      return formatJunit(reports, { warningsFail: options.junitWarningsFail });
    case 'checkstyle':
      return formatCheckstyle(reports);
  }
}

/** Formats printed draft by draft: one draft's text, and what closes the report. Null for whole-document formats. */
export function streamingRenderer(format: FormatName, options: RenderOptions): { file(report: FileReport): string; end(reports: readonly FileReport[]): string } | null {
  if (format === 'stylish') {
    return { file: (r) => formatStylishFile(r, { color: options.colour }), end: (all) => formatStylishSummary(all, { color: options.colour }) };
  }
  if (format === 'github') return { file: (r) => formatGithub([r]), end: () => '' };
  return null;
}

/**
 * --color/--no-color win; then FORCE_COLOR ("0" or "false" turns colour off, any other value, even empty, on),
 * then NO_COLOR (any non-empty value) and TERM=dumb turn it off; else a terminal has it.
 */
export function useColour(flag: boolean | null, env: Readonly<Record<string, string | undefined>>, terminal: boolean): boolean {
  if (flag !== null) return flag;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return terminal;
}
