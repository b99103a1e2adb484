// The work done per draft, the same in the main thread and in a worker: read, lint or fix under
// the draft's style, write a fixed file, and make the draft's new cache entry when caching.

import fs from 'node:fs';
import { ConfigResolver } from '../config/index.js';
import { compileStyle, type CompiledStyle } from '../engine/style.js';
import type { ResolvedConfig } from '../engine/types.js';
import { cacheKey, hashText, styleHash, type CacheEntry } from './cache.js';
import { checkDraft, type FixMode } from './check-draft.js';
import { decodeDraft, describeFsError } from './read.js';
import type { FileReport } from './report.js';
import { writeFileAtomic } from './write.js';

/** What every draft of a run shares; plain data, so that it can go to a worker. */
export interface LintSetup {
  configPath: string | null;
  mode: FixMode;
  useCache: boolean;
  version: string;
}

/** One draft to check; plain data. */
export interface LintTask {
  index: number;
  lookupPath: string;
  filePath: string;
  displayPath: string;
  explicit: boolean;
  fromStdin: boolean;
}

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
  private readonly styles = new Map<ResolvedConfig, { compiled: CompiledStyle; hash: string }>();

  constructor(
    private readonly setup: LintSetup,
    private readonly resolver: ConfigResolver = new ConfigResolver(setup.configPath === null ? {} : { configPath: setup.configPath }),
  ) {}

  lint(task: LintTask, stdinBytes?: Uint8Array): LintResult {
    const { index, displayPath } = task;
    let bytes: Uint8Array;
    if (task.fromStdin) bytes = stdinBytes ?? new Uint8Array();
    else {
      try {
        bytes = fs.readFileSync(task.filePath);
      } catch (err) {
        return { index, ok: false, message: `${displayPath}: could not be read (${describeFsError(err)})`, trouble: true };
      }
    }
    const read = decodeDraft(bytes, displayPath);
    if (!read.ok) {
      const skippedBinary = read.message.endsWith('(binary content); skipped');
      return { index, ok: false, message: read.message, trouble: !skippedBinary || task.explicit };
    }
    const resolved = this.resolver.forFile(task.lookupPath);
    if (!resolved.ok) return { index, ok: false, message: `${displayPath}: its style has errors; run copydesk on it alone to see them`, trouble: true };
    const style = this.styleFor(resolved.value.config);
    const key = this.setup.useCache ? cacheKey(hashText(bytes), style.hash, this.setup.version) : null;
    const outcome = checkDraft({ filePath: task.filePath, displayPath, text: read.text, style: style.compiled, mode: this.setup.mode });
    if (!outcome.ok) return { index, ok: false, message: outcome.message, trouble: true };
    const result: LintResult = { index, ok: true, report: outcome.report, diff: outcome.diff, fixed: task.fromStdin ? outcome.fixed : '' };
    if (this.setup.mode === 'fix' && !task.fromStdin && outcome.changed) {
      try {
        writeFileAtomic(task.filePath, outcome.fixed);
      } catch (err) {
        result.writeError = `${displayPath}: could not write the fixed file (${describeFsError(err)}); the file was left as it was`;
      }
    }
    // After a fix the file holds new bytes: cache what was written, and only when it was.
    if (key !== null && !task.fromStdin) {
      if (!outcome.changed) result.cacheEntry = { key, messages: outcome.report.messages };
      else if (this.setup.mode === 'fix' && result.writeError === undefined) {
        result.cacheEntry = { key: cacheKey(hashText(outcome.fixed), style.hash, this.setup.version), messages: outcome.report.messages };
      }
    }
    return result;
  }

  private styleFor(config: ResolvedConfig): { compiled: CompiledStyle; hash: string } {
    let style = this.styles.get(config);
    if (!style) this.styles.set(config, (style = { compiled: compileStyle(config), hash: styleHash(config) }));
    return style;
  }
}
