// The work done per draft, the same in the main thread and in a worker: read, lint or fix under
// the draft's style, write a fixed file, and make the draft's new cache entry when caching.

import { ConfigResolver } from '../config/index.js';
import { compiledStyle } from '../runner/entry.js';
import type { CompiledStyle } from '../engine/style.js';
import type { ResolvedConfig } from '../engine/types.js';
import { cacheKey, hashText, statKey, styleHash, type CacheEntry } from './cache.js';
import { checkDraft, type FixMode } from './check-draft.js';
import { decodeDraft, describeFsError, readDraftFile } from './read.js';
import type { FileReport } from './report.js';
import type { Target } from './targets.js';
import { encodeDraft, writeFixedDraft } from './write.js';

/** What every draft of a run shares; plain data, so that it can go to a worker. */
export interface LintSetup {
  configPath: string | null;
  projectRoots: string[];
  mode: FixMode;
  useCache: boolean;
  version: string;
}

/** One draft to check, numbered in the run's order; plain data (it crosses to workers). */
export type LintTask = Target & { index: number };

export type LintResult =
  | {
      index: number;
      ok: true;
      /** Every message, before --quiet or a baseline. */
      report: FileReport;
      diff: string;
      /** The fixed text, for stdin with --fix (files are written here). */
      fixed: string;
      /** Set when the fixed file could not be written. */
      writeError?: string;
      /** A fresh entry for the cache (absent when the result came from it). */
      cacheEntry?: CacheEntry;
    }
  | { index: number; ok: false; message: string; trouble: boolean };

export class DraftLinter {
  private readonly hashes = new Map<ResolvedConfig, string>();

  constructor(
    private readonly setup: LintSetup,
    private readonly resolver: ConfigResolver = new ConfigResolver({ configPath: setup.configPath ?? undefined, roots: setup.projectRoots, snapshot: true }),
  ) {}

  lint(task: LintTask, stdinBytes?: Uint8Array): LintResult {
    const { index, displayPath } = task;
    // The stamp guards a fix's write and keys the cache; a plain lint needs neither (nor its hash).
    const stamped = this.setup.mode === 'fix' || this.setup.useCache;
    const read = task.fromStdin ? decodeDraft(stdinBytes ?? new Uint8Array(), displayPath) : readDraftFile(task.filePath, displayPath, stamped);
    if (!read.ok) {
      const skippedBinary = read.message.endsWith('(binary content); skipped');
      return { index, ok: false, message: read.message, trouble: !skippedBinary || task.explicit };
    }
    const resolved = this.resolver.forFile(task.lookupPath);
    if (!resolved.ok) return { index, ok: false, message: `${displayPath}: its style has errors; run copydesk on it alone to see them`, trouble: true };
    const style = this.styleFor(resolved.value.config);
    // The stamp holds the SHA-256 of the bytes read: the content part of the cache key.
    const key = this.setup.useCache && read.stamp ? cacheKey(read.stamp.sha256, style.hash, this.setup.version) : null;
    const outcome = checkDraft({ filePath: task.filePath, displayPath, text: read.text, style: style.compiled, mode: this.setup.mode });
    if (!outcome.ok) return { index, ok: false, message: outcome.message, trouble: true };
    const result: LintResult = { index, ok: true, report: outcome.report, diff: outcome.diff, fixed: task.fromStdin ? outcome.fixed : '' };
    if (this.setup.mode === 'fix' && !task.fromStdin && outcome.changed) {
      try {
        const written = read.stamp ? writeFixedDraft(task.filePath, outcome.fixed, read.stamp, task.roots) : { ok: false as const, message: 'it was not read from a file' };
        if (!written.ok) result.writeError = `${displayPath}: not fixed: ${written.message}`;
      } catch (err) {
        result.writeError = `${displayPath}: could not write the fixed file (${describeFsError(err)}); the file was left as it was`;
      }
    }
    // After a fix the file holds new bytes: cache what was written, and only when it was.
    if (key !== null && !task.fromStdin) {
      if (!outcome.changed) {
        const stat = statKey(read.stamp!);
        result.cacheEntry = { key, content: read.stamp!.sha256, ...(stat === null ? {} : { stat }), messages: outcome.report.messages };
      } else if (this.setup.mode === 'fix' && result.writeError === undefined) {
        const content = hashText(encodeDraft(outcome.fixed, read.encoding));
        result.cacheEntry = { key: cacheKey(content, style.hash, this.setup.version), content, messages: outcome.report.messages };
      }
    }
    return result;
  }

  private styleFor(config: ResolvedConfig): { compiled: CompiledStyle; hash: string } {
    let hash = this.hashes.get(config);
    if (hash === undefined) this.hashes.set(config, (hash = styleHash(config)));
    return { compiled: compiledStyle(config), hash };
  }
}
