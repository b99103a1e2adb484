// Reads Vale's own Cucumber scenarios (../shared/vale/vale-testdata/features) and runs the
// Markdown and text fixtures of each through Copydesk with the scenario's .vale.ini, giving
// lines in Vale's `file:line:col:Style.Rule:message` form to compare with Vale's expected ones.

import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';
import { loadValeStyle } from '../../src/config/vale.js';
import { readValeIni, valeRulesFor } from '../../src/config/vale/ini.js';
import { compileStyle } from '../../src/runner/style.js';
import { lintText } from '../../src/engine/lint.js';
import type { ResolvedConfig } from '../../src/engine/types.js';

export const VALE_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'vale');
const TESTDATA = path.join(VALE_DIR, 'vale-testdata');
const DRAFT = /\.(?:md|markdown|txt)$/;

export interface Scenario {
  feature: string;
  name: string;
  step: string;
  arg: string;
  expected: string[];
  /** "should contain exactly": Vale's whole output; "should contain": only lines it must hold. */
  exact: boolean;
}

export function readScenarios(): Scenario[] {
  const dir = path.join(TESTDATA, 'features');
  const scenarios: Scenario[] = [];
  for (const feature of fs.readdirSync(dir).filter((f) => f.endsWith('.feature')).sort()) {
    const text = fs.readFileSync(path.join(dir, feature), 'utf8');
    for (const block of text.split(/\n\s*Scenario:/).slice(1)) {
      const when = /^\s*When (I [a-zA-Z ]+?) "([^"]*)"/m.exec(block);
      const doc = /"""\n([^]*?)"""/.exec(block);
      if (!when || !doc) continue;
      const expected = doc[1].split('\n').map((l) => l.trim()).filter(Boolean);
      const exact = /Then the output should contain exactly:/.test(block);
      scenarios.push({ feature, name: block.split('\n')[0].trim(), step: when[1], arg: when[2], expected, exact });
    }
  }
  return scenarios;
}

interface Plan {
  cwd: string;
  targets: string[];
  ini: string | null;
}

/** Where Vale's step definitions run each step; null for steps that are not about lint results of drafts. */
export function planScenario(s: Scenario): Plan | null {
  const fixtures = path.join(TESTDATA, 'fixtures');
  const inDir = (dir: string, targets: string[], ini: string | null = null): Plan => ({ cwd: path.join(fixtures, dir), targets, ini });
  switch (s.step) {
    case 'I test':
      return inDir(s.arg, ['.']);
    case 'I test scope':
      return inDir(path.join('scopes', s.arg), ['.']);
    case 'I apply style':
      return inDir(path.join('styles', s.arg), ['.']);
    case 'I use Vocab':
      return inDir(path.join('vocab', s.arg), ['.']);
    case 'I test patterns for':
      return inDir('patterns', [s.arg]);
    case 'I test comments for':
      return inDir('comments', [`test${s.arg}`]);
    case 'I lint':
      return inDir('formats', s.arg.split(/\s+/));
    case 'I lint with config':
      return inDir('formats', ['test.md'], path.resolve(fixtures, 'formats', s.arg));
    default:
      return null;
  }
}

function findIni(cwd: string): string | null {
  for (let dir = cwd; dir.startsWith(TESTDATA); dir = path.dirname(dir)) {
    for (const name of ['.vale.ini', '_vale.ini', '.vale', '_vale']) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

function draftsUnder(cwd: string, target: string): string[] {
  const full = path.join(cwd, target);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return DRAFT.test(target) ? [path.normalize(target)] : [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const rel = path.join(target, entry.name);
    if (entry.isDirectory()) out.push(...draftsUnder(cwd, rel));
    else if (DRAFT.test(entry.name)) out.push(path.normalize(rel));
  }
  return out.sort();
}

/** 1-based line and column (in code points) of a source offset; CR, LF and CRLF all end a line. */
export function lineColumn(source: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (const m of source.slice(0, offset).matchAll(/\r\n|\r|\n/g)) {
    line++;
    lineStart = (m.index ?? 0) + m[0].length;
  }
  return [line, [...source.slice(lineStart, offset)].length + 1];
}

export interface Run {
  /** Copydesk's lines for the scenario's drafts. */
  lines: string[];
  /** Vale's expected lines for those drafts. */
  expected: string[];
  /** Rule id -> Vale check type, for every rule named. */
  types: Map<string, string>;
}

export function runScenario(s: Scenario, plan: Plan): Run {
  const ini = plan.ini ?? findIni(plan.cwd);
  const drafts = plan.targets.flatMap((t) => draftsUnder(plan.cwd, t));
  const draftSet = new Set(drafts.map((d) => d.split(path.sep).join('/')));
  const expected = s.expected.filter((l) => draftSet.has(l.split(':')[0]));
  const types = new Map<string, string>();
  const lines: string[] = [];
  const parsed = ini ? readValeIni(ini) : null;
  for (const draft of drafts) {
    if (!parsed?.ok) continue;
    const rel = path.relative(path.dirname(ini!), path.join(plan.cwd, draft)).split(path.sep).join('/');
    const loaded = valeRulesFor(parsed.ini, rel, loadValeStyle);
    for (const rule of loaded.rules) types.set(rule.id, rule.kind);
    const config: ResolvedConfig = {
      rules: {},
      acronyms: { dictionary: {}, exempt: [] },
      dateline: { form: '{CITY}, {Region} -- ', standalone: [], region: 'optional' },
      custom: loaded.rules,
    };
    const source = fs.readFileSync(path.join(plan.cwd, draft), 'utf8');
    const name = draft.split(path.sep).join('/');
    for (const f of lintText(source, compileStyle(config)).findings) {
      const [line, column] = lineColumn(source, f.start);
      lines.push(`${name}:${line}:${column}:${f.rule}:${f.message}`);
    }
  }
  // Rules Vale reported that Copydesk did not load: their type from the rule file itself.
  const stylesPath = parsed?.ok ? path.resolve(path.dirname(ini!), parsed.ini.global.find((e) => e.key === 'StylesPath')?.value ?? 'styles') : '';
  for (const l of expected) {
    const id = l.split(':')[3];
    if (types.has(id)) continue;
    const [style, rule] = id.split('.');
    const builtin: Record<string, string> = { 'Vale.Repetition': 'repetition', 'Vale.Terms': 'substitution', 'Vale.Avoid': 'existence', 'Vale.Spelling': 'spelling' };
    const file = path.join(stylesPath, style, `${rule}.yml`);
    const kind = builtin[id] ?? (fs.existsSync(file) ? /^extends:\s*(\w+)/m.exec(fs.readFileSync(file, 'utf8'))?.[1] : undefined) ?? 'unknown';
    types.set(id, kind);
  }
  return { lines, expected, types };
}
