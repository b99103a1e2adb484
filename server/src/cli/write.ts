// Writes a fixed draft safely: only a regular file under the roots the user gave (a link is kept a
// link, its target written), never over a change made since the draft was read, and atomically
// (temp file in the same folder, fsync, original mode, rename): a crash leaves the old or the new.

import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { isInside } from '../config/read-policy.js';
import type { TextEncoding } from '../engine/utf8.js';

/** The encoding a draft was read in (engine/utf8.ts) and its fix is written in. */
export type DraftEncoding = TextEncoding;

/** What the draft was when it was read: compared again just before the rename; the fix is written in its encoding. */
export interface ReadStamp {
  mtimeMs: number;
  size: number;
  /** With mtime and size, what --cache compares to trust a file unchanged without reading it. */
  ctimeMs: number;
  ino: number;
  sha256: string;
  encoding: DraftEncoding;
}

export type WriteOutcome = { ok: true } | { ok: false; message: string };

export function stampOf(bytes: Uint8Array, stat: fs.Stats, encoding: DraftEncoding): ReadStamp {
  return { mtimeMs: stat.mtimeMs, size: stat.size, ctimeMs: stat.ctimeMs, ino: stat.ino, sha256: sha256(bytes), encoding };
}

/** The text as bytes in the draft's own encoding (a BOM in the text is written as that encoding's BOM). */
export function encodeDraft(text: string, encoding: DraftEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16be' ? bytes.swap16() : bytes;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/** A folder root is followed (the user named it); a file root is not: a link named on the command line stays a link. */
function realRootOf(root: string): string {
  const absolute = path.resolve(root);
  if (fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) return realOrNull(absolute) ?? absolute;
  return path.join(realOrNull(path.dirname(absolute)) ?? path.dirname(absolute), path.basename(absolute));
}

/**
 * Writes `text` to the draft at `file` (as the user named it), which was read as `stamp`.
 * `roots` are the files, folders and glob bases given on the command line: the real file written
 * must lie under one of them, so no link leads a fix out of the tree.
 */
export function writeFixedDraft(file: string, text: string, stamp: ReadStamp, roots: readonly string[]): WriteOutcome {
  const real = realOrNull(file);
  if (real === null) return { ok: false, message: 'it is gone from disk; the fix was not written' };
  const realRoots = roots.map(realRootOf);
  if (!realRoots.some((root) => isInside(real, root))) {
    return { ok: false, message: `it is a link to ${real}, outside the files and folders given; the fix was not written (name that file itself to fix it)` };
  }
  if (!fs.lstatSync(real).isFile()) return { ok: false, message: 'it is not a regular file; the fix was not written' };
  return writeFileAtomic(real, text, stamp);
}

/** True when the file on disk is no longer what was read: mtime, size or content moved. */
function changedSince(file: string, stamp: ReadStamp): boolean {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || stat.mtimeMs !== stamp.mtimeMs || stat.size !== stamp.size) return true;
  return sha256(fs.readFileSync(file)) !== stamp.sha256;
}

const CHANGED = 'it changed on disk after it was read; the fix was not written, so the change is kept. Run copydesk --fix again';

/** The whole content of an open file. */
function readAll(fd: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const n = fs.readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/** Writes text (or, put back as they were, `bytes`) over a draft through a temp file and a rename; with a stamp, only if the draft is still as read. */
export function writeFileAtomic(file: string, text: string, stamp?: ReadStamp, bytes?: Buffer): WriteOutcome {
  const mode = fs.statSync(file).mode & 0o7777;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.copydesk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    fs.writeFileSync(fd, bytes ?? encodeDraft(text, stamp?.encoding ?? 'utf-8'));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.chmodSync(temp, mode); // openSync's mode is narrowed by the umask; the original's mode wins
    // Checked last, just before the rename, so that an edit made while fixing is never overwritten.
    // The draft as read stays open: an edit landing between this check and the rename reaches
    // that file, not the fixed one, and is seen below and put back.
    const original = stamp ? fs.openSync(file, 'r') : null;
    try {
      if (stamp && changedSince(file, stamp)) {
        fs.rmSync(temp, { force: true });
        return { ok: false, message: CHANGED };
      }
      fs.renameSync(temp, file);
      if (original !== null && stamp) {
        const after = fs.fstatSync(original);
        if (after.size !== stamp.size || after.mtimeMs !== stamp.mtimeMs) {
          writeFileAtomic(file, '', undefined, readAll(original, after.size));
          return { ok: false, message: CHANGED };
        }
      }
      return { ok: true };
    } finally {
      if (original !== null) fs.closeSync(original);
    }
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Writes a file of our own (the cache, a baseline) atomically, whether or not it exists yet:
 * temp file in the same folder, fsync, rename. Never used on drafts.
 */
export function writeNewFileAtomic(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.copydesk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o666);
    try {
      fs.writeFileSync(fd, text, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
