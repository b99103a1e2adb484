// One regular-expression type for custom and Vale rules. RE2 (re2js) runs every pattern it
// can: linear time whatever the pattern. A pattern only a backtracking engine can run
// (lookaround, back-references) runs on JavaScript's RegExp only when the `recheck` ReDoS
// checker proves it safe within a time bound; otherwise compiling fails with a reason.

import { createRequire } from 'node:module';
import { RE2JS } from 're2js';
import { candidateStarts, leadingWords, withHints, type LeadingWords } from './regex-hints.js';

type CheckSync = typeof import('recheck').checkSync;

/** Calls fn for each non-empty match; group(i) is null for a group that did not take part. */
export type EachMatch = (start: number, end: number, group: (i: number) => string | null, groupStart: (i: number) => number) => void;

export interface Regex {
  readonly engine: 're2' | 'js';
  readonly groupCount: number;
  test(text: string): boolean;
  each(text: string, fn: EachMatch): void;
  /** The first match anywhere in text, or null. */
  first(text: string): { start: number; end: number; group: (i: number) => string | null } | null;
}

export type Compiled = { ok: true; re: Regex } | { ok: false; error: string };

/** Patterns already judged by recheck, with the verdict (null: safe). */
const verdicts = new Map<string, string | null>();
/**
 * Wall time recheck may spend judging one pattern. Its fuzzing checker (the one that can read
 * lookaround) takes 1-4 s of CPU on the published styles' patterns, and a wall-clock limit near
 * that made the verdict depend on the machine's load: a rule ran on a quiet machine and was
 * skipped on a busy one. The checker's own bounds (seeded, fixed iteration counts) make its
 * verdict the same everywhere; this limit only stops a pathological pattern, once, in the CLI
 * (the editor does not carry recheck and skips such rules with a warning).
 */
const RECHECK_TIMEOUT_MS = 60_000;

export function compileRegex(pattern: string, ignoreCase: boolean, allowJs = true): Compiled {
  let re2Error: string;
  try {
    const re = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    const hints = leadingWords(pattern, ignoreCase);
    return { ok: true, re: withHints(re2Regex(re, hints), hints) };
  } catch (e) {
    re2Error = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
  }
  if (!allowJs || !needsBacktracking(pattern)) return { ok: false, error: re2Error };
  return compileJs(pattern, ignoreCase, re2Error);
}

/** Lookaround or a back-reference: what RE2 refuses by design. */
function needsBacktracking(pattern: string): boolean {
  return /\(\?<?[=!]|\\[1-9]|\\k</.test(pattern);
}

function re2Regex(re: RE2JS, hints: LeadingWords | null = null): Regex {
  // Anchored matching from each possible start gives the leftmost-first matches of a search
  // through the whole text, but the engine stops as soon as a start fails instead of carrying
  // its capture state through every character of the text.
  const anchored = hints !== null && hints.words.every((w) => /^[A-Za-z0-9_]/.test(w));
  return {
    engine: 're2',
    groupCount: re.groupCount(),
    test: (text) => re.test(text),
    each(text, fn) {
      // The DFA-only test is far cheaper than a capturing search; most blocks never match.
      if (!re.test(text)) return;
      const starts = anchored ? candidateStarts(text, hints!) : null;
      if (starts) {
        let last = 0;
        for (const p of starts) {
          if (p < last) continue;
          const m = re.matcher(text.slice(p));
          if (!m.lookingAt() || m.end() === 0) continue;
          fn(p, p + m.end(), (i) => m.group(i), (i) => (m.start(i) < 0 ? -1 : p + m.start(i)));
          last = p + m.end();
        }
        return;
      }
      const m = re.matcher(text);
      while (m.find()) if (m.end() > m.start()) fn(m.start(), m.end(), (i) => m.group(i), (i) => m.start(i));
    },
    first(text) {
      const m = re.matcher(text);
      if (!m.find()) return null;
      const groups = Array.from({ length: re.groupCount() + 1 }, (_, i) => m.group(i));
      return { start: m.start(), end: m.end(), group: (i) => groups[i] ?? null };
    },
  };
}

/**
 * Go/RE2 syntax to JavaScript: inline flags become RegExp flags, (?P<name> becomes
 * (?<name>. Anything JavaScript would read differently is refused rather than guessed.
 */
function toJs(pattern: string, ignoreCase: boolean): { source: string; flags: string } | string {
  let flags = ignoreCase ? 'i' : '';
  let source = pattern;
  // Leading flag groups, and (?m) anywhere (Vale's templates put it mid-pattern).
  for (let m = /^\(\?([ims]+)\)/.exec(source); m; m = /^\(\?([ims]+)\)/.exec(source)) {
    for (const f of m[1]) if (!flags.includes(f)) flags += f;
    source = source.slice(m[0].length);
  }
  if (source.includes('(?m)')) {
    source = source.split('(?m)').join('');
    if (!flags.includes('m')) flags += 'm';
  }
  if (/\(\?[a-zA-Z-]+[):]/.test(source.replace(/\(\?P?</g, ''))) return 'an inline flag group other than at the start is not available outside RE2';
  if (/\[\[:\w+:\]\]/.test(source)) return 'POSIX classes such as [[:alpha:]] are not available outside RE2';
  source = source.replace(/\(\?P</g, '(?<').replace(/\\z/g, '(?![\\s\\S])').replace(/\\A/g, '(?<![\\s\\S])');
  source = source.replace(/\\p([A-Z])/g, '\\p{$1}').replace(/\\P([A-Z])/g, '\\P{$1}');
  return { source, flags };
}

function compileJs(pattern: string, ignoreCase: boolean, re2Error: string): Compiled {
  const converted = toJs(pattern, ignoreCase);
  if (typeof converted === 'string') return { ok: false, error: `${re2Error}; ${converted}` };
  let native: RegExp | undefined;
  let flags = '';
  for (const extra of ['u', '']) {
    try {
      flags = converted.flags + extra;
      native = new RegExp(converted.source, flags + 'gd');
      break;
    } catch {
      native = undefined;
    }
  }
  if (!native) return { ok: false, error: `${re2Error}; JavaScript cannot compile it either` };
  const key = `${flags}/${converted.source}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = judge(converted.source, flags);
    verdicts.set(key, verdict);
  }
  if (verdict !== null) return { ok: false, error: `${re2Error}; the backtracking engine was not admitted: ${verdict}` };
  return { ok: true, re: jsRegex(native) };
}

/**
 * recheck (about 3 MB of Scala.js) is loaded on the first pattern that needs it, not with the
 * engine: the VS Code extension leaves it out to stay small, and there such a pattern is refused.
 */
let checker: CheckSync | string | undefined;
function loadChecker(): CheckSync | string {
  if (checker === undefined) {
    try {
      checker = (createRequire(import.meta.url)('recheck') as typeof import('recheck')).checkSync;
    } catch {
      checker = 'the ReDoS checker recheck is not installed (the VS Code extension leaves it out; the copydesk CLI has it)';
    }
  }
  return checker;
}

function judge(source: string, flags: string): string | null {
  const checkSync = loadChecker();
  if (typeof checkSync === 'string') return checkSync;
  // The pure-JavaScript checker: no worker thread, no platform binary, the same verdict everywhere.
  process.env.RECHECK_SYNC_BACKEND ??= 'pure';
  try {
    const result = checkSync(source, flags, { timeout: RECHECK_TIMEOUT_MS, randomSeed: 1 });
    if (result.status === 'safe') return null;
    if (result.status === 'vulnerable') return `the ReDoS checker found ${result.complexity.type} backtracking (attack string of ${result.attack.pattern})`;
    return `the ReDoS checker could not prove it safe (${result.error.kind})`;
  } catch (e) {
    return `the ReDoS checker failed (${e instanceof Error ? e.message : String(e)})`;
  }
}

function jsRegex(native: RegExp): Regex {
  const groupCount = new RegExp(`${native.source}|`, native.flags).exec('')!.length - 1;
  return {
    engine: 'js',
    groupCount,
    test(text) {
      native.lastIndex = 0;
      return native.test(text);
    },
    each(text, fn) {
      native.lastIndex = 0;
      for (let m = native.exec(text); m; m = native.exec(text)) {
        if (m[0].length === 0) {
          native.lastIndex++;
          continue;
        }
        const found = m;
        fn(found.index, found.index + found[0].length, (i) => found[i] ?? null, (i) => found.indices?.[i]?.[0] ?? -1);
      }
    },
    first(text) {
      native.lastIndex = 0;
      const m = native.exec(text);
      if (!m) return null;
      return { start: m.index, end: m.index + m[0].length, group: (i) => m[i] ?? null };
    },
  };
}
