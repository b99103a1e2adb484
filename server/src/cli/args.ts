// Parses the copydesk command line with node:util parseArgs into a typed value, or a usage
// error with a one-line message. Knows nothing of files or the engine.

import { parseArgs } from 'node:util';
import { closest } from '../engine/suggest.js';

export const FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit', 'checkstyle'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface CliOptions {
  patterns: string[];
  stdin: boolean;
  stdinFilename: string | null;
  fix: boolean;
  fixDryRun: boolean;
  format: FormatName;
  config: string | null;
  printConfig: string | null;
  outputFile: string | null;
  quiet: boolean;
  maxWarnings: number | null;
  color: boolean | null;
  help: boolean;
  version: boolean;
  init: boolean;
  /** Worker threads; null: the available cores (in process for small runs). */
  jobs: number | null;
  /** null: a progress line only when standard error is a terminal. */
  progress: boolean | null;
  cache: boolean;
  cacheLocation: string | null;
  /** Extra ignore patterns (gitignore syntax), after .copydeskignore. */
  ignore: string[];
  baseline: string | null;
  writeBaseline: string | null;
  changedSince: string | null;
  shard: { index: number; count: number } | null;
  /** JUnit: report warnings as failures too. */
  junitWarnings: boolean;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

const OPTIONS = {
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'print-config': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  init: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  ignore: { type: 'string', multiple: true },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'changed-since': { type: 'string' },
  shard: { type: 'string' },
  'junit-warnings-as-failures': { type: 'boolean' },
} as const;

export const USAGE = `Usage: copydesk [options] [file|folder|glob ...]
       copydesk rules | explain RULE | test-rules | --init

Checks news drafts (.md, .markdown, .mdown, .mkd, .txt, .text) against the house style. With no paths,
checks the drafts in the current folder and its subfolders, leaving out README,
CHANGELOG and the like, docs/, and what .copydeskignore lists.

Input:
  --stdin                     Read one draft from standard input
  --stdin-filename NAME       Name of the stdin draft: shown in output and used to find its config
  '!GLOB'                     Leave out the drafts matching GLOB (quote it for the shell)
  --ignore PATTERN            Leave out drafts matching PATTERN (gitignore syntax; repeatable)
  --changed-since REF         Only drafts changed since the git REF (committed, staged or not)
  --shard I/N                 Only the I-th of N deterministic slices of the drafts (CI matrices)

Speed:
  -j, --jobs N                Worker threads (default: the available cores)
  --cache                     Reuse results for unchanged drafts under an unchanged style
  --cache-location PATH       Cache file (default .copydeskcache in the current folder)
  --progress, --no-progress   Progress line on standard error (default: when it is a terminal)

Fixing:
  --fix                       Apply fixes in place (atomic write; line endings and BOM kept)
                              With --stdin, print the fixed text to standard output
  --fix-dry-run               Print a unified diff of what --fix would change; write nothing

Configuration:
  -c, --config FILE           Use only this config file (no .copydesk.yaml discovery)
  --print-config FILE         Print the effective config for a draft, with where each setting comes from
  --init                      Write a commented starter .copydesk.yaml in the current folder

Style maintainers:
  rules                       List the rules with their severity in the current style (--format json for JSON)
  explain RULE                Explain a rule: what it checks, its options, its settings here
  test-rules                  Run the examples (tests:) of the style's custom rules

Output:
  -f, --format NAME           stylish (default), json, github, sarif, junit, checkstyle
  -o, --output-file FILE      Write the report to FILE instead of standard output
  -q, --quiet                 Report errors only
  --max-warnings N            Exit 1 when there are more than N warnings
  --write-baseline FILE       Record the current problems in FILE as known
  --baseline FILE             Report only problems that are not in FILE
  --junit-warnings-as-failures  With -f junit, warnings are failing test cases too
  --color, --no-color         Force or disable colours (default: on a terminal, unless NO_COLOR,
                              FORCE_COLOR=0 or TERM=dumb)

Other:
  -h, --help                  Show this help
  -v, --version               Show the version

Exit codes: 0 no errors; 1 errors found (or more warnings than --max-warnings);
2 usage error, config error or unreadable input.
Documentation: docs/cli.md`;

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    return { ok: false, message: explainParseError(err instanceof Error ? err.message : String(err)) };
  }
  const v = parsed.values;
  const format = v.format ?? 'stylish';
  if (!isFormat(format)) {
    return { ok: false, message: `unknown format "${format}"; use one of: ${FORMATS.join(', ')}` };
  }
  let maxWarnings: number | null = null;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'];
    if (!/^\d+$/.test(raw)) return { ok: false, message: `--max-warnings needs a whole number of 0 or more, not "${raw}"` };
    maxWarnings = Number(raw);
  }
  const jobs = wholeNumber(v.jobs, '--jobs', 1);
  if (typeof jobs === 'string') return { ok: false, message: jobs };
  const shard = v.shard === undefined ? null : parseShard(v.shard);
  if (typeof shard === 'string') return { ok: false, message: shard };
  const options: CliOptions = {
    patterns: parsed.positionals,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'] ?? null,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    format,
    config: v.config ?? null,
    printConfig: v['print-config'] ?? null,
    outputFile: v['output-file'] ?? null,
    quiet: v.quiet ?? false,
    maxWarnings,
    color: v['no-color'] ? false : v.color ? true : null,
    help: v.help ?? false,
    version: v.version ?? false,
    init: v.init ?? false,
    jobs,
    progress: v['no-progress'] ? false : v.progress ? true : null,
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'] ?? null,
    ignore: v.ignore ?? [],
    baseline: v.baseline ?? null,
    writeBaseline: v['write-baseline'] ?? null,
    changedSince: v['changed-since'] ?? null,
    shard,
    junitWarnings: v['junit-warnings-as-failures'] ?? false,
  };
  const conflict = findConflict(options);
  return conflict ? { ok: false, message: conflict } : { ok: true, options };
}

function wholeNumber(raw: string | undefined, flag: string, min: number): number | null | string {
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < min) return `${flag} needs a whole number of ${min} or more, not "${raw}"`;
  return Number(raw);
}

/** "2/4" -> { index: 2, count: 4 }: shards are numbered from 1. */
function parseShard(raw: string): { index: number; count: number } | string {
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    return `--shard needs I/N with 1 <= I <= N, e.g. --shard 2/4 for the second of four, not "${raw}"`;
  }
  return { index, count };
}

function isFormat(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

function findConflict(o: CliOptions): string | null {
  if (o.fix && o.fixDryRun) return '--fix and --fix-dry-run cannot be used together; pick one';
  if (o.stdin && o.patterns.length > 0) return `--stdin reads one draft from standard input; remove the paths (${o.patterns[0]}) or drop --stdin`;
  if (o.stdinFilename !== null && !o.stdin) return '--stdin-filename only applies with --stdin';
  if (o.stdinFilename === '') return '--stdin-filename needs a file name';
  if (o.stdin && o.changedSince !== null) return '--changed-since picks drafts from the file tree; it cannot be used with --stdin';
  if (o.stdin && o.shard !== null) return '--shard splits the drafts of a file tree; it cannot be used with --stdin';
  if (o.cacheLocation !== null && !o.cache) return '--cache-location only applies with --cache';
  if (o.baseline !== null && o.writeBaseline !== null) return '--baseline and --write-baseline cannot be used together; write the baseline first, then use it';
  if (o.writeBaseline !== null && (o.fix || o.fixDryRun)) return '--write-baseline records the problems as they are; run it without --fix';
  return null;
}

/** Turns parseArgs' messages into ours, with a suggestion for a mistyped option. */
function explainParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const given = unknown[1];
    const suggestion = closestOption(given);
    const hint = suggestion ? `; did you mean ${suggestion}?` : '; run copydesk --help for the list of options';
    return `unknown option ${given}${hint}`;
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value; see copydesk --help`;
  const strayValue = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
  if (strayValue) return `${strayValue[1]} does not take a value`;
  return message.split('\n')[0];
}

function closestOption(given: string): string | null {
  const best = closest(given.replace(/^-+/, '').split('=')[0], Object.keys(OPTIONS));
  return best === undefined ? null : `--${best}`;
}
