// The copydesk command at newsroom scale: 20,000 drafts (corpus-dev stories read in place,
// copied only into a temp folder, each copy made unique by a numbered front-matter line),
// linted by the CLI with default settings, then twice with --cache (cold, warm) and with
// --jobs 1, each against remark-parse alone on one thread over the same files. Prints wall
// and CPU time (all threads), peak memory, the ratios and the machine's load average as each
// run began: on a shared machine a wall ratio means something only at a like load, CPU ratios
// hold up better (the targets are wall-clock, as a desk waits for them). The temp folder is
// removed at the end.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus-dev');
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 20_000);
const TARGETS = { defaultVsParse: 1.0, cachedVsParse: 0.1, peakMb: 500 };

function stories() {
  const found = [];
  for (const sub of fs.readdirSync(corpus).sort()) {
    const dir = path.join(corpus, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.md')) found.push(path.join(dir, name));
  }
  return found;
}

/** Copies stories round-robin into `dir` until there are DRAFTS, each with its own numbered line. */
function makeDrafts(dir, sources) {
  const texts = sources.map((file) => fs.readFileSync(file, 'utf8'));
  const files = [];
  for (let i = 0; i < DRAFTS; i++) {
    const text = texts[i % texts.length];
    const unique = text.startsWith('---\n') ? `---\nbench_copy: ${i}\n${text.slice(4)}` : `${text}\n\nBench copy ${i}.\n`;
    const file = path.join(dir, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`, `draft-${String(i).padStart(5, '0')}.md`);
    if (i % 1000 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, unique);
    files.push(file);
  }
  return files;
}

function bareParse(files) {
  const load = os.loadavg()[0];
  const parser = unified().use(remarkParse);
  let sink = 0;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (const file of files) sink += parser.parse(fs.readFileSync(file, 'utf8')).children.length;
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, sink, load };
}

function cli(dir, args) {
  const load = os.loadavg()[0];
  const statsFile = path.join(dir, '..', `stats-${process.pid}.json`);
  const wall = performance.now();
  const run = spawnSync(process.execPath, [path.join(root, 'bench', 'run-cli.mjs'), ...args], {
    cwd: dir,
    env: { ...process.env, COPYDESK_BENCH_STATS: statsFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wallMs = performance.now() - wall;
  if (run.status !== 0 && run.status !== 1) throw new Error(`copydesk ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
  fs.rmSync(statsFile);
  return { wallMs, cpuMs: stats.cpuMs, peakMb: stats.maxRssKb / 1024, load };
}

export function runCliScaleBench() {
  if (!fs.existsSync(corpus)) {
    console.error(`bench: the dev corpus is missing at ${path.relative(process.cwd(), corpus)} (shared/ must sit beside the repository)`);
    process.exitCode = 2;
    return;
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
  const dir = path.join(temp, 'drafts');
  fs.mkdirSync(dir);
  try {
    const sources = stories();
    const files = makeDrafts(dir, sources);
    const mb = files.reduce((n, f) => n + fs.statSync(f).size, 0) / 1024 / 1024;
    const load = os.loadavg()[0].toFixed(1);
    console.log(`\ncopydesk at scale: ${files.length} drafts (${sources.length} corpus-dev stories, copies made unique), ${mb.toFixed(1)} MB, ${os.availableParallelism()} cores, load ${load} at start`);
    const parse = bareParse(files);
    const runs = [
      ['copydesk (default settings)', []],
      ['copydesk --cache (cold: fills the cache)', ['--cache']],
      ['copydesk --cache (warm)', ['--cache']],
      ['copydesk --jobs 1', ['--jobs', '1']],
    ].map(([name, args]) => [name, cli(dir, args)]);
    const row = (name, r) =>
      console.log(
        `  ${name.padEnd(42)} wall ${(r.wallMs / 1000).toFixed(1).padStart(6)} s (${(r.wallMs / parse.wallMs).toFixed(2)}x)   cpu ${(r.cpuMs / 1000).toFixed(1).padStart(6)} s (${(r.cpuMs / parse.cpuMs).toFixed(2)}x)` +
          (r.peakMb ? `   peak ${r.peakMb.toFixed(0).padStart(4)} MB` : ' '.repeat(15)) +
          `   load ${r.load.toFixed(1)}`,
      );
    row('remark-parse alone, one thread', parse);
    for (const [name, r] of runs) row(name, r);
    const [plain, , warm, single] = runs.map(([, r]) => r);
    const peak = Math.max(...runs.map(([, r]) => r.peakMb));
    const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
    const checks = [
      [`default vs bare parse (wall): ${(plain.wallMs / parse.wallMs).toFixed(2)}x (target <= ${TARGETS.defaultVsParse})`, plain.wallMs / parse.wallMs <= TARGETS.defaultVsParse],
      [`--cache warm vs bare parse (wall): ${(warm.wallMs / parse.wallMs).toFixed(2)}x (target <= ${TARGETS.cachedVsParse})`, warm.wallMs / parse.wallMs <= TARGETS.cachedVsParse],
      [`peak memory: ${peak.toFixed(0)} MB (goal < ${TARGETS.peakMb} MB)`, peak < TARGETS.peakMb],
    ];
    for (const [text, ok] of checks) console.log(`  ${text}: ${verdict(ok)}`);
    console.log(`  --jobs 1 vs default: ${(single.wallMs / plain.wallMs).toFixed(2)}x speed-up from worker threads (wall); load ${os.loadavg()[0].toFixed(1)} at the end`);
    if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runCliScaleBench();
