// Reads a draft's bytes and decodes them strictly as UTF-8 (or UTF-16 when a BOM says so),
// keeping the BOM, and stamps what was read so a fix never overwrites a later change. Anything
// that is not a text draft becomes a one-line message naming the file and what to do.

import fs from 'node:fs';
import { stampOf, type DraftEncoding, type ReadStamp } from './write.js';

export type DraftText = { ok: true; text: string; encoding: DraftEncoding; stamp?: ReadStamp } | { ok: false; message: string };

const BINARY_SNIFF_BYTES = 8192;

export function readDraftFile(file: string, shownAs: string): DraftText {
  let bytes: Buffer;
  let stat: fs.Stats;
  let fd: number | null = null;
  try {
    // One descriptor for the stat and the read, so the stamp describes exactly these bytes.
    fd = fs.openSync(file, 'r');
    stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `${shownAs}: could not be read (it is not a regular file)` };
    bytes = fs.readFileSync(fd);
  } catch (err) {
    return { ok: false, message: `${shownAs}: could not be read (${describeFsError(err)})` };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  const decoded = decodeDraft(bytes, shownAs);
  return decoded.ok ? { ...decoded, stamp: stampOf(bytes, stat, decoded.encoding) } : decoded;
}

/** UTF-16 named by its byte-order mark, or null. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function decodeDraft(bytes: Uint8Array, shownAs: string): DraftText {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    try {
      // The BOM stays in the text (as for UTF-8) and the fix writes the same encoding back.
      return { ok: true, text: new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes), encoding: utf16 };
    } catch {
      return { ok: false, message: `${shownAs}: starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()}; re-save the file as UTF-8 and run again` };
    }
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, message: `${shownAs}: not a text file (binary content); skipped` };
  try {
    // ignoreBOM keeps the BOM in the text so that fixes write it back untouched.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      message: `${shownAs}: not valid UTF-8 (first bad byte at offset ${offset}); re-save the file as UTF-8 and run again`,
    };
  }
}

export function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; check the file permissions';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      return 'no such file';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** Byte offset of the first byte that breaks UTF-8 (the decoder itself does not say where). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
    if (length === 3) {
      const c = bytes[i + 1];
      if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)) return i;
    } else if (length === 4) {
      const c = bytes[i + 1];
      if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return i;
    }
    i += length;
  }
  return bytes.length;
}
