// What a draft is, for the CLI, the language server and the VS Code client alike: a file whose
// extension is one of DRAFT_EXTENSIONS. An editor buffer with no file name (untitled) is a draft
// when its language is one of DRAFT_LANGUAGES. Also what a style file is called. Names only; no I/O.

import path from 'node:path';

/** File extensions of drafts (lower case, with the dot). */
export const DRAFT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdown', '.mkd', '.txt', '.text'];

/** Editor language ids of drafts, used only for buffers that have no file name yet. */
export const DRAFT_LANGUAGES: readonly string[] = ['markdown', 'plaintext'];

/** True when a file with this name (or path) is a draft. */
export function isDraftName(name: string): boolean {
  return DRAFT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** True when an unnamed editor buffer in this language is a draft. */
export function isDraftLanguage(languageId: string): boolean {
  return DRAFT_LANGUAGES.includes(languageId.toLowerCase());
}

/** Names of a style file, looked for in this order in each folder (config/discover.ts). */
export const STYLE_FILE_NAMES = ['.copydesk.yaml', '.copydesk.yml'] as const;

/** True when a file with this name (or path) is a style file (any case, as editors on Windows and macOS see it). */
export function isStyleFileName(name: string): boolean {
  return (STYLE_FILE_NAMES as readonly string[]).includes(path.basename(name).toLowerCase());
}
