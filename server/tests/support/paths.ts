// Where tests find the repository's fixtures and the shared corpus (read in place, never copied).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from out/server/tests/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test-fixtures');
/** The research-only news corpus beside the repository; CI lays shared/ next to the clone. */
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus-dev');

/**
 * `{ skip: CORPUS_SKIP }` on a test or describe that reads the corpus: false when it is there,
 * otherwise the visible reason (a fresh clone has nothing beside it; CI lays shared/ beside it).
 */
export const CORPUS_SKIP: string | false = fs.existsSync(CORPUS)
  ? false
  : 'needs the research corpus at ../shared/corpus-dev beside the repository; absent here';
