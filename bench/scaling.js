// Linear-time checks for inputs an attacker or a broken export can make huge: a long first
// line (the headline), a style file with many keys, deep CR-only nesting. Each case runs at
// N and 4N; CPU time grows about 4x when linear and 16x when quadratic. Run after a build.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintText } from '../out/server/src/engine/lint.js';
import { compileStyle } from '../out/server/src/runner/style.js';
import { recommendedConfig } from '../out/server/src/config/index.js';
import { parseConfigText } from '../out/server/src/config/parse.js';
import { findExcessiveNesting } from '../out/server/src/engine/nesting.js';
import { ConfigResolver } from '../out/server/src/config/index.js';

/** A 4x larger input may cost at most this many times more: linear is 4, quadratic 16. */
const MAX_GROWTH = 6;
const ROUNDS = 3;

const style = compileStyle(recommendedConfig());
const words = ['Council', 'meets', 'On', 'budget', 'as', 'IMF', 'Talks', '-', 'resume:', 'Now'];

function firstLine(bytes) {
  const parts = [];
  for (let n = 0, i = 0; n < bytes; i++) {
    parts.push(words[i % words.length]);
    n += words[i % words.length].length + 1;
  }
  return `${parts.join(' ')}.\n\nLONDON, England -- The council met.\n`;
}

function styleWithKeys(count) {
  let text = 'acronyms:\n  dictionary:\n';
  for (let i = 0; i < count; i++) text += `    K${i.toString(36).toUpperCase()}X: Name ${i}\n`;
  return `${text}    K0X: Repeated\n`;
}

/** Lines nested up to 90 deep (under the guard's limit, so every line is read), CR line endings only. */
function crNesting(lines) {
  let text = '# Deep\r\r';
  for (let i = 0; i < lines; i++) text += `${'  '.repeat(i % 90)}- item\r`;
  return text;
}

const CASES = [
  { name: 'headline: first line of 100 KB vs 400 KB', small: firstLine(100_000), large: firstLine(400_000), run: (t) => lintText(t, style).findings.length },
  { name: 'style file: 25,000 vs 100,000 keys (with a duplicate)', small: styleWithKeys(25_000), large: styleWithKeys(100_000), run: (t) => parseConfigText(t, 'bench.yaml').errors.length },
  { name: 'nesting guard: 20,000 vs 80,000 CR-only list lines', small: crNesting(20_000), large: crNesting(80_000), run: (t) => findExcessiveNesting(t) },
];

/** A style whose custom rule is the classic catastrophic-backtracking pattern (a+)+$. */
function hostileStyle() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-scaling-'));
  try {
    fs.writeFileSync(path.join(dir, '.copydesk.yaml'), "extends: none\ncustom:\n  - id: house.hostile\n    type: existence\n    message: 'hostile %s'\n    ignorecase: false\n    patterns: ['(a+)+$']\n");
    const loaded = new ConfigResolver().forFile(path.join(dir, 'draft.md'));
    if (!loaded.ok) throw new Error('the hostile bench style did not load');
    return compileStyle(loaded.value.config);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const hostile = hostileStyle();
const aThenB = (n) => `Title\n\nLONDON -- ${'a'.repeat(n)}b\n`;
CASES.push({ name: 'custom pattern (a+)+$: 256 KiB vs 1 MiB of "a"s then "b"', small: aThenB(1 << 18), large: aThenB(1 << 20), run: (t) => lintText(t, hostile).findings.length });

function cpuMs(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function runScalingBench() {
  console.log(`linear scaling: CPU time at 4x the input, median of ${ROUNDS} rounds (linear ~4, quadratic ~16)`);
  let ok = true;
  for (const c of CASES) {
    c.run(c.small); // warm-up
    const small = [];
    const large = [];
    for (let round = 0; round < ROUNDS; round++) {
      small.push(cpuMs(() => c.run(c.small)));
      large.push(cpuMs(() => c.run(c.large)));
    }
    const growth = median(large) / Math.max(median(small), 0.01);
    const pass = growth <= MAX_GROWTH;
    ok &&= pass;
    console.log(`  ${c.name.padEnd(56)} ${median(small).toFixed(1).padStart(8)} ms -> ${median(large).toFixed(1).padStart(8)} ms  ratio ${growth.toFixed(2)} (target <= ${MAX_GROWTH}): ${pass ? 'PASS' : 'FAIL'}`);
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!runScalingBench()) process.exitCode = 1;
}
