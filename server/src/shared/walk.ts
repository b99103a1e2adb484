// Walking a folder for drafts (what a draft is: engine/drafts.ts): the CLI's folder targets and
// the editor's workspace scan both find drafts this way. Reads directory listings only.

import fs from 'node:fs';
import path from 'node:path';
import { isDraftName } from '../engine/drafts.js';

/** Which folders a walk leaves out (the CLI's ignore rules; the editor's scan leaves out none). */
export interface FolderRules {
  ignoresFolder(folder: string): boolean;
}

export function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** Drafts under a folder, skipping node_modules, dot-folders (.git, .vscode ...) and ignored folders; at most `limit` (the editor's scan). */
export function walkFolder(root: string, rules: FolderRules, warnings: string[], limit = Number.POSITIVE_INFINITY): { drafts: string[]; pruned: boolean } {
  const drafts: string[] = [];
  let pruned = false;
  const pending = [root];
  while (pending.length > 0 && drafts.length < limit) {
    const folder = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      // The walk goes on, but a folder whose drafts were not checked is never skipped silently.
      warnings.push(unreadableFolder(folder, err));
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        if (rules.ignoresFolder(full)) pruned = true;
        else pending.push(full);
      } else if (isDraftName(entry.name) && (entry.isFile() || statOrNull(full)?.isFile())) {
        drafts.push(full);
        if (drafts.length >= limit) break;
      }
    }
  }
  return { drafts, pruned };
}

/** The warning for a folder that could not be listed: its drafts were not checked. */
export function unreadableFolder(folder: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
  return `${path.resolve(folder)}: folder could not be read (${code}); its drafts were not checked`;
}
