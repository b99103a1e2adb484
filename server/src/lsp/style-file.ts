// The "Create style file" command: writes the `copydesk --init` starter .copydesk.yaml into a
// folder (never over an existing one). The file watcher then makes the drafts there checked.

import { pathToFileURL } from 'node:url';
import { writeStarterConfig } from '../shared/starter.js';
import { filePathOf } from './documents.js';

export interface CreateStyleResult {
  created: boolean;
  /** The style file written, or the one already there. */
  uri?: string;
  message: string;
}

/** `argument` is `{folder: URI}` or a folder URI; without one, the first workspace folder. */
export function createStyleFile(argument: unknown, workspaceFolders: readonly string[]): CreateStyleResult {
  const raw = typeof argument === 'object' && argument !== null ? (argument as { folder?: unknown }).folder : argument;
  const folder = typeof raw === 'string' ? filePathOf(raw) : (workspaceFolders[0] ?? null);
  if (!folder) return { created: false, message: 'Copydesk: open a folder first; the style file goes into a workspace folder.' };
  const result = writeStarterConfig(folder);
  const uri = pathToFileURL(result.file).href;
  return { created: result.ok, uri, message: `Copydesk: ${result.message}` };
}
