// --changed-since: the files git says changed since a ref (committed, staged, unstaged or new
// and not ignored), as absolute paths. Runs the git command; never changes the repository.

import { spawnSync } from 'node:child_process';
import path from 'node:path';

export type ChangedFiles = { ok: true; files: Set<string> } | { ok: false; message: string };

function git(args: readonly string[], cwd: string): { ok: true; stdout: string } | { ok: false; stderr: string; missing: boolean } {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) return { ok: false, stderr: run.error.message, missing: true };
  if (run.status !== 0) return { ok: false, stderr: run.stderr.trim(), missing: false };
  return { ok: true, stdout: run.stdout };
}

export function changedSince(ref: string, cwd: string): ChangedFiles {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok) {
    if (top.missing) return { ok: false, message: '--changed-since needs git, and the git command was not found; install git or drop --changed-since' };
    return { ok: false, message: `--changed-since needs a git repository, and ${cwd} is not inside one; run it in a clone, or drop --changed-since` };
  }
  const root = top.stdout.trim();
  if (ref.startsWith('-')) return { ok: false, message: `--changed-since ${ref}: a git ref cannot start with "-"` };
  const known = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  if (!known.ok) return { ok: false, message: `--changed-since ${ref}: git knows no commit by that name; check the branch, tag or commit (in CI, fetch it first)` };
  // -z: paths exactly as stored, whatever characters they hold; deleted files are left out.
  const diff = git(['diff', '--name-only', '-z', '--diff-filter=ACMRT', known.stdout.trim(), '--'], root);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  if (!diff.ok) return { ok: false, message: `--changed-since ${ref}: git diff failed (${diff.stderr})` };
  if (!untracked.ok) return { ok: false, message: `--changed-since ${ref}: git ls-files failed (${untracked.stderr})` };
  const files = new Set<string>();
  for (const name of [...diff.stdout.split('\0'), ...untracked.stdout.split('\0')]) if (name !== '') files.add(path.resolve(root, name));
  return { ok: true, files };
}
