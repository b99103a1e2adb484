// --cache: results of earlier runs, reused for a draft whose bytes, effective style and Copydesk
// version are all unchanged. A draft whose size, mtime, ctime and inode are those recorded is
// taken as unchanged without reading it (the content hash decides when they differ). A file that
// is not a valid cache of this version is never trusted: it is set aside and rebuilt. Saved
// atomically (temp file in the same folder, then rename).

import crypto, { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';
import type { ReportMessage } from './report.js';
import { writeNewFileAtomic } from './write.js';

export const DEFAULT_CACHE_FILE = '.copydeskcache';
const MARKER = 'copydesk-cache';
/** The entries' shape; a cache of another layout is rebuilt without comment, like one of another version. */
const LAYOUT = 2;

/** What is kept per draft: the key it was linted under and all its messages (before --quiet or a baseline). */
export interface CacheEntry {
  key: string;
  /** SHA-256 of the bytes linted: with the style and version it gives the key again. */
  content: string;
  /** The file's stat when its bytes were read (see statKey); absent when that cannot be trusted. */
  stat?: string;
  messages: ReportMessage[];
}

/** A file changed this recently may change again within the same mtime tick: its stat is not recorded. */
const SETTLED_MS = 5000;

/** What a draft's stat must still be for its bytes to be taken as unchanged; null for a file too fresh to tell. */
export function statKey(stat: { size: number; mtimeMs: number; ctimeMs: number; ino: number }, now = Date.now()): string | null {
  if (now - Math.max(stat.mtimeMs, stat.ctimeMs) < SETTLED_MS) return null;
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** One-shot hashing (Node 20.12+) costs far less than a Hash object for the short keys hashed per draft. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

export function hashText(text: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');
}

/** The style part of the key: the resolved config is plain data built in a fixed order. */
export function styleHash(config: ResolvedConfig): string {
  return hashText(JSON.stringify(config));
}

export function cacheKey(contentHash: string, style: string, version: string): string {
  return hashText(`${version}\0${style}\0${contentHash}`);
}

/**
 * The cached messages for a draft when its entry's key matches these bytes under this style,
 * and (for a fix run) there was nothing to fix; otherwise undefined.
 */
export function cachedMessages(entry: CacheEntry | undefined, bytes: Uint8Array, style: string, version: string, fixing: boolean): ReportMessage[] | undefined {
  if (entry === undefined || entry.key !== cacheKey(hashText(bytes), style, version)) return undefined;
  return usable(entry, fixing);
}

/** The cached messages when the draft's stat is the one recorded with its entry (nothing read), else undefined. */
export function messagesByStat(entry: CacheEntry | undefined, stat: string | null, style: string, version: string, fixing: boolean): ReportMessage[] | undefined {
  if (entry?.stat === undefined || stat === null || entry.stat !== stat || entry.key !== cacheKey(entry.content, style, version)) return undefined;
  return usable(entry, fixing);
}

/** A fix run re-reads a draft that has something to fix. */
function usable(entry: CacheEntry, fixing: boolean): ReportMessage[] | undefined {
  return fixing && entry.messages.some((m) => m.fix !== undefined) ? undefined : entry.messages;
}

export class LintResultCache {
  private entries = new Map<string, CacheEntry>();
  private changed = false;
  /** Set when the file was there but not a usable cache; says why. */
  readonly rejected: string | null;

  private constructor(
    readonly file: string,
    private readonly version: string,
    rejected: string | null,
  ) {
    this.rejected = rejected;
  }

  /** `location` is a file, or a folder (existing, or written with a trailing slash) to hold .copydeskcache. */
  static open(location: string, cwd: string, version: string): LintResultCache {
    let file = path.resolve(cwd, location);
    if (/[\\/]$/.test(location) || fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, DEFAULT_CACHE_FILE);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return new LintResultCache(file, version, null); // no cache yet
    }
    const cache = new LintResultCache(file, version, null);
    const problem = cache.load(text);
    if (problem === null) return cache;
    const rebuilt = new LintResultCache(file, version, problem);
    rebuilt.changed = true;
    return rebuilt;
  }

  /** Fills the entries from the file's text; a reason when it cannot be trusted (nothing is kept then). */
  private load(text: string): string | null {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return 'it is not valid JSON (damaged, or not a copydesk cache)';
    }
    if (!isObject(data) || data.format !== MARKER || !isObject(data.entries)) return 'it is not a copydesk cache';
    // Another Copydesk version: every result may differ; start again without comment.
    if (data.version !== this.version || data.layout !== LAYOUT) {
      this.changed = true;
      return null;
    }
    const base = path.dirname(this.file);
    for (const [name, entry] of Object.entries(data.entries)) {
      if (!isEntry(entry)) {
        this.entries.clear();
        return `its entry for ${name} is damaged`;
      }
      this.entries.set(joinRelative(base, name), entry);
    }
    return null;
  }

  get(file: string): CacheEntry | undefined {
    return this.entries.get(file);
  }

  set(file: string, entry: CacheEntry): void {
    const old = this.entries.get(file);
    if (old?.key === entry.key && old.stat === entry.stat) return;
    this.entries.set(file, entry);
    this.changed = true;
  }

  /** Writes the cache when it changed. Entries of drafts that no longer exist are dropped. */
  save(): void {
    if (!this.changed) return;
    const entries: Record<string, CacheEntry> = {};
    const base = path.dirname(this.file);
    const names = [...this.entries.keys()].sort();
    for (const file of names) if (fs.existsSync(file)) entries[path.relative(base, file).split(path.sep).join('/')] = this.entries.get(file)!;
    fs.mkdirSync(base, { recursive: true });
    writeNewFileAtomic(this.file, JSON.stringify({ format: MARKER, version: this.version, layout: LAYOUT, entries }));
    this.changed = false;
  }
}

/** `name` (relative, '/'-separated, as saved) under `base`; plain joining when there is nothing to normalise. */
function joinRelative(base: string, name: string): string {
  return path.sep === '/' && !name.startsWith('/') && !/(^|\/)\.\.?(\/|$)|\/\/|\/$/.test(name) ? `${base === '/' ? '' : base}/${name}` : path.resolve(base, name);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;

function isMessage(m: unknown): m is ReportMessage {
  if (!isObject(m)) return false;
  const fix = m.fix;
  const fixOk =
    fix === undefined ||
    (isObject(fix) && Array.isArray(fix.range) && fix.range.length === 2 && fix.range.every((n) => Number.isInteger(n) && n >= 0) && typeof fix.text === 'string');
  return (
    typeof m.ruleId === 'string' &&
    typeof m.message === 'string' &&
    typeof m.fingerprint === 'string' &&
    (m.related === undefined || Array.isArray(m.related)) &&
    typeof m.severity === 'string' &&
    SEVERITIES.includes(m.severity as never) &&
    m.severity !== 'off' &&
    [m.line, m.column, m.endLine, m.endColumn].every(isCount) &&
    fixOk
  );
}

function isEntry(entry: unknown): entry is CacheEntry {
  const isHash = (h: unknown) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h);
  return (
    isObject(entry) &&
    isHash(entry.key) &&
    isHash(entry.content) &&
    (entry.stat === undefined || typeof entry.stat === 'string') &&
    Array.isArray(entry.messages) &&
    entry.messages.every(isMessage)
  );
}
