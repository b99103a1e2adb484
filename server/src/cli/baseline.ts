// --write-baseline / --baseline: the problems a desk already knows about, so that only new ones
// fail. Per draft (path relative to the baseline file), per fingerprint, how many there were.

import fs from 'node:fs';
import path from 'node:path';
import type { FileReport, ReportMessage } from './report.js';
import { writeNewFileAtomic } from './write.js';

const MARKER = 'copydesk-baseline';

type Counts = Record<string, Record<string, number>>;

function keyOf(baselineFile: string, report: FileReport): string {
  return path.isAbsolute(report.filePath) ? path.relative(path.dirname(baselineFile), report.filePath).split(path.sep).join('/') : report.filePath;
}

export function writeBaseline(file: string, reports: readonly FileReport[]): void {
  const files: Counts = {};
  for (const report of reports) {
    if (report.messages.length === 0) continue;
    const counts: Record<string, number> = {};
    for (const m of report.messages) counts[`${m.ruleId}:${m.fingerprint}`] = (counts[`${m.ruleId}:${m.fingerprint}`] ?? 0) + 1;
    files[keyOf(file, report)] = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeNewFileAtomic(file, JSON.stringify({ format: MARKER, version: 1, files: sorted }, null, 2) + '\n');
}

export type Baseline = { ok: true; file: string; counts: Counts } | { ok: false; message: string };

export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, message: missing ? `baseline file not found: ${file}; write one with --write-baseline` : `${file} is not a copydesk baseline (not valid JSON); write it again with --write-baseline` };
  }
  const valid =
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>).format === MARKER &&
    isCounts((data as Record<string, unknown>).files);
  if (!valid) return { ok: false, message: `${file} is not a copydesk baseline; write it again with --write-baseline` };
  return { ok: true, file, counts: (data as { files: Counts }).files };
}

function isCounts(value: unknown): value is Counts {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every(
    (perFile) => typeof perFile === 'object' && perFile !== null && Object.values(perFile).every((n) => Number.isInteger(n) && (n as number) > 0),
  );
}

/** The messages of a report that the baseline does not account for (each known one absorbs one occurrence). */
export function newMessages(baseline: Extract<Baseline, { ok: true }>, report: FileReport): ReportMessage[] {
  const known = { ...(baseline.counts[keyOf(baseline.file, report)] ?? {}) };
  return report.messages.filter((m) => {
    const key = `${m.ruleId}:${m.fingerprint}`;
    if ((known[key] ?? 0) > 0) {
      known[key]--;
      return false;
    }
    return true;
  });
}
