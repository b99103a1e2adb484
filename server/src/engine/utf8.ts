// The one strict text decoder, for drafts (cli/read.ts) and style files (config/discover.ts)
// alike: UTF-8, or UTF-16 when it is named, with no replacement characters and the BOM kept in
// the text (offsets then match an editor's, and a fix writes the BOM back). Bytes in, text out.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The text, or the byte offset where it stops being valid (for UTF-16: -1, the decoder does not say). */
export type Decoded = { ok: true; text: string } | { ok: false; offset: number };

export function decodeStrict(bytes: Uint8Array, encoding: TextEncoding = 'utf-8'): Decoded {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, offset: encoding === 'utf-8' ? firstInvalidUtf8Byte(bytes) : -1 };
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
