// Reads a draft's bytes and decodes them strictly (engine/utf8.ts) as UTF-8, or UTF-16 when a
// BOM says so, keeping the BOM, and stamps what was read so a fix never overwrites a later
// change. Anything that is not a text draft becomes a one-line message naming the file and what to do.

import fs from 'node:fs';
import { decodeStrict } from '../engine/utf8.js';
import { stampOf, type DraftEncoding, type ReadStamp } from './write.js';

export type DraftText = { ok: true; text: string; encoding: DraftEncoding; stamp?: ReadStamp } | { ok: false; message: string };

const BINARY_SNIFF_BYTES = 8192;

/** `stamped` false: no stamp (and no SHA-256 of the bytes), for a lint that neither writes nor caches. */
export function readDraftFile(file: string, shownAs: string, stamped = true): DraftText {
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
  return decoded.ok && stamped ? { ...decoded, stamp: stampOf(bytes, stat, decoded.encoding) } : decoded;
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
    // The BOM stays in the text (as for UTF-8) and the fix writes the same encoding back.
    const decoded = decodeStrict(bytes, utf16);
    if (decoded.ok) return { ok: true, text: decoded.text, encoding: utf16 };
    return { ok: false, message: `${shownAs}: starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()}; re-save the file as UTF-8 and run again` };
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, message: `${shownAs}: not a text file (binary content); skipped` };
  // The BOM stays in the text so that fixes write it back untouched.
  const decoded = decodeStrict(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text, encoding: 'utf-8' };
  return { ok: false, message: `${shownAs}: not valid UTF-8 (first bad byte at offset ${decoded.offset}); re-save the file as UTF-8 and run again` };
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
