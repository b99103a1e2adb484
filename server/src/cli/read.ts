// Reads a draft's bytes and decodes them strictly as UTF-8, keeping the BOM. Anything that is
// not a text draft becomes a one-line message naming the file and what to do, never an exception.

import fs from 'node:fs';

export type DraftText = { ok: true; text: string } | { ok: false; message: string };

const BINARY_SNIFF_BYTES = 8192;

export function readDraftFile(file: string, shownAs: string): DraftText {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, message: `${shownAs}: could not be read (${describeFsError(err)})` };
  }
  return decodeDraft(bytes, shownAs);
}

export function decodeDraft(bytes: Uint8Array, shownAs: string): DraftText {
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, message: `${shownAs}: not a text file (binary content); skipped` };
  try {
    // ignoreBOM keeps the BOM in the text so that fixes write it back untouched.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
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
