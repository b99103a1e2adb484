// Which drafts are left out: built-in defaults, .copydeskignore and --ignore (gitignore syntax,
// via the `ignore` package), '!GLOB' arguments, and a style's `ignores:` / `gitignore: true`.

import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export const IGNORE_FILE_NAME = '.copydeskignore';

/**
 * Repository files that are not stories (a docs/ folder, README, CHANGELOG ...), left out of folder
 * walks and globs; a file named on the command line is still checked. `!README.md` in
 * .copydeskignore brings one back.
 */
export const NOT_DRAFTS = ['docs/', 'README*', 'CHANGELOG*', 'CONTRIBUTING*', 'CODE_OF_CONDUCT*', 'SECURITY*', 'LICENSE*', 'LICENCE*', 'AUTHORS*', 'HISTORY*'];

export interface PathRules {
  /**
   * True when the file (absolute path) is left out. A file found by walking or globbing has
   * `root`, the folder named (or the current one): the defaults apply below it, so that
   * `copydesk docs` still checks docs/. A file named on the command line has none.
   */
  ignoresFile(file: string, root: string | null): boolean;
  /** True when a folder (absolute path) need not be walked at all. */
  ignoresFolder(folder: string): boolean;
}

/** Relative POSIX path under root, or null when the path lies outside root (rules there do not apply). */
export function under(root: string, file: string): string | null {
  // Absolute, normalised paths (as the walk makes them) need no path.relative, which is slow per draft.
  if (path.sep === '/' && file.length > root.length + 1 && file.startsWith(root) && file[root.length] === '/' && !root.endsWith('/') && !file.includes('/.', root.length)) {
    return file.slice(root.length + 1);
  }
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

export type IgnoreSetup = { ok: true; rules: PathRules } | { ok: false; message: string };

/** The run's rules: defaults, then .copydeskignore in `cwd`, then --ignore, then the '!GLOB' arguments. */
export function loadPathRules(cwd: string, extraPatterns: readonly string[], negatedGlobs: readonly string[]): IgnoreSetup {
  const user = ignore();
  const ignoreFile = path.join(cwd, IGNORE_FILE_NAME);
  const hasIgnoreFile = fs.existsSync(ignoreFile);
  if (hasIgnoreFile) {
    try {
      const text = fs.readFileSync(ignoreFile, 'utf8');
      user.add(text);
    } catch (err) {
      return { ok: false, message: `could not read ${IGNORE_FILE_NAME} (${err instanceof Error ? err.message : String(err)}); check its permissions` };
    }
  }
  user.add([...extraPatterns]);
  // With no user patterns (the usual case) the per-draft test is skipped; it is paid per draft.
  const anyUser = hasIgnoreFile || extraPatterns.length > 0;
  const defaults = ignore().add(NOT_DRAFTS);
  const negated = negatedGlobs.map((glob) => picomatch(glob.replace(/^\.\//, ''), { dot: true }));
  return {
    ok: true,
    rules: {
      ignoresFile(file, root) {
        const relative = under(cwd, file);
        if (relative !== null && (negated.some((isMatch) => isMatch(relative)) || (anyUser && user.ignores(relative)))) return true;
        const belowRoot = root === null ? null : under(root, file);
        // A user's "!README.md" brings a default-ignored file back.
        return belowRoot !== null && defaults.ignores(belowRoot) && !(anyUser && relative !== null && user.test(relative).unignored);
      },
      ignoresFolder(folder) {
        const relative = under(cwd, folder);
        return anyUser && relative !== null && user.ignores(`${relative}/`);
      },
    },
  };
}

/** A style's `ignores:` patterns, relative to the folder of the config file that states them. */
export interface StyleIgnores {
  ignores: readonly { base: string; patterns: readonly string[] }[];
  gitignore: boolean;
}

/** Applies styles' ignores and, where a style asks, the repository's .gitignore files. Caches per folder. */
export class StyleIgnoreFilter {
  private readonly matchers = new Map<string, Ignore>();
  private readonly gitignores = new Map<string, Ignore | null>();

  ignores(file: string, style: StyleIgnores): boolean {
    for (const { base, patterns } of style.ignores) {
      const relative = under(base, file);
      if (relative === null) continue;
      const key = `${base}\0${patterns.join('\n')}`;
      let matcher = this.matchers.get(key);
      if (!matcher) this.matchers.set(key, (matcher = ignore().add([...patterns])));
      if (matcher.ignores(relative)) return true;
    }
    return style.gitignore && this.gitIgnores(file);
  }

  /** .gitignore files from the repository root down to the file's folder (and .git/info/exclude); the nearest decides. */
  private gitIgnores(file: string): boolean {
    const root = findGitRoot(path.dirname(file));
    if (root === null) return false;
    let ignored = false;
    const folders = [root];
    for (let dir = path.dirname(file); dir !== root; dir = path.dirname(dir)) folders.splice(1, 0, dir);
    for (const dir of folders) {
      const matcher = this.gitignoreIn(dir, dir === root);
      const relative = under(dir, file);
      if (!matcher || relative === null) continue;
      const verdict = matcher.test(relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private gitignoreIn(dir: string, isRoot: boolean): Ignore | null {
    if (this.gitignores.has(dir)) return this.gitignores.get(dir)!;
    const texts = [path.join(dir, '.gitignore'), ...(isRoot ? [path.join(dir, '.git', 'info', 'exclude')] : [])]
      .map((f) => readIfFile(f))
      .filter((t): t is string => t !== null);
    const matcher = texts.length > 0 ? ignore().add(texts.join('\n')) : null;
    this.gitignores.set(dir, matcher);
    return matcher;
  }
}

function readIfFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The folder holding .git (a folder, or a file in a worktree), from `dir` upward; null outside a repository. */
export function findGitRoot(dir: string): string | null {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, '.git'))) return at;
    if (path.dirname(at) === at) return null;
  }
}
