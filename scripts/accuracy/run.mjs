// Recall harness: plants one known error into copies of real stories (in a temp folder,
// never the repo) and measures how often the responsible rule catches it. `npm run accuracy`.
//
// Every scripts/accuracy/plant-*.mjs exports
//   export const kinds = [{ name, goal, outlets, plant(text, rng, context) }]
// where plant returns null (no place to plant), { text, start, end, rule } or an array of
// them (several places, each planted in its own copy): the story with one planted error, the UTF-16 span [start, end) of the error in the new text, and the rule
// id that must catch it. `context` ({ outlet, config }) is optional reading for planters
// that must not plant what the outlet's style allows (an exempt acronym, say).
// A plant is caught when the linted copy has a finding of that rule overlapping the span
// that the unplanted original did not have. Exit 1 when a kind misses its goal.
//
// Options: --kind NAME (repeatable), --outlet reuters|bbc, --limit N (stories per outlet),
// --seed N, --misses (print each miss: file, span and the planted text around it).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus-dev');
const OUT = path.join(ROOT, 'out', 'server', 'src');

const { values: args } = parseArgs({
  options: {
    kind: { type: 'string', multiple: true },
    outlet: { type: 'string' },
    limit: { type: 'string' },
    seed: { type: 'string', default: '1' },
    misses: { type: 'boolean', default: false },
  },
});

if (!fs.existsSync(CORPUS)) {
  console.log(`accuracy: skipped, the dev corpus is not beside the repository (looked for ../shared/corpus-dev).`);
  process.exit(0);
}
if (!fs.existsSync(path.join(OUT, 'engine', 'lint.js'))) {
  console.error('accuracy: the engine is not built; run "npm run build" first (or "npm run accuracy", which builds).');
  process.exit(2);
}

const { ConfigResolver } = await import(pathToFileURL(path.join(OUT, 'config', 'index.js')).href);
const { lintText } = await import(pathToFileURL(path.join(OUT, 'engine', 'lint.js')).href);
const { compileStyle } = await import(pathToFileURL(path.join(OUT, 'runner', 'style.js')).href);

/** mulberry32: a small seeded generator, so every run plants the same errors. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

async function loadKinds() {
  const files = fs.readdirSync(HERE).filter((f) => /^plant-.*\.mjs$/.test(f)).sort();
  const kinds = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(HERE, file)).href);
    if (!Array.isArray(mod.kinds)) throw new Error(`${file} must export an array "kinds"`);
    for (const kind of mod.kinds) {
      for (const key of ['name', 'goal', 'outlets', 'plant']) {
        if (kind[key] === undefined) throw new Error(`${file}: a kind lacks "${key}"`);
      }
      kinds.push({ ...kind, file });
    }
  }
  return kinds;
}

function loadStyle(outlet) {
  const configPath = path.join(ROOT, 'test-fixtures', 'styles', `${outlet}.yaml`);
  const result = new ConfigResolver({ configPath }).forFile(path.join(ROOT, 'test-fixtures', 'styles', 'x.md'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return { config: result.value.config, style: compileStyle(result.value.config) };
}

function storiesOf(outlet) {
  const dir = path.join(CORPUS, outlet);
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const limit = args.limit ? Number(args.limit) : Infinity;
  return names.slice(0, limit).map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

const overlaps = (f, start, end) => (start === end ? f.start <= start && f.end >= start : f.start < end && f.end > start);

/** Whether the planted copy has a finding of `rule` over [start, end) that the original lacked. */
function caught(originalFindings, plantedFindings, original, planted) {
  const delta = planted.text.length - original.length;
  const oldEnd = planted.end - delta;
  const mapped = new Set(
    originalFindings
      .filter((f) => f.rule === planted.rule)
      .map((f) => {
        const shift = f.start >= oldEnd ? delta : 0;
        return `${f.start + shift}:${f.end + (f.end >= oldEnd ? delta : 0)}:${f.message}`;
      }),
  );
  return plantedFindings.some(
    (f) => f.rule === planted.rule && overlaps(f, planted.start, planted.end) && !mapped.has(`${f.start}:${f.end}:${f.message}`),
  );
}

function excerpt(text, start, end) {
  const from = Math.max(0, start - 90);
  const to = Math.min(text.length, end + 90);
  return `${text.slice(from, start)}[[${text.slice(start, end)}]]${text.slice(end, to)}`.replace(/\s+/g, ' ');
}

const kinds = (await loadKinds()).filter((k) => !args.kind || args.kind.includes(k.name));
if (kinds.length === 0) {
  console.error('accuracy: no planter kinds match.');
  process.exit(2);
}
const outlets = [...new Set(kinds.flatMap((k) => k.outlets))].filter((o) => !args.outlet || o === args.outlet);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-accuracy-'));
const rows = [];
try {
  const perOutlet = new Map();
  for (const outlet of outlets) {
    const { config, style } = loadStyle(outlet);
    const stories = storiesOf(outlet).map((s) => ({ ...s, findings: null }));
    perOutlet.set(outlet, { config, style, stories });
  }
  for (const kind of kinds) {
    let planted = 0;
    let hits = 0;
    const misses = [];
    for (const outlet of kind.outlets.filter((o) => perOutlet.has(o))) {
      const { config, style, stories } = perOutlet.get(outlet);
      fs.mkdirSync(path.join(tmp, kind.name, outlet), { recursive: true });
      for (const story of stories) {
        const rng = seeded(hash(`${args.seed}:${kind.name}:${outlet}:${story.name}`));
        const returned = kind.plant(story.text, rng, { outlet, config });
        const results = returned === null || returned === undefined ? [] : [returned].flat();
        for (const [i, result] of results.entries()) {
          if (result.text === story.text) throw new Error(`${kind.file}: kind ${kind.name} returned the story unchanged (${story.name})`);
          // The copy lives in the temp folder and is linted from there, as a user's file would be.
          const copy = path.join(tmp, kind.name, outlet, i === 0 ? story.name : `${i}-${story.name}`);
          fs.writeFileSync(copy, result.text);
          story.findings ??= lintText(story.text, style).findings;
          const findings = lintText(fs.readFileSync(copy, 'utf8'), style).findings;
          planted++;
          if (caught(story.findings, findings, story.text, result)) hits++;
          else misses.push(`${outlet}/${story.name} ${result.start}-${result.end}: ${excerpt(result.text, result.start, result.end)}`);
        }
      }
    }
    const recall = planted === 0 ? 0 : hits / planted;
    rows.push({ kind: kind.name, planted, caught: hits, recall, goal: kind.goal, ok: planted > 0 && recall >= kind.goal });
    if (args.misses && misses.length > 0) console.log(`\nmisses for ${kind.name}:\n${misses.map((m) => `  ${m}`).join('\n')}`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

const pct = (x) => `${(x * 100).toFixed(1)} %`;
const table = [['planted error', 'planted', 'caught', 'recall', 'goal', ''], ...rows.map((r) => [r.kind, String(r.planted), String(r.caught), pct(r.recall), pct(r.goal), r.ok ? 'ok' : 'MISSED'])];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log('');
for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd());
const failed = rows.filter((r) => !r.ok);
console.log(failed.length === 0 ? '\nEvery kind meets its goal.' : `\n${failed.length} kind(s) below goal: ${failed.map((r) => r.kind).join(', ')}.`);
process.exit(failed.length === 0 ? 0 : 1);
