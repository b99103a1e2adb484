// The copydesk command: argv -> drafts -> configs -> engine -> report -> exit code.
// Never throws to the caller and never prints a stack unless COPYDESK_DEBUG=1.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigResolver, describeConfig, type LoadedConfig } from '../config/index.js';
import { projectRootsOf } from '../config/read-policy.js';
import { formatConfigError } from '../config/errors.js';
import type { CatalogueEntry } from '../engine/rule.js';
import { ruleCatalogue } from '../runner/style.js';
import { parseCliArgs, USAGE } from './args.js';
import { collectTargets, dropStyleIgnored, shardOf, type Target } from './targets.js';
import { lintTargets, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_TROUBLE, type CliIo } from './run-lint.js';
import { maintainerCommandOf, runMaintainerCommand } from './maintainer/index.js';
import { isSheetCommand, runSheetCommand } from './maintainer/sheet.js';

export type { CliIo };

export { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_TROUBLE };

/** A draft to check, with the style it is checked under. */
type Draft = Target & { loaded: LoadedConfig };

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
  if (isSheetCommand(options.patterns)) {
    const output = runSheetCommand(options.patterns.slice(1), { cwd: io.cwd, resolver, json: options.format === 'json' });
    io.writeStdout(output.stdout);
    io.writeStderr(output.stderr);
    return output.exitCode;
  }
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

  const targets = collectTargets(options, io.cwd);
  // The lint run reads the files as they are now: each folder's style is looked for once.
  const snapshot = new ConfigResolver({ configPath, roots: projectRootsOf(io.cwd), snapshot: true });
  if (targets.ok) for (const warning of targets.warnings) io.writeStderr(`copydesk: warning: ${warning}\n`);
  if (!targets.ok) {
    for (const message of targets.errors) io.writeStderr(`copydesk: ${message}\n`);
    return EXIT_TROUBLE;
  }
  // Every config is resolved before any draft is touched: a broken style lints and writes nothing.
  let drafts: Draft[] = [];
  const configErrors: string[] = [];
  // Parts of a style that could not be loaded (e.g. unsupported Vale checks) are shown once, not fatal,
  // and shown even when the style also has errors.
  const warnings = new Set<string>();
  for (const target of targets.targets) {
    const result = snapshot.forFile(target.lookupPath);
    for (const warning of result.ok ? result.value.warnings : (result.warnings ?? [])) warnings.add(warning);
    if (result.ok) drafts.push({ ...target, loaded: result.value });
    else configErrors.push(...result.errors.map(formatConfigError));
  }
  for (const warning of warnings) io.writeStderr(`copydesk: warning: ${warning}\n`);
  if (configErrors.length > 0) return reportConfigErrors(io, configErrors);
  for (const note of targets.notes) io.writeStderr(`copydesk: ${note}\n`);
  drafts = dropStyleIgnored(drafts, (note) => io.writeStderr(`copydesk: ${note}\n`));
  if (options.shard !== null) drafts = shardOf(drafts, options.shard, io.cwd);

  const rules = new Map<string, CatalogueEntry>();
  for (const loaded of new Set(drafts.map((d) => d.loaded))) for (const entry of ruleCatalogue(loaded.config).entries) rules.set(entry.id, entry);
  return lintTargets({
    targets: drafts.map(({ loaded, ...target }) => ({ ...target, config: loaded.config })),
    options,
    io,
    resolver: snapshot,
    configPath: configPath ?? null,
    projectRoots: projectRootsOf(io.cwd),
    version: readVersion(),
    stdinBytes: targets.stdin ? await io.readStdin() : null,
    rules,
  });
}

function reportConfigErrors(io: CliIo, errors: readonly string[]): number {
  for (const line of new Set(errors)) io.writeStderr(`${line}\n`);
  io.writeStderr('copydesk: the style configuration has errors; fix them and run again (no draft was checked)\n');
  return EXIT_TROUBLE;
}

let cachedVersion: string | null = null;
function readVersion(): string {
  if (cachedVersion === null) {
    // Compiled to out/server/src/cli/ and bundled to out/cli/: package.json is the nearest one above.
    let folder = path.dirname(fileURLToPath(import.meta.url));
    while (!fs.existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
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
    stderrIsTTY: process.stderr.isTTY === true,
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
