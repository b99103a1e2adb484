// The copydesk command: argv -> drafts -> configs -> engine -> report -> exit code.
// Never throws to the caller and never prints a stack unless COPYDESK_DEBUG=1.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigResolver, describeConfig, type LoadedConfig } from '../config/index.js';
import { projectRootsOf } from '../config/read-policy.js';
import { formatConfigError } from '../config/errors.js';
import { compileStyle, type CompiledStyle } from '../engine/style.js';
import type { ResolvedConfig } from '../engine/types.js';
import { parseCliArgs, USAGE, type CliOptions } from './args.js';
import { expandPatterns, type DraftTarget } from './files.js';
import { readDraftFile, decodeDraft, describeFsError } from './read.js';
import { writeFixedDraft } from './write.js';
import { checkDraft, type FixMode } from './check-draft.js';
import { totalsOf, type FileReport } from './report.js';
import { renderReport, useColour } from './output.js';
import { maintainerCommandOf, runMaintainerCommand } from './maintainer/index.js';

export interface CliIo {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_TROUBLE = 2;

/** A draft to check: a file, or standard input under a name. */
interface Draft {
  /** Where the draft is (or, for stdin, would be): decides config discovery. */
  lookupPath: string;
  /** Shown in the json report: the absolute path, or the --stdin-filename / "<stdin>". */
  filePath: string;
  displayPath: string;
  explicit: boolean;
  fromStdin: boolean;
  /** The files, folders or glob bases the user gave: a fix is written only under them. */
  roots: string[];
  loaded: LoadedConfig;
}

export async function runCli(io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.writeStderr(`copydesk: ${message}\n`);
    return EXIT_TROUBLE;
  };
  const parsed = parseCliArgs(io.argv);
  if (!parsed.ok) return fail(parsed.message);
  const options = parsed.options;
  if (options.help) {
    io.writeStdout(USAGE + '\n');
    return EXIT_CLEAN;
  }
  if (options.version) {
    io.writeStdout(readVersion() + '\n');
    return EXIT_CLEAN;
  }
  let configPath: string | undefined;
  if (options.config !== null) {
    configPath = path.resolve(io.cwd, options.config);
    if (!fs.statSync(configPath, { throwIfNoEntry: false })?.isFile()) {
      return fail(`config file not found: ${options.config}; check the --config path`);
    }
  }
  const resolver = new ConfigResolver({ configPath, roots: projectRootsOf(io.cwd) });
  const maintainer = maintainerCommandOf(options.patterns, options.init);
  if (!maintainer.ok) return fail(maintainer.message);
  if (maintainer.command !== null) {
    const output = runMaintainerCommand(maintainer.command, { cwd: io.cwd, resolver, json: options.format === 'json' });
    io.writeStdout(output.stdout);
    io.writeStderr(output.stderr);
    return output.exitCode;
  }
  if (options.printConfig !== null) {
    const result = resolver.forFile(path.resolve(io.cwd, options.printConfig));
    if (!result.ok) return reportConfigErrors(io, result.errors.map(formatConfigError));
    io.writeStdout(describeConfig(result.value));
    return EXIT_CLEAN;
  }

  const targets = await collectTargets(options, io);
  if (!targets.ok) {
    for (const message of targets.errors) io.writeStderr(`copydesk: ${message}\n`);
    return EXIT_TROUBLE;
  }
  // Every config is resolved before any draft is touched: a broken style lints and writes nothing.
  const drafts: Draft[] = [];
  const configErrors: string[] = [];
  for (const target of targets.targets) {
    const result = resolver.forFile(target.lookupPath);
    if (result.ok) drafts.push({ ...target, loaded: result.value });
    else configErrors.push(...result.errors.map(formatConfigError));
  }
  if (configErrors.length > 0) return reportConfigErrors(io, configErrors);
  // Parts of a style that could not be loaded (e.g. unsupported Vale checks) are shown once, not fatal.
  const warnings = new Set(drafts.flatMap((d) => d.loaded.warnings));
  for (const warning of warnings) io.writeStderr(`copydesk: warning: ${warning}\n`);

  return lintDrafts(drafts, options, io, targets.stdinBytes);
}

type Targets =
  | { ok: true; targets: Omit<Draft, 'loaded'>[]; stdinBytes: Uint8Array | null }
  | { ok: false; errors: string[] };

async function collectTargets(options: CliOptions, io: CliIo): Promise<Targets> {
  if (options.stdin) {
    const name = options.stdinFilename;
    const lookupPath = name === null ? path.join(io.cwd, '<stdin>') : path.resolve(io.cwd, name);
    if (name !== null && fs.statSync(lookupPath, { throwIfNoEntry: false })?.isDirectory()) {
      return { ok: false, errors: [`--stdin-filename ${name} is a folder; give the draft's file name, e.g. ${path.join(name, 'draft.md')}`] };
    }
    const target = { lookupPath, filePath: name === null ? '<stdin>' : lookupPath, displayPath: name ?? '<stdin>', explicit: true, fromStdin: true, roots: [] };
    return { ok: true, targets: [target], stdinBytes: await io.readStdin() };
  }
  const expansion = expandPatterns(options.patterns, io.cwd);
  for (const warning of expansion.warnings) io.writeStderr(`copydesk: warning: ${warning}\n`);
  if (expansion.errors.length > 0) return { ok: false, errors: expansion.errors };
  const targets = expansion.targets.map((t: DraftTarget) => ({
    lookupPath: t.path,
    filePath: t.path,
    displayPath: path.relative(io.cwd, t.path) || t.path,
    explicit: t.explicit,
    fromStdin: false,
    roots: t.roots,
  }));
  return { ok: true, targets, stdinBytes: null };
}

function reportConfigErrors(io: CliIo, errors: readonly string[]): number {
  for (const line of new Set(errors)) io.writeStderr(`${line}\n`);
  io.writeStderr('copydesk: the style configuration has errors; fix them and run again (no draft was checked)\n');
  return EXIT_TROUBLE;
}

async function lintDrafts(drafts: readonly Draft[], options: CliOptions, io: CliIo, stdinBytes: Uint8Array | null): Promise<number> {
  const mode: FixMode = options.fix ? 'fix' : options.fixDryRun ? 'dry-run' : 'lint';
  // compileStyle once per distinct resolved config; the resolver hands back the same object for the same files.
  const styles = new Map<ResolvedConfig, CompiledStyle>();
  const styleFor = (config: ResolvedConfig) => {
    let style = styles.get(config);
    if (!style) styles.set(config, (style = compileStyle(config)));
    return style;
  };
  const reports: FileReport[] = [];
  let trouble = false;
  let patchOutput = '';
  for (const draft of drafts) {
    const read = draft.fromStdin ? decodeDraft(stdinBytes ?? new Uint8Array(), draft.displayPath) : readDraftFile(draft.filePath, draft.displayPath);
    if (!read.ok) {
      io.writeStderr(`${read.message}\n`);
      const skippedBinary = read.message.endsWith('(binary content); skipped');
      if (!skippedBinary || draft.explicit) trouble = true;
      continue;
    }
    const outcome = checkDraft({ ...draft, text: read.text, style: styleFor(draft.loaded.config), mode, quiet: options.quiet });
    if (!outcome.ok) {
      io.writeStderr(`${outcome.message}\n`);
      trouble = true;
      continue;
    }
    reports.push(outcome.report);
    if (mode === 'dry-run') patchOutput += outcome.diff;
    if (mode === 'fix' && draft.fromStdin) patchOutput += outcome.fixed;
    if (mode === 'fix' && !draft.fromStdin && outcome.changed) {
      try {
        const written = read.stamp ? writeFixedDraft(draft.filePath, outcome.fixed, read.stamp, draft.roots) : { ok: false as const, message: 'it was not read from a file' };
        if (!written.ok) {
          io.writeStderr(`${draft.displayPath}: not fixed: ${written.message}\n`);
          trouble = true;
        }
      } catch (err) {
        io.writeStderr(`${draft.displayPath}: could not write the fixed file (${describeFsError(err)}); the file was left as it was\n`);
        trouble = true;
      }
    }
  }
  // When stdout carries the fixed text or the diff, the report goes to stderr so the two never mix.
  const stdoutTaken = mode === 'dry-run' || (mode === 'fix' && options.stdin);
  if (stdoutTaken) io.writeStdout(patchOutput);
  const toFile = options.outputFile !== null;
  const colour = useColour(options.color, io.env, !toFile && !stdoutTaken && io.stdoutIsTTY);
  const rendered = renderReport(options.format, reports, { colour, version: readVersion(), cwd: io.cwd });
  if (toFile) {
    try {
      const target = path.resolve(io.cwd, options.outputFile!);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, rendered);
    } catch (err) {
      io.writeStderr(`copydesk: could not write the report to ${options.outputFile} (${describeFsError(err)})\n`);
      return EXIT_TROUBLE;
    }
  } else if (stdoutTaken) {
    io.writeStderr(rendered);
  } else {
    io.writeStdout(rendered);
  }
  if (trouble) return EXIT_TROUBLE;
  const totals = totalsOf(reports);
  if (totals.errorCount > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== null && totals.warningCount > options.maxWarnings) {
    io.writeStderr(`copydesk: too many warnings (${totals.warningCount}); at most ${options.maxWarnings} allowed by --max-warnings\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

let cachedVersion: string | null = null;
function readVersion(): string {
  if (cachedVersion === null) {
    // Compiled to out/server/src/cli/main.js; package.json sits at the repository root.
    const manifest = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../package.json');
    const parsed: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? String(parsed.version) : 'unknown';
    cachedVersion = version;
  }
  return cachedVersion;
}

/** Entry point for bin/copydesk.js: binds the real process and turns our own bugs into a one-line message. */
export async function main(): Promise<number> {
  const io: CliIo = {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    writeStdout: (text) => void process.stdout.write(text),
    writeStderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return Buffer.concat(chunks);
    },
  };
  try {
    return await runCli(io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`copydesk: internal error: ${message} (please report this)\n`);
    if (process.env.COPYDESK_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return EXIT_TROUBLE;
  }
}
