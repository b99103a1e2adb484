// Lints the run's drafts, in this thread or in worker threads (--jobs), and prints as it goes:
// results are passed on in path order as soon as every draft before them is done, so the
// output is the same however the work was split. Cache, baseline and progress line live here.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliOptions } from './args.js';
import type { ConfigResolver } from '../config/index.js';
import type { CatalogueEntry } from '../engine/rule.js';
import { cachedMessages, DEFAULT_CACHE_FILE, LintResultCache, messagesByStat, statKey, styleHash } from './cache.js';
import type { ResolvedConfig } from '../engine/types.js';
import { newMessages, readBaseline, writeBaseline } from './baseline.js';
import { DraftLinter, type LintResult, type LintSetup, type LintTask } from './lint-one.js';
import { lintInThreads } from './pool.js';
import { Progress } from './progress.js';
import { renderReport, streamingRenderer, useColour } from './output.js';
import { totalsOf, withMessages, type FileReport } from './report.js';
import { describeFsError } from './read.js';
import type { Target } from './targets.js';

/** What the CLI reads and writes: argv, folders, terminals and streams (real ones, or a test's). */
export interface CliIo {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  /** Decides the progress line (shown on a terminal unless --no-progress). */
  stderrIsTTY: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_TROUBLE = 2;

/** With no --jobs, a worker thread is worth its start-up (loading the bundled engine, compiling the style, warming up: a few tenths of a second of CPU) only for this many drafts or more. */
const DRAFTS_PER_THREAD = 250;

export interface LintRun {
  /** The drafts, each with the style it is checked under (its hash is part of the cache key). */
  targets: readonly (Target & { config: ResolvedConfig })[];
  options: CliOptions;
  io: CliIo;
  resolver: ConfigResolver;
  configPath: string | null;
  /** The folders config files may be read from (see config/read-policy.ts). */
  projectRoots: string[];
  version: string;
  stdinBytes: Uint8Array | null;
  rules: ReadonlyMap<string, CatalogueEntry>;
}

/**
 * How many threads lint (this one and the rest workers): one for a small run or --jobs 1; with
 * no --jobs, one per available core, as many as the drafts pay for. Not lowered by the load
 * average: a CI runner's load says little about the cores this run will get.
 */
export function lintThreads(drafts: number, jobs: number | null, cores = os.availableParallelism()): number {
  const threads = jobs === null ? Math.min(cores, Math.floor(drafts / DRAFTS_PER_THREAD)) : Math.min(jobs, drafts);
  return Math.max(1, threads);
}

export async function lintTargets(run: LintRun): Promise<number> {
  const { options, io, targets } = run;
  const mode = options.fix ? 'fix' : options.fixDryRun ? 'dry-run' : 'lint';
  const warn = (message: string) => io.writeStderr(`copydesk: warning: ${message}\n`);
  let baseline = null;
  if (options.baseline !== null) {
    baseline = readBaseline(path.resolve(io.cwd, options.baseline));
    if (!baseline.ok) {
      io.writeStderr(`copydesk: ${baseline.message}\n`);
      return EXIT_TROUBLE;
    }
  }
  const cache = options.cache ? LintResultCache.open(options.cacheLocation ?? DEFAULT_CACHE_FILE, io.cwd, run.version) : null;
  if (cache?.rejected) warn(`the cache file ${path.relative(io.cwd, cache.file) || cache.file} was not used (${cache.rejected}); it is being rebuilt`);

  const setup: LintSetup = { configPath: run.configPath, projectRoots: run.projectRoots, mode, useCache: cache !== null, version: run.version };
  const tasks: LintTask[] = targets.map(({ config: _config, ...t }, index) => ({ index, ...t }));

  // When stdout carries the fixed text or the diff, the report goes to stderr so the two never mix.
  const stdoutTaken = mode === 'dry-run' || (mode === 'fix' && options.stdin);
  const toFile = options.outputFile !== null;
  const colour = useColour(options.color, io.env, !toFile && !stdoutTaken && io.stdoutIsTTY);
  const renderOptions = { colour, version: run.version, cwd: io.cwd, rules: run.rules, junitWarningsFail: options.junitWarnings };
  const stream = !toFile && !stdoutTaken ? streamingRenderer(options.format, renderOptions) : null;
  const showProgress = options.progress ?? io.stderrIsTTY;
  const progress = showProgress && tasks.length > 0 ? new Progress(tasks.length, { write: io.writeStderr, terminal: io.stderrIsTTY }) : null;

  const reports: (FileReport | undefined)[] = new Array(tasks.length);
  // A streamed report has been printed: the summary and the exit code need only its counts, so a
  // run of many drafts does not hold every message. Only writing a baseline needs them all again.
  const keepMessages = stream === null;
  const fullReports: FileReport[] = [];
  const keepFull = options.writeBaseline !== null;
  const pending = new Map<number, { stderr: string; stdout: string; patch: string }>();
  let nextOut = 0;
  let trouble = false;
  let patchOutput = '';

  let stdoutBuffer = '';
  let lastFlush = Date.now();
  const flushStdout = () => {
    if (stdoutBuffer !== '') {
      progress?.clear();
      io.writeStdout(stdoutBuffer);
    }
    stdoutBuffer = '';
    lastFlush = Date.now();
  };
  const styleHashes = new Map<ResolvedConfig, string>();
  /** Accepts the cached result of a draft whose bytes, style and version are unchanged; false when there is none. */
  const fromCache = (task: LintTask, config: ResolvedConfig): boolean => {
    if (!cache || task.fromStdin) return false;
    let hash = styleHashes.get(config);
    if (hash === undefined) styleHashes.set(config, (hash = styleHash(config)));
    const entry = cache.get(task.filePath);
    const fixing = mode !== 'lint';
    const stat = fs.statSync(task.filePath, { throwIfNoEntry: false });
    if (stat === undefined) return false; // the lint reports what is wrong with the file
    const known = statKey(stat);
    // Same stat as when the bytes were read: nothing to read. Otherwise the content hash decides.
    let messages = messagesByStat(entry, known, hash, run.version, fixing);
    if (messages === undefined && entry !== undefined) {
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(task.filePath);
      } catch {
        return false;
      }
      messages = cachedMessages(entry, bytes, hash, run.version, fixing);
      if (messages !== undefined) cache.set(task.filePath, { ...entry, ...(known === null ? { stat: undefined } : { stat: known }) });
    }
    if (messages === undefined) return false;
    const empty = { filePath: task.filePath, displayPath: task.displayPath, messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 };
    accept({ index: task.index, ok: true, report: withMessages(empty, messages), diff: '', fixed: '' });
    return true;
  };

  const accept = (result: LintResult) => {
    const out = { stderr: '', stdout: '', patch: '' };
    if (!result.ok) {
      out.stderr = `${result.message}\n`;
      if (result.trouble) trouble = true;
    } else {
      const task = tasks[result.index];
      if (result.cacheEntry && cache) cache.set(task.filePath, result.cacheEntry);
      if (result.writeError) {
        out.stderr = `${result.writeError}\n`;
        trouble = true;
      }
      fullReports.push(keepFull ? result.report : { ...result.report, messages: [] });
      let messages = result.report.messages;
      if (options.quiet) messages = messages.filter((m) => m.severity === 'error');
      if (baseline?.ok) messages = newMessages(baseline, withMessages(result.report, messages));
      const report = messages === result.report.messages ? result.report : withMessages(result.report, messages);
      reports[result.index] = keepMessages ? report : { ...report, messages: [] };
      if (stream) out.stdout = stream.file(report);
      out.patch = mode === 'dry-run' ? result.diff : mode === 'fix' && task.fromStdin ? result.fixed : '';
    }
    pending.set(result.index, out);
    // Everything up to the first draft still running goes out now, in path order.
    while (pending.has(nextOut)) {
      const ready = pending.get(nextOut)!;
      pending.delete(nextOut++);
      if (ready.stderr) {
        flushStdout();
        progress?.clear();
        io.writeStderr(ready.stderr);
      }
      stdoutBuffer += ready.stdout;
      patchOutput += ready.patch;
    }
    // Streamed text goes out in pieces of some size, or when it has waited a moment.
    if (stdoutBuffer.length > 65536 || Date.now() - lastFlush > 200) flushStdout();
    progress?.tick();
  };

  // Cache hits are settled here, in this thread; only the drafts left need linting (and workers).
  const toLint = cache ? tasks.filter((task) => !fromCache(task, run.targets[task.index].config)) : tasks;
  const threads = run.stdinBytes !== null ? 1 : lintThreads(toLint.length, options.jobs);
  const linter = new DraftLinter(setup, run.resolver);
  if (threads > 1) {
    await lintInThreads(toLint, setup, threads, (task) => linter.lint(task), accept);
  } else {
    for (const task of toLint) accept(linter.lint(task, run.stdinBytes ?? undefined));
  }
  flushStdout();
  progress?.finish();

  const finished = reports.filter((r): r is FileReport => r !== undefined);
  if (stdoutTaken) io.writeStdout(patchOutput);
  const rendered = stream ? stream.end(finished) : renderReport(options.format, finished, renderOptions);
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

  if (cache) {
    try {
      cache.save();
    } catch (err) {
      warn(`could not write the cache file ${cache.file} (${describeFsError(err)}); the next run starts without it`);
    }
  }
  if (baseline?.ok) {
    const known = totalsOf(fullReports);
    const shown = totalsOf(finished);
    const hidden = known.errorCount + known.warningCount + known.infoCount - (shown.errorCount + shown.warningCount + shown.infoCount);
    if (hidden > 0 && !options.quiet) io.writeStderr(`copydesk: ${hidden} known problem${hidden === 1 ? '' : 's'} in the baseline not reported\n`);
  }
  if (options.writeBaseline !== null) {
    const file = path.resolve(io.cwd, options.writeBaseline);
    try {
      writeBaseline(file, fullReports);
    } catch (err) {
      io.writeStderr(`copydesk: could not write the baseline ${options.writeBaseline} (${describeFsError(err)})\n`);
      return EXIT_TROUBLE;
    }
    const count = fullReports.reduce((n, r) => n + r.messages.length, 0);
    io.writeStderr(`copydesk: wrote ${count} known problem${count === 1 ? '' : 's'} to ${options.writeBaseline}\n`);
    return trouble ? EXIT_TROUBLE : EXIT_CLEAN;
  }
  if (trouble) return EXIT_TROUBLE;
  const totals = totalsOf(finished);
  if (totals.errorCount > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== null && totals.warningCount > options.maxWarnings) {
    io.writeStderr(`copydesk: too many warnings (${totals.warningCount}); at most ${options.maxWarnings} allowed by --max-warnings\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}
