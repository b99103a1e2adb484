// Draws the extension icon (images/icon.png, 128x128): a page of copy on a navy tile, with a red
// editor's caret and underline. Plain Node (zlib for the PNG), 4x4 supersampling for smooth edges.
// Run: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;
const NAVY = [22, 43, 72];
const PAPER = [250, 247, 240];
const INK = [70, 78, 92];
const RED = [206, 44, 44];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
const segmentDistance = (x, y, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};

/** The colour at a point, or null for transparent. Layers: tile, page, text lines, caret, underline. */
function colourAt(x, y) {
  if (!inRoundRect(x, y, 2, 2, 126, 126, 22)) return null;
  let colour = NAVY;
  if (inRoundRect(x, y, 28, 16, 100, 112, 6)) {
    colour = PAPER;
    for (const [line, width] of [[34, 56], [48, 52], [62, 56], [76, 30], [90, 48]]) {
      if (inRoundRect(x, y, 38, line - 3, 38 + width, line + 3, 3)) colour = INK;
    }
    // the underline of a flagged word, and the caret that inserts the fix
    if (inRoundRect(x, y, 70, 80, 94, 84, 2)) colour = RED;
    if (segmentDistance(x, y, 62, 80, 69, 66) <= 3 || segmentDistance(x, y, 69, 66, 76, 80) <= 3) colour = RED;
  }
  return colour;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (!c) continue;
        sum[0] += c[0]; sum[1] += c[1]; sum[2] += c[2]; sum[3] += 1;
      }
    }
    const at = y * (SIZE * 4 + 1) + 1 + x * 4;
    const n = sum[3];
    raw[at] = n ? Math.round(sum[0] / n) : 0;
    raw[at + 1] = n ? Math.round(sum[1] / n) : 0;
    raw[at + 2] = n ? Math.round(sum[2] / n) : 0;
    raw[at + 3] = Math.round((255 * n) / (SS * SS));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
