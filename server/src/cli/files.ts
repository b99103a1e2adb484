// Expands the paths, folders and globs given on the command line into a sorted list of drafts.
// Reads directory listings only; never opens a draft.

import fs from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { PathRules } from './ignore-rules.js';

import { DRAFT_EXTENSIONS, isDraftName } from '../engine/drafts.js';
import { statOrNull, unreadableFolder, walkFolder } from '../shared/walk.js';

export { DRAFT_EXTENSIONS, isDraftName };

export interface DraftTarget {
  /** Absolute path. */
  path: string;
  /** Named by the user (a file path or a glob with an extension), not found by walking a folder. */
  explicit: boolean;
  /** The files, folders or glob bases the user gave that found it: --fix writes only under them. */
  roots: string[];
}

export interface Expansion {
  targets: DraftTarget[];
  /** One-line messages, each naming the path and what to do. */
  errors: string[];
  /** Things skipped on the way (an unreadable subfolder): told on stderr, not fatal. */
  warnings: string[];
  /** Files named on the command line that an ignore pattern leaves out. */
  ignoredNamed: string[];
}

/** Patterns starting with "!" leave drafts out; the rest name what to check (the current folder when none do). */
export function splitNegations(patterns: readonly string[]): { positive: string[]; negated: string[] } {
  const negated = patterns.filter((p) => p.startsWith('!') && p.length > 1).map((p) => p.slice(1));
  const positive = patterns.filter((p) => !(p.startsWith('!') && p.length > 1));
  return { positive, negated };
}

/**
 * Drafts named by the patterns, minus those the rules leave out. A folder or glob whose drafts
 * are all ignored is not an error (nothing to check there); one with no drafts at all is.
 */
export function expandPatterns(patterns: readonly string[], cwd: string, rules: PathRules): Expansion {
  const found = new Map<string, DraftTarget>();
  const errors: string[] = [];
  const warnings: string[] = [];
  const ignoredNamed: string[] = [];
  /** `root`: the folder walked or the glob's start; null for a file named as it is. */
  const add = (target: DraftTarget, root: string | null) => {
    if (rules.ignoresFile(target.path, root)) {
      if (root === null) ignoredNamed.push(target.path);
      return;
    }
    const prev = found.get(target.path);
    const roots = [...(prev?.roots ?? []), ...target.roots];
    found.set(target.path, { path: target.path, explicit: target.explicit || (prev?.explicit ?? false), roots });
  };
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = path.resolve(cwd, pattern);
    const stat = statOrNull(absolute);
    if (stat?.isFile()) {
      add({ path: absolute, explicit: true, roots: [absolute] }, null);
    } else if (stat?.isDirectory()) {
      const { drafts, pruned } = walkFolder(absolute, rules, warnings);
      if (drafts.length === 0 && !pruned) errors.push(`no drafts (${DRAFT_EXTENSIONS.join(', ')}) found in folder "${pattern}"; check the path`);
      for (const draft of drafts) add({ path: draft, explicit: false, roots: [absolute] }, absolute);
    } else if (stat) {
      errors.push(`${pattern}: not a file or folder; give a draft file, a folder or a glob`);
    } else if (isDynamicPattern(pattern)) {
      const matches = expandGlob(pattern, cwd, warnings);
      if (matches.length === 0) errors.push(`no drafts match the pattern "${pattern}"; check the pattern (quote it so the shell does not expand it)`);
      for (const match of matches) add(match, globBase(pattern, cwd));
    } else {
      errors.push(`no such file or folder: ${pattern}`);
    }
  }
  const targets = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { targets, errors, warnings, ignoredNamed };
}

/**
 * A glob whose last segment names an extension (`notes/*.text`) means exactly those files;
 * a broader one (`archive/**`) means the drafts among its matches.
 */
function expandGlob(pattern: string, cwd: string, warnings: string[]): DraftTarget[] {
  const matches = globSync(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    ignore: ['**/node_modules/**', '**/.*/**'],
    expandDirectories: false,
    // A linked folder may lead out of the tree; globs do not walk into links (a linked file is still matched).
    followSymbolicLinks: false,
    // The crawler drops folders it cannot list; this says which.
    fs: { ...fs, readdirSync: ((folder: fs.PathLike, options: object) => listOrWarn(folder, options, warnings)) as typeof fs.readdirSync },
  });
  const root = globBase(pattern, cwd);
  const namesExtension = /\.[A-Za-z0-9]+$/.test(pattern.split('/').pop() ?? '');
  return matches
    .map((m) => path.resolve(m))
    .filter((m) => namesExtension || isDraftName(m))
    .map((m) => ({ path: m, explicit: namesExtension, roots: [root] }));
}

function listOrWarn(folder: fs.PathLike, options: object, warnings: string[]): unknown {
  try {
    return fs.readdirSync(folder, options as { withFileTypes: true });
  } catch (err) {
    // A glob's base that does not exist is "no match", told by the caller; not an unreadable folder.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') warnings.push(unreadableFolder(String(folder), err));
    throw err;
  }
}

/** The folder a glob starts from: its leading segments without glob characters. */
function globBase(pattern: string, cwd: string): string {
  const special = pattern.search(/[*?[\]{}()!+@]/);
  const prefix = special < 0 ? pattern : pattern.slice(0, special);
  // "drafts/a*.md" starts in drafts/; "drafts/**" in drafts/ too.
  return path.resolve(cwd, prefix.endsWith('/') ? prefix : path.dirname(prefix));
}
