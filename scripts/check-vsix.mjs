// Checks the packed extension: under 400 KB, with the icon, LICENSE and the user README, and every
// relative link of that README pointing at a file inside the package (no dead links on the
// extension page). Reads the zip's central directory itself. Usage: node scripts/check-vsix.mjs FILE.vsix
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const MAX_BYTES = 400 * 1024;
const file = process.argv[2] ?? 'copydesk.vsix';
const zip = readFileSync(file);
const problems = [];

/** Central directory entries: name -> {method, compressedSize, offset}. */
function entries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const found = new Map();
  for (let i = 0; i < count; i++) {
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    found.set(name, { method: buffer.readUInt16LE(at + 10), compressed: buffer.readUInt32LE(at + 20), size: buffer.readUInt32LE(at + 24), offset: buffer.readUInt32LE(at + 42) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return found;
}

function contents(buffer, entry) {
  const start = entry.offset + 30 + buffer.readUInt16LE(entry.offset + 26) + buffer.readUInt16LE(entry.offset + 28);
  const data = buffer.subarray(start, start + entry.compressed);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

const files = entries(zip);
if (zip.length >= MAX_BYTES) problems.push(`${file} is ${zip.length} bytes, over the ${MAX_BYTES}-byte budget (see scripts/bundle.mjs for what ships and how)`);
for (const required of ['extension/package.json', 'extension/images/icon.png', 'extension/LICENSE.txt', 'extension/readme.md']) {
  const alt = required === 'extension/LICENSE.txt' ? 'extension/LICENSE' : required;
  if (!files.has(required) && !files.has(alt)) problems.push(`${required} is missing from the package`);
}
const readme = files.get('extension/readme.md');
if (readme) {
  const text = contents(zip, readme);
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) {
      if (/^https?:/i.test(target)) problems.push(`readme links to the web (${target}); link only to packaged files`);
      continue;
    }
    const inside = `extension/${target.split('#')[0].replace(/^\.\//, '')}`;
    if (!files.has(inside)) problems.push(`readme links to ${target}, which is not in the package`);
  }
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`check-vsix: ${problem}`);
  process.exit(1);
}
console.log(`check-vsix: ${file} ${zip.length} bytes (budget ${MAX_BYTES}), ${files.size} files, icon, LICENSE and readme present, readme links resolve`);
