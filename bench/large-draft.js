// Large drafts through the CLI's own path (checkDraft: parse, rules, report): CPU time for a
// draft 8 times larger must grow about 8 times (linear), and 50 MB must lint well under a minute.
// The drafts are invented here, paragraph by paragraph, every paragraph different.

import { checkDraft } from '../out/server/src/cli/check-draft.js';
import { compileStyle } from '../out/server/src/runner/style.js';
import { recommendedConfig } from '../out/server/src/config/index.js';

const SMALL_MB = 6.25;
const LARGE_MB = 50;
const TARGET_RATIO = 10; // 8 is linear; the rest is room for GC noise
const TARGET_LARGE_S = 45; // "well under a minute" on one core

const CITIES = ['ALMATY, Kazakhstan', 'BISHKEK, Kyrgyzstan', 'DUSHANBE, Tajikistan', 'TASHKENT', 'ASTANA, Kazakhstan'];
const BODIES = ['the OSCE', 'the IMF', 'the Interior Ministry', 'the central bank', 'a regional court'];
const VERBS = ['said', 'told reporters', 'added', 'said in a statement'];

/** Paragraph `i` of an invented wire story: an acronym, a quotation, a figure, a weekday. */
function paragraph(i) {
  const body = BODIES[i % BODIES.length];
  const verb = VERBS[(i >> 2) % VERBS.length];
  return (
    `Officials from ${body} met ${i % 7} delegations on Monday to discuss budget line ${i}, ` +
    `covering ${(i * 37) % 1000} projects in ${12 + (i % 9)} districts. ` +
    `"We expect the plan numbered ${i} to be ready by March," an official ${verb}.`
  );
}

function draftOf(megabytes) {
  const parts = [`Officials meet on budget\n\n${CITIES[0]} -- Officials met on Monday.`];
  let size = parts[0].length;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const p = paragraph(i);
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

function cpuSeconds(fn) {
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, result };
}

const style = compileStyle(recommendedConfig());
const lint = (text) => checkDraft({ filePath: 'big.md', displayPath: 'big.md', text, style, mode: 'lint', quiet: false });
lint(draftOf(0.5)); // warm-up: JIT and caches

const rows = [];
for (const mb of [SMALL_MB, LARGE_MB]) {
  const text = draftOf(mb);
  const { seconds, result } = cpuSeconds(() => lint(text));
  const findings = result.ok ? result.report.messages.length : -1;
  rows.push({ mb, seconds, findings, rssMb: process.memoryUsage().rss / 1024 / 1024 });
}
console.log('large drafts through the CLI path (parse + rules + report), CPU time, one run each:');
for (const r of rows) {
  console.log(`  ${`${r.mb} MB draft`.padEnd(16)} ${r.seconds.toFixed(1).padStart(6)} s  ${String(r.findings).padStart(7)} findings  rss ${r.rssMb.toFixed(0)} MB`);
}
const ratio = rows[1].seconds / rows[0].seconds;
const linear = LARGE_MB / SMALL_MB;
console.log(`  ${LARGE_MB} MB / ${SMALL_MB} MB CPU ratio: ${ratio.toFixed(2)} (linear = ${linear}, target <= ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
console.log(`  ${LARGE_MB} MB in ${rows[1].seconds.toFixed(1)} s CPU (target <= ${TARGET_LARGE_S} s): ${rows[1].seconds <= TARGET_LARGE_S ? 'PASS' : 'FAIL'}`);
if (ratio > TARGET_RATIO || rows[1].seconds > TARGET_LARGE_S) process.exitCode = 1;
