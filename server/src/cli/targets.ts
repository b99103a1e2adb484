// Which drafts a run checks: standard input, or the expanded paths minus ignored ones, narrowed
// by --changed-since; after the styles are known, minus what they ignore, then --shard's slice.

import fs from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/index.js';
import type { CliOptions } from './args.js';
import { expandPatterns, splitNegations } from './files.js';
import { changedSince } from './git.js';
import { loadPathRules, StyleIgnoreFilter, under } from './ignore-rules.js';

/** A draft to check: a file, or standard input under a name. */
export interface Target {
  /** Where the draft is (or, for stdin, would be): decides config discovery. */
  lookupPath: string;
  /** Shown in the json report: the absolute path, or the --stdin-filename / "<stdin>". */
  filePath: string;
  displayPath: string;
  explicit: boolean;
  fromStdin: boolean;
  /** The files, folders or glob bases the user gave: a fix is written only under them. */
  roots: string[];
}

export type Targets = { ok: true; targets: Target[]; stdin: boolean; notes: string[]; warnings: string[] } | { ok: false; errors: string[] };

const ignoredNote = (shown: string) => `${shown} matches an ignore pattern (.copydeskignore, --ignore, a '!' argument or the style's ignores:); not checked`;

export function collectTargets(options: CliOptions, cwd: string): Targets {
  if (options.stdin) {
    const name = options.stdinFilename;
    const lookupPath = name === null ? path.join(cwd, '<stdin>') : path.resolve(cwd, name);
    if (name !== null && fs.statSync(lookupPath, { throwIfNoEntry: false })?.isDirectory()) {
      return { ok: false, errors: [`--stdin-filename ${name} is a folder; give the draft's file name, e.g. ${path.join(name, 'draft.md')}`] };
    }
    const target = { lookupPath, filePath: name === null ? '<stdin>' : lookupPath, displayPath: name ?? '<stdin>', explicit: true, fromStdin: true, roots: [] };
    return { ok: true, targets: [target], stdin: true, notes: [], warnings: [] };
  }
  const { positive, negated } = splitNegations(options.patterns);
  const rules = loadPathRules(cwd, options.ignore, negated);
  if (!rules.ok) return { ok: false, errors: [rules.message] };
  const expansion = expandPatterns(positive, cwd, rules.rules);
  if (expansion.errors.length > 0) return { ok: false, errors: [...expansion.warnings.map((w) => `warning: ${w}`), ...expansion.errors] };
  let found = expansion.targets;
  if (options.changedSince !== null) {
    const changed = changedSince(options.changedSince, cwd);
    if (!changed.ok) return { ok: false, errors: [changed.message] };
    found = found.filter((t) => changed.files.has(t.path));
  }
  const targets = found.map((t) => ({
    lookupPath: t.path,
    filePath: t.path,
    displayPath: (path.sep === '/' && under(cwd, t.path)) || path.relative(cwd, t.path) || t.path,
    explicit: t.explicit,
    fromStdin: false,
    roots: t.roots,
  }));
  const notes = expansion.ignoredNamed.map((file) => ignoredNote(path.relative(cwd, file) || file));
  return { ok: true, targets, stdin: false, notes, warnings: expansion.warnings };
}

/** Leaves out the drafts their own style ignores (`ignores:`, `gitignore: true`); a note for each named one. */
export function dropStyleIgnored<T extends Target & { loaded: LoadedConfig }>(drafts: readonly T[], note: (text: string) => void): T[] {
  const filter = new StyleIgnoreFilter();
  return drafts.filter((d) => {
    const kept = d.fromStdin || !filter.ignores(d.filePath, d.loaded);
    if (!kept && d.explicit) note(ignoredNote(d.displayPath));
    return kept;
  });
}

/**
 * The I-th of N slices (1-based): drafts in path order (relative to the working folder, '/'
 * separators, so every machine agrees) dealt out in turn. Every draft lands in exactly one slice.
 */
export function shardOf<T extends Target>(drafts: readonly T[], shard: { index: number; count: number }, cwd: string): T[] {
  const key = (d: T) => path.relative(cwd, d.filePath).split(path.sep).join('/');
  const ordered = [...drafts].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const chosen = new Set(ordered.filter((_, i) => i % shard.count === shard.index - 1));
  return drafts.filter((d) => chosen.has(d));
}
