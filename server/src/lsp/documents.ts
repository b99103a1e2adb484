// Which open documents Copydesk handles and as what: drafts (Markdown, plain text) or style
// files (.copydesk.yaml/.yml). Also URI -> file path. No linting here.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export type DocumentRole = 'draft' | 'config' | 'ignored';

const CONFIG_NAMES = new Set(['.copydesk.yaml', '.copydesk.yml']);
const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.mdown', '.mkd', '.text']);
const DRAFT_LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'md', 'txt', 'mdx']);

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
  if (DRAFT_LANGUAGES.has(languageId.toLowerCase())) return 'draft';
  return DRAFT_EXTENSIONS.has(path.extname(base).toLowerCase()) ? 'draft' : 'ignored';
}

export function isConfigFileName(file: string): boolean {
  return CONFIG_NAMES.has(path.basename(file).toLowerCase());
}
