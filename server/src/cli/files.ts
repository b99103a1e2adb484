// Expands the paths, folders and globs given on the command line into a sorted list of drafts.
// Reads directory listings only; never opens a draft.

import fs from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { DRAFT_EXTENSIONS, isDraftName } from '../engine/drafts.js';

export { DRAFT_EXTENSIONS, isDraftName };
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface DraftTarget {
  /** Absolute path. */
  path: string;
  /** Named by the user (a file path or a glob with an extension), not found by walking a folder. */
  explicit: boolean;
}

export interface Expansion {
  targets: DraftTarget[];
  /** One-line messages, each naming the path and what to do. */
  errors: string[];
}

export function expandPatterns(patterns: readonly string[], cwd: string): Expansion {
  const found = new Map<string, DraftTarget>();
  const errors: string[] = [];
  const add = (target: DraftTarget) => {
    const prev = found.get(target.path);
    found.set(target.path, { path: target.path, explicit: target.explicit || (prev?.explicit ?? false) });
  };
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = path.resolve(cwd, pattern);
    const stat = statOrNull(absolute);
    if (stat?.isFile()) {
      add({ path: absolute, explicit: true });
    } else if (stat?.isDirectory()) {
      const drafts = walkFolder(absolute);
      if (drafts.length === 0) errors.push(`no drafts (${DRAFT_EXTENSIONS.join(', ')}) found in folder "${pattern}"; check the path`);
      for (const draft of drafts) add({ path: draft, explicit: false });
    } else if (stat) {
      errors.push(`${pattern}: not a file or folder; give a draft file, a folder or a glob`);
    } else if (isDynamicPattern(pattern)) {
      const matches = expandGlob(pattern, cwd);
      if (matches.length === 0) errors.push(`no drafts match the pattern "${pattern}"; check the pattern (quote it so the shell does not expand it)`);
      for (const match of matches) add(match);
    } else {
      errors.push(`no such file or folder: ${pattern}`);
    }
  }
  const targets = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { targets, errors };
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** Drafts under a folder, skipping node_modules and dot-folders (.git, .vscode ...); at most `limit` (the editor's scan). */
export function walkFolder(root: string, limit = Number.POSITIVE_INFINITY): string[] {
  const drafts: string[] = [];
  const pending = [root];
  while (pending.length > 0 && drafts.length < limit) {
    const folder = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue; // an unreadable subfolder is not a draft; the walk goes on
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (isDraftName(entry.name) && (entry.isFile() || statOrNull(full)?.isFile())) {
        drafts.push(full);
        if (drafts.length >= limit) break;
      }
    }
  }
  return drafts;
}

/**
 * A glob whose last segment names an extension (`notes/*.text`) means exactly those files;
 * a broader one (`archive/**`) means the drafts among its matches.
 */
function expandGlob(pattern: string, cwd: string): DraftTarget[] {
  const matches = globSync(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    ignore: ['**/node_modules/**', '**/.*/**'],
    expandDirectories: false,
  });
  const namesExtension = /\.[A-Za-z0-9]+$/.test(pattern.split('/').pop() ?? '');
  return matches
    .map((m) => path.resolve(m))
    .filter((m) => namesExtension || isDraftName(m))
    .map((m) => ({ path: m, explicit: namesExtension }));
}
