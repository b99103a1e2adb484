// The corpus review: every finding on ../shared/corpus-dev/<outlet> under the outlet's style,
// matched against the reviewed rows in test-fixtures/corpus-review/<outlet>.tsv. Shared by the
// review test and scripts/corpus-review.mjs; reads the corpus in place and never copies it.

import fs from 'node:fs';
import path from 'node:path';
import { ConfigResolver } from '../../src/config/index.js';
import { lintText } from '../../src/engine/lint.js';
import { computeLineStarts, lineOf } from '../../src/engine/lines.js';
import { compileStyle } from '../../src/runner/style.js';
import type { CompiledStyle } from '../../src/engine/style.js';
import { CORPUS, FIXTURES } from './paths.js';

export const OUTLETS = ['reuters', 'bbc'] as const;
export type Outlet = (typeof OUTLETS)[number];
export const VERDICTS = ['true', 'false', 'debatable', 'unreviewed'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const HEADER = ['file', 'rule', 'line', 'verdict', 'reason'] as const;

/** A finding as the review sees it: where, which rule, and the message to read when reviewing. */
export interface CorpusFinding {
  file: string;
  rule: string;
  line: number;
  message: string;
}

export interface ReviewRow {
  file: string;
  rule: string;
  line: number;
  verdict: Verdict;
  reason: string;
}

export interface Drift {
  /** Findings with no row. */
  added: CorpusFinding[];
  /** Rows with no finding. */
  gone: ReviewRow[];
}

export function corpusAvailable(): boolean {
  return OUTLETS.every((outlet) => fs.existsSync(path.join(CORPUS, outlet)));
}

export function reviewPath(outlet: Outlet): string {
  return path.join(FIXTURES, 'corpus-review', `${outlet}.tsv`);
}

export function styleFor(outlet: Outlet): CompiledStyle {
  const file = path.join(FIXTURES, 'styles', `${outlet}.yaml`);
  const result = new ConfigResolver({ configPath: file }).forFile(path.join(FIXTURES, 'styles', 'x.md'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return compileStyle(result.value.config);
}

export function storyNames(outlet: Outlet): string[] {
  return fs
    .readdirSync(path.join(CORPUS, outlet))
    .filter((f) => f.endsWith('.md'))
    .sort();
}

/** Every finding of every enabled rule on the outlet's stories, in review order. */
export function lintOutlet(outlet: Outlet): CorpusFinding[] {
  const style = styleFor(outlet);
  const found: CorpusFinding[] = [];
  for (const file of storyNames(outlet)) {
    const text = fs.readFileSync(path.join(CORPUS, outlet, file), 'utf8');
    const lineStarts = computeLineStarts(text);
    for (const f of lintText(text, style).findings) {
      found.push({ file, rule: f.rule, line: lineOf(lineStarts, f.start) + 1, message: f.message.replace(/\s+/g, ' ') });
    }
  }
  return found.sort(byRowOrder);
}


export function byRowOrder(a: { file: string; line: number; rule: string }, b: { file: string; line: number; rule: string }): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
}

const key = (r: { file: string; rule: string; line: number }) => `${r.file}\t${r.rule}\t${r.line}`;

/** Parses a review file; throws with the line number on anything malformed. */
export function parseReview(text: string, name: string): ReviewRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== HEADER.join('\t')) throw new Error(`${name}:1: the header must be "${HEADER.join('\\t')}"`);
  const rows: ReviewRow[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line === '') return;
    const cells = line.split('\t');
    const where = `${name}:${i + 2}`;
    if (cells.length !== HEADER.length) throw new Error(`${where}: expected ${HEADER.length} tab-separated cells, found ${cells.length}`);
    const [file, rule, lineText, verdict, reason] = cells;
    if (!/^[1-9]\d*$/.test(lineText)) throw new Error(`${where}: line must be a positive whole number, not "${lineText}"`);
    if (!(VERDICTS as readonly string[]).includes(verdict)) throw new Error(`${where}: verdict must be one of ${VERDICTS.join(', ')}, not "${verdict}"`);
    if (reason.trim() === '') throw new Error(`${where}: a reason is required`);
    rows.push({ file, rule, line: Number(lineText), verdict: verdict as Verdict, reason });
  });
  return rows;
}

export function readReview(outlet: Outlet): ReviewRow[] {
  const file = reviewPath(outlet);
  return fs.existsSync(file) ? parseReview(fs.readFileSync(file, 'utf8'), path.basename(file)) : [];
}

export function formatReview(rows: readonly ReviewRow[]): string {
  const sorted = [...rows].sort(byRowOrder);
  return [HEADER.join('\t'), ...sorted.map((r) => [r.file, r.rule, r.line, r.verdict, r.reason.replace(/[\t\r\n]+/g, ' ')].join('\t'))].join('\n') + '\n';
}

/** Findings and rows are matched as multisets on (file, rule, line). */
export function driftOf(findings: readonly CorpusFinding[], rows: readonly ReviewRow[]): Drift {
  const open = new Map<string, ReviewRow[]>();
  for (const row of rows) open.set(key(row), [...(open.get(key(row)) ?? []), row]);
  const added: CorpusFinding[] = [];
  for (const f of findings) {
    const list = open.get(key(f));
    if (list && list.length > 0) list.shift();
    else added.push(f);
  }
  const gone = [...open.values()].flat().sort(byRowOrder);
  return { added, gone };
}

/** The rows after a run: reviewed rows of findings still there, new findings unreviewed. */
export function updatedRows(findings: readonly CorpusFinding[], rows: readonly ReviewRow[]): ReviewRow[] {
  const open = new Map<string, ReviewRow[]>();
  for (const row of rows) open.set(key(row), [...(open.get(key(row)) ?? []), row]);
  return findings.map((f) => open.get(key(f))?.shift() ?? { file: f.file, rule: f.rule, line: f.line, verdict: 'unreviewed' as const, reason: f.message });
}

export interface RuleTally {
  rule: string;
  findings: number;
  true: number;
  false: number;
  debatable: number;
  unreviewed: number;
  /** Stories carrying at least one `false` row of this rule. */
  storiesWithFalse: number;
}

export interface OutletTally {
  stories: number;
  rules: RuleTally[];
  /** Stories carrying at least one `false` row of any rule. */
  storiesWithFalse: number;
}

export function tally(rows: readonly ReviewRow[], stories: number): OutletTally {
  const perRule = new Map<string, RuleTally & { falseFiles: Set<string> }>();
  const falseFiles = new Set<string>();
  for (const row of rows) {
    let t = perRule.get(row.rule);
    if (!t) perRule.set(row.rule, (t = { rule: row.rule, findings: 0, true: 0, false: 0, debatable: 0, unreviewed: 0, storiesWithFalse: 0, falseFiles: new Set() }));
    t.findings++;
    t[row.verdict]++;
    if (row.verdict === 'false') {
      t.falseFiles.add(row.file);
      falseFiles.add(row.file);
    }
  }
  const rules = [...perRule.values()]
    .sort((a, b) => a.rule.localeCompare(b.rule))
    .map(({ falseFiles: files, ...t }) => ({ ...t, storiesWithFalse: files.size }));
  return { stories, rules, storiesWithFalse: falseFiles.size };
}

/** Limits from issue 12: false alarms on at most 1 % of stories per rule and 3 % overall. */
export const MAX_FALSE_PER_RULE = 0.01;
export const MAX_FALSE_OVERALL = 0.03;

export function formatTally(outlet: Outlet, t: OutletTally): string {
  const pct = (n: number) => `${((100 * n) / t.stories).toFixed(1)} %`;
  const lines = [`${outlet}: ${t.stories} stories, ${pct(t.storiesWithFalse)} with a false finding`];
  lines.push('  rule                        findings  true  false  debatable  unreviewed  stories-with-false');
  for (const r of t.rules) {
    lines.push(
      `  ${r.rule.padEnd(26)}  ${String(r.findings).padStart(8)}  ${String(r.true).padStart(4)}  ${String(r.false).padStart(5)}  ${String(r.debatable).padStart(9)}  ${String(r.unreviewed).padStart(10)}  ${String(r.storiesWithFalse).padStart(4)} (${pct(r.storiesWithFalse)})`,
    );
  }
  return lines.join('\n');
}
