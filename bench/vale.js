// Vale styles on the hot path: drafts linted under the published write-good style against a
// Markdown parse of the same drafts, remark-parse alone, the baseline every bench here uses
// (target: within 2x); the ratio to Copydesk's own parse is printed beside it. Our parse builds
// plain paragraphs without micromark and costs a fraction of remark-parse, so a ratio to it
// measures the parse more than the style. And term-list scaling — the lint time with 100,000
// terms against 1,000 (target: within 2x; a trie, not one regex).
// CPU time, medians, rounds alternating. Reads ../shared in place; skips what is absent.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../out/server/src/engine/lint.js';
import { parseNewsDocument } from '../out/server/src/engine/document.js';
import { compileStyle } from '../out/server/src/runner/style.js';
import { loadValeStyle } from '../out/server/src/config/vale.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const TARGET = 2.0;

function time(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Times each run (the first is the base, the last the measured one); checks last / first against the target. */
function compare(label, runs) {
  const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (const fn of Object.values(runs)) fn();
  for (let r = 0; r < ROUNDS; r++) for (const [k, fn] of Object.entries(runs)) samples[k].push(time(fn));
  const keys = Object.keys(runs);
  const [base, measured] = [keys[0], keys[keys.length - 1]];
  for (const k of keys) console.log(`  ${k.padEnd(52)} ${median(samples[k]).toFixed(1).padStart(8)} ms`);
  const ratio = median(samples[measured]) / median(samples[base]);
  console.log(`  ${label}: ${ratio.toFixed(2)} (target <= ${TARGET.toFixed(1)}): ${ratio <= TARGET ? 'PASS' : 'FAIL'}`);
  if (ratio > TARGET) process.exitCode = 1;
  return samples;
}

function configOf(custom, terms = {}) {
  return { rules: {}, acronyms: { dictionary: {}, exempt: [] }, dateline: { form: '{CITY}, {Region} -- ', standalone: [], region: 'optional' }, terms, custom };
}

const corpus = path.join(shared, 'corpus-dev');
const texts = [];
if (fs.existsSync(corpus)) {
  for (const sub of fs.readdirSync(corpus).sort()) {
    const dir = path.join(corpus, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort().slice(0, 150)) if (name.endsWith('.md')) texts.push(fs.readFileSync(path.join(dir, name), 'utf8'));
  }
} else {
  for (const name of fs.readdirSync(path.join(root, 'test-fixtures', 'vale'))) if (name.startsWith('news-')) texts.push(fs.readFileSync(path.join(root, 'test-fixtures', 'vale', name), 'utf8'));
}
let sink = 0;

const writeGood = path.join(shared, 'vale', 'styles', 'write-good', 'write-good');
if (fs.existsSync(writeGood)) {
  // Every rule on, suggestions included: a superset of what `extends:` runs by default.
  const all = loadValeStyle(writeGood).rules.map((r) => ({ ...r, severity: 'warning' }));
  console.log(`Vale write-good style (${all.length} rules): ${texts.length} drafts, median CPU time of ${ROUNDS} rounds`);
  const style = compileStyle(configOf(all));
  const bare = unified().use(remarkParse);
  const samples = compare('write-good lint / remark-parse ratio', {
    'remark-parse alone': () => texts.forEach((t) => (sink += bare.parse(t).children.length)),
    'copydesk parse': () => texts.forEach((t) => (sink += parseNewsDocument(t).blocks.length)),
    'parse + every write-good rule': () => texts.forEach((t) => (sink += lintText(t, style).findings.length)),
  });
  const own = median(samples['parse + every write-good rule']) / median(samples['copydesk parse']);
  console.log(`  write-good lint / copydesk parse ratio: ${own.toFixed(2)} (for information: our parse is the smaller part)`);
} else console.log('Vale write-good style: skipped (../shared/vale is absent)');

function termsStyle(n) {
  const terms = {};
  for (let i = 0; i < n; i++) terms[`term${i} phrase${i % 97}`] = `house${i}`;
  terms.organization = 'organisation';
  return compileStyle(configOf([], terms));
}
console.log(`Term-list scaling: ${texts.length} drafts, terms rule only`);
const small = termsStyle(1000);
const large = termsStyle(100000);
const docs = texts.map((t) => parseNewsDocument(t));
compare('100,000 terms / 1,000 terms check ratio', {
  '1,000 terms (terms check only, drafts parsed once)': () => docs.forEach((d) => (sink += small.terms.check(d).length)),
  '100,000 terms (terms check only, drafts parsed once)': () => docs.forEach((d) => (sink += large.terms.check(d).length)),
});
const build1k = time(() => termsStyle(1000));
const build100k = time(() => termsStyle(100000));
console.log(`  compile: 1,000 terms ${build1k.toFixed(1)} ms, 100,000 terms ${build100k.toFixed(1)} ms (${(build100k / build1k).toFixed(0)}x for 100x the terms: linear)`);
if (sink === -1) console.log(sink);
