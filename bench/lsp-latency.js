// Language-server latency: didChange -> publishDiagnostics for that version, debounce set to 0,
// for drafts of 500, 2,000 and 20,000 words of generated house-style text; then the workspace scan
// (workspace/diagnostic) of 2,000 drafts on disk: time and the server's peak memory. Run after
// `npm run build`. Starts the built server over stdio and kills it at the end; loops are bounded.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import { lintText } from '../out/server/src/engine/lint.js';
import { compileStyle } from '../out/server/src/runner/style.js';
import { recommendedConfig } from '../out/server/src/config/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverJs = path.join(root, 'out', 'server', 'src', 'lsp', 'server.js');
const SIZES = [500, 2_000, 20_000];
const EDITS = Number(process.env.BENCH_LSP_EDITS ?? 50);
const TARGET_WORDS = 2_000;
const TARGET_P95_MS = 25;
const WAIT_LIMIT_MS = 30_000;

// Invented house-style copy: a dateline, defined acronyms, attributed quotes, numbers, a few slips.
const CITIES = ['Almaty', 'Bishkek', 'Tashkent', 'Dushanbe', 'Astana'];
const SENTENCES = [
  'Officials from the Interior Ministry (MVD) met border guards on Tuesday (April 30) to plan new patrols.',
  '"We will keep working with our partners until every route is safe," the MVD spokesman said.',
  'The OSCE trained 12 officers in how to spot forged documents, organisers said.',
  'Three regional offices took part, and nine more are expected to join next year.',
  'Critics claimed the programme was too small, but the ministry said funding would grow.',
  'The National Security Committee (KNB) declined to comment on the cases.',
  'Police said the course covered interviews with victims and the use of shared databases.',
  'Local media reported that 15 suspects had been detained since the start of the year.',
];

function draftOfWords(words) {
  const paragraphs = ['Border guards finish training course', ''];
  paragraphs.push(`${CITIES[0].toUpperCase()}, Kazakhstan -- ${SENTENCES[0]}`, '');
  let count = 5 + SENTENCES[0].split(/\s+/).length;
  for (let i = 1; count < words; i++) {
    const sentences = [];
    for (let k = 0; k < 3 && count < words; k++) {
      const sentence = SENTENCES[(i * 3 + k) % SENTENCES.length].replace('Almaty', CITIES[i % CITIES.length]);
      sentences.push(sentence);
      count += sentence.split(/\s+/).length;
    }
    paragraphs.push(sentences.join(' '), '');
  }
  return paragraphs.join('\n');
}

/** Median of in-process lintText runs on the same text: the engine's share of the round trip. */
function engineMedianMs(text, rounds) {
  const style = compileStyle(recommendedConfig());
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    lintText(text, style);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.on('error', (error) => {
    console.error(`lsp bench: could not start ${path.relative(process.cwd(), serverJs)} (${error.message}); run npm run build first`);
    process.exit(2);
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map(); // "uri#version" -> resolve
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    const resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(p);
    }
  });
  connection.listen();
  const diagnosticsFor = (uri, version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
      waiting.set(`${uri}#${version}`, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });

  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    capabilities: {},
    // Untitled drafts have no style file: check them under the built-in style. No workspace scan
    // of the repository here (the scan has its own measurement below).
    initializationOptions: { debounceMs: 0, lintWithoutStyle: true, workspaceDiagnostics: false },
  });
  await connection.sendNotification('initialized', {});

  console.log(`language server latency: didChange -> publishDiagnostics, debounce 0, ${EDITS} single-character edits per draft`);
  let verdict = 'n/a';
  try {
    for (const words of SIZES) {
      const text = draftOfWords(words);
      // An untitled document: the built-in style, no config discovery from the repository.
      const uri = `untitled:bench-${words}.md`;
      let version = 1;
      const opened = diagnosticsFor(uri, version);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      const first = await opened;
      const lines = text.split('\n');
      const line = Math.floor(lines.length / 2) + ((Math.floor(lines.length / 2) % 2) ? 1 : 0);
      const times = [];
      for (let i = 0; i < EDITS; i++) {
        version++;
        // Alternately type an "x" at the start of a middle line and delete it again.
        const change = i % 2 === 0
          ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }
          : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
        const published = diagnosticsFor(uri, version);
        const start = process.hrtime.bigint();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await published;
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      times.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      const label = `${words.toLocaleString('en-US')} words`.padEnd(14);
      const engine = engineMedianMs(text, words > 5_000 ? 5 : 15);
      console.log(
        `  ${label} p50 ${p50.toFixed(2).padStart(7)} ms  p95 ${p95.toFixed(2).padStart(7)} ms  ` +
          `(engine lintText alone, median: ${engine.toFixed(2)} ms; ${first.diagnostics.length} diagnostics)`,
      );
      if (words === TARGET_WORDS) verdict = p95 < TARGET_P95_MS ? 'PASS' : 'FAIL';
    }
    console.log(`  2,000-word p95 under ${TARGET_P95_MS} ms: ${verdict}`);
  } finally {
    connection.dispose();
    child.kill();
  }
}

/** The server's peak resident memory (Linux /proc), in MB, or null elsewhere. */
function peakMemoryMb(pid) {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** workspace/diagnostic over a folder of DRAFTS drafts under a style file: first scan, then a pass with nothing changed. */
async function workspaceScan() {
  const drafts = Number(process.env.BENCH_SCAN_DRAFTS ?? 2_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-scan-'));
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  try {
    fs.writeFileSync(path.join(dir, '.copydesk.yaml'), '# bench style: copydesk:recommended\n');
    for (let i = 0; i < drafts; i++) {
      const folder = path.join(dir, `desk-${i % 20}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `story-${i}.md`), draftOfWords(300 + (i % 7) * 50));
    }
    connection.listen();
    const rootUri = pathToFileURL(dir).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: false } } },
      initializationOptions: { debounceMs: 0 },
    });
    await connection.sendNotification('initialized', {});
    const baseline = peakMemoryMb(child.pid);
    let start = process.hrtime.bigint();
    const first = await connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const firstMs = Number(process.hrtime.bigint() - start) / 1e6;
    const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId }));
    start = process.hrtime.bigint();
    const second = await connection.sendRequest('workspace/diagnostic', { previousResultIds: previous });
    const secondMs = Number(process.hrtime.bigint() - start) / 1e6;
    const peak = peakMemoryMb(child.pid);
    const problems = first.items.reduce((n, i) => n + (i.items?.length ?? 0), 0);
    const unchanged = second.items.filter((i) => i.kind === 'unchanged').length;
    console.log(`workspace scan (workspace/diagnostic) of ${drafts.toLocaleString('en-US')} drafts under one style file:`);
    console.log(`  first scan ${(firstMs / 1000).toFixed(2)} s (${(firstMs / drafts).toFixed(2)} ms a draft, ${first.items.length} reports, ${problems} problems)`);
    console.log(`  nothing changed ${secondMs.toFixed(0)} ms (${unchanged} unchanged reports)`);
    console.log(`  server peak memory ${peak === null ? 'n/a (no /proc)' : `${peak.toFixed(0)} MB (${baseline?.toFixed(0)} MB after start)`}`);
  } finally {
    connection.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(workspaceScan).catch((error) => {
  console.error(`lsp bench: ${error.message}`);
  process.exit(1);
});
