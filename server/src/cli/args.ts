// Parses the copydesk command line with node:util parseArgs into a typed value, or a usage
// error with a one-line message. Knows nothing of files or the engine.

import { parseArgs } from 'node:util';
import { editDistance } from '../config/source.js';

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
} as const;

export const USAGE = `Usage: copydesk [options] [file|folder|glob ...]
       copydesk rules | explain RULE | test-rules | --init

Checks news drafts (.md, .markdown, .mdown, .mkd, .txt, .text) against the house style. With no paths,
checks the drafts in the current folder and its subfolders.

Input:
  --stdin                     Read one draft from standard input
  --stdin-filename NAME       Name of the stdin draft: shown in output and used to find its config

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
  --color, --no-color         Force or disable colours (default: on a terminal, unless NO_COLOR is set)

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
  };
  const conflict = findConflict(options);
  return conflict ? { ok: false, message: conflict } : { ok: true, options };
}

function isFormat(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

function findConflict(o: CliOptions): string | null {
  if (o.fix && o.fixDryRun) return '--fix and --fix-dry-run cannot be used together; pick one';
  if (o.stdin && o.patterns.length > 0) return `--stdin reads one draft from standard input; remove the paths (${o.patterns[0]}) or drop --stdin`;
  if (o.stdinFilename !== null && !o.stdin) return '--stdin-filename only applies with --stdin';
  if (o.stdinFilename === '') return '--stdin-filename needs a file name';
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
  const bare = given.replace(/^-+/, '').split('=')[0];
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of Object.keys(OPTIONS)) {
    const d = editDistance(bare, name);
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(bare.length / 3)) ? `--${best}` : null;
}
