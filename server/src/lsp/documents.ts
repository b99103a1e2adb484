// Which open documents Copydesk handles and as what: drafts (engine/drafts.ts decides, as for
// the CLI) or style files (.copydesk.yaml/.yml). Also URI -> file path. No linting here.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDraftLanguage, isDraftName } from '../engine/drafts.js';

export type DocumentRole = 'draft' | 'config' | 'ignored';

const CONFIG_NAMES = new Set(['.copydesk.yaml', '.copydesk.yml']);

/** The file path behind a `file:` URI, or null for untitled and other schemes. */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function roleOf(uri: string, languageId: string): DocumentRole {
  const file = filePathOf(uri);
  const base = file ? path.basename(file) : decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  if (CONFIG_NAMES.has(base.toLowerCase())) return 'config';
  if (isDraftName(base)) return 'draft';
  // A saved file is a draft by its name alone (a requirements.txt is, a LICENSE in plain-text mode
  // is not); a buffer with no file yet (untitled) goes by its language.
  return file === null && isDraftLanguage(languageId) ? 'draft' : 'ignored';
}

export function isConfigFileName(file: string): boolean {
  return CONFIG_NAMES.has(path.basename(file).toLowerCase());
}
