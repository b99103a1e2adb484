// Engine throughput over the dev corpus, beside remark-parse alone on the same files in the
// same run (rounds alternate so machine noise hits all alike; CPU time, medians); then the
// copydesk command over 20,000 drafts (cli-scale.js). Reads ../shared/corpus-dev in place.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lintText } from '../out/server/src/engine/lint.js';
import { parseNewsDocument } from '../out/server/src/engine/document.js';
import { compileStyle } from '../out/server/src/runner/style.js';
import { recommendedConfig } from '../out/server/src/config/index.js';
import { runCliScaleBench } from './cli-scale.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus-dev');
const TARGET_RATIO = 1.5; // issues 12 and 13: the full lint within 1.5x the bare parse
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

function loadCorpus() {
  if (!fs.existsSync(corpus)) {
    console.error(`bench: the dev corpus is missing at ${path.relative(process.cwd(), corpus)} (shared/ must sit beside the repository)`);
    process.exit(2);
  }
  const files = [];
  for (const sub of fs.readdirSync(corpus).sort()) {
    const dir = path.join(corpus, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.md')) files.push(fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  return files;
}

/** CPU milliseconds this process spends in fn: steadier than wall time on a shared machine. */
function time(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const texts = loadCorpus();
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const bare = unified().use(remarkParse);
const style = compileStyle(recommendedConfig());
let sink = 0;

const runs = {
  'remark-parse alone': () => texts.forEach((t) => (sink += bare.parse(t).children.length)),
  'copydesk parse (remark + frontmatter + gfm + prose map)': () => texts.forEach((t) => (sink += parseNewsDocument(t).blocks.length)),
  'copydesk lint (parse + all enabled rules)': () => texts.forEach((t) => (sink += lintText(t, style).findings.length)),
};
const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (const fn of Object.values(runs)) fn(); // warm-up: JIT and caches
for (let round = 0; round < ROUNDS; round++) for (const [name, fn] of Object.entries(runs)) samples[name].push(time(fn));

const mb = bytes / 1024 / 1024;
console.log(`engine throughput: ${texts.length} files, ${mb.toFixed(2)} MB from corpus-dev, median CPU time of ${ROUNDS} rounds`);
for (const [name, values] of Object.entries(samples)) {
  const ms = median(values);
  console.log(`  ${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ${(texts.length / (ms / 1000)).toFixed(0).padStart(7)} files/s  ${(mb / (ms / 1000)).toFixed(2).padStart(6)} MB/s`);
}
const parseMs = median(samples['remark-parse alone']);
const lintMs = median(samples['copydesk lint (parse + all enabled rules)']);
const ownParseMs = median(samples['copydesk parse (remark + frontmatter + gfm + prose map)']);
const ratio = lintMs / parseMs;
console.log(`  rule time per article: ${(((lintMs - ownParseMs) / texts.length) * 1000).toFixed(1)} µs`);
console.log(`  lint / bare parse ratio: ${ratio.toFixed(2)} (target <= ${TARGET_RATIO.toFixed(1)}): ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
if (sink === -1) console.log(sink); // keeps the work observable
if (ratio > TARGET_RATIO) process.exitCode = 1;

// Linear scaling in line length, style size and nesting (bench/scaling.js).
const { runScalingBench } = await import('./scaling.js');
if (!runScalingBench()) process.exitCode = 1;

// The copydesk command over 20,000 drafts: default settings, --cache, --jobs 1 (see cli-scale.js).
runCliScaleBench();
