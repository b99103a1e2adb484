// A .vale.ini named by `extends:`: StylesPath, MinAlertLevel, Vocab (accept/reject lists),
// per-glob sections with BasedOnStyles, `Style.Rule = YES|NO|level`, TokenIgnores and
// BlockIgnores. Resolved for one draft name: every section whose glob matches applies, in
// order. The built-in Vale style (Repetition, Terms, Avoid) comes from here too.

import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { CustomRuleSpec } from '../../engine/custom-rules.js';
import { emptyValeSpec } from '../../engine/custom/vale-spec.js';
import type { ConfigError } from '../errors.js';
import { ConfigSource } from '../source.js';
import { VALE_LEVELS, type RuleContext } from './rule.js';
import { htmlScopes } from './html-scopes.js';

interface Entry {
  key: string;
  value: string;
  line: number;
}

export interface ValeIni {
  file: string;
  global: Entry[];
  sections: { glob: string; entries: Entry[] }[];
}

interface Loaded {
  rules: CustomRuleSpec[];
  warnings: string[];
  errors: ConfigError[];
}
type LoadStyle = (dir: string, context: RuleContext, only?: ReadonlySet<string>) => Loaded;

const RANK: Record<string, number> = { suggestion: 0, warning: 1, error: 2 };
const SEVERITY_RANK: Record<string, number> = { info: 0, warning: 1, error: 2 };
/** Keys Copydesk reads; others are named once in a warning. */
/** HTML tags and classes Vale skips or ignores (html-scopes.ts); global or per section. */
const HTML_KEYS = new Set(['SkippedScopes', 'IgnoredScopes', 'IgnoredClasses']);
const GLOBAL_KEYS = new Set(['StylesPath', 'MinAlertLevel', 'Vocab', 'WordTemplate', ...HTML_KEYS]);
const SECTION_KEYS = new Set(['BasedOnStyles', 'TokenIgnores', 'BlockIgnores', 'IgnorePatterns', 'Vocab', ...HTML_KEYS]);
const IGNORED_KEYS = new Set(['Transform', 'Lang', 'CommentDelimiters', 'Packages', 'NLPEndpoint']);

export function readValeIni(file: string): { ok: true; ini: ValeIni } | { ok: false; errors: ConfigError[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, errors: [new ConfigSource(file, '').errorAt({ start: 0, end: 0 }, `cannot read this .vale.ini (${code}); check the extends path`)] };
  }
  const ini: ValeIni = { file, global: [], sections: [] };
  let entries = ini.global;
  const errors: ConfigError[] = [];
  const source = new ConfigSource(file, text);
  let offset = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      entries = [];
      ini.sections.push({ glob: section[1].trim(), entries });
      return;
    }
    const eq = line.indexOf('=');
    if (eq === -1) {
      // The line itself is not quoted: a file that is not a .vale.ini must not leak into logs.
      errors.push(source.errorAt({ start: lineStart, end: lineStart + raw.length }, `line ${i + 1} is neither a [section] nor a key = value line; fix this .vale.ini line`));
      return;
    }
    entries.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: i + 1 });
  });
  return errors.length ? { ok: false, errors } : { ok: true, ini };
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** "(a), (b)": Vale separates ignore patterns by commas between parenthesised patterns. */
function patternList(value: string): string[] {
  return value.split(/(?<=\))\s*,\s*(?=\()/).map((p) => p.trim()).filter(Boolean);
}

function readLines(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  } catch {
    return [];
  }
}

function matches(glob: string, draft: string): boolean {
  if (glob === '*' || glob === 'formats') return glob === '*';
  const negated = glob.startsWith('!');
  // A brace list of one ("*.{md}") is that one item; picomatch would read it literally.
  const pattern = (negated ? glob.slice(1) : glob).replace(/\{([^{},]*)\}/g, '$1');
  const test = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
  return test(draft) !== negated;
}

/** The rules a .vale.ini gives a draft of this name (relative to the ini's folder). */
export function valeRulesFor(ini: ValeIni, draft: string, loadStyle: LoadStyle): Loaded {
  const out: Loaded = { rules: [], warnings: [], errors: [] };
  const at = (line: number) => `${ini.file}:${line}:1`;
  const dir = path.dirname(ini.file);
  const global = new Map(ini.global.map((e) => [e.key, e]));
  for (const e of ini.global) {
    if (!GLOBAL_KEYS.has(e.key) && !IGNORED_KEYS.has(e.key)) out.warnings.push(`${at(e.line)}: "${e.key}" is not a .vale.ini key Copydesk reads; ignored`);
    else if (IGNORED_KEYS.has(e.key)) out.warnings.push(`${at(e.line)}: "${e.key}" has no Copydesk equivalent (drafts are Markdown, packages are not downloaded); ignored`);
  }
  const stylesPath = path.resolve(dir, global.get('StylesPath')?.value ?? 'styles');
  // Vale's default MinAlertLevel is warning: suggestions show only when the ini asks for them.
  const minLevel = global.get('MinAlertLevel')?.value ?? 'warning';
  if (RANK[minLevel] === undefined) out.warnings.push(`${at(global.get('MinAlertLevel')!.line)}: MinAlertLevel "${minLevel}" is not suggestion, warning or error; using suggestion`);

  const styles: string[] = [];
  const settings = new Map<string, string>();
  const ignores: string[] = [];
  const vocabs = list(global.get('Vocab')?.value ?? '');
  // Vale's defaults (script, style, pre, figure; code, tt) are never prose in a Markdown draft.
  const html = new Map<string, Entry>([...HTML_KEYS].flatMap((k) => (global.has(k) ? [[k, global.get(k)!] as [string, Entry]] : [])));
  for (const section of ini.sections) {
    if (!matches(section.glob, draft)) continue;
    for (const e of section.entries) {
      if (e.key === 'BasedOnStyles') {
        for (const s of list(e.value)) if (!styles.includes(s)) styles.push(s);
      } else if (e.key === 'TokenIgnores' || e.key === 'BlockIgnores' || e.key === 'IgnorePatterns') ignores.push(...patternList(e.value));
      else if (e.key === 'Vocab') vocabs.push(...list(e.value));
      else if (HTML_KEYS.has(e.key)) html.set(e.key, e);
      else if (/^[\w-]+(?:\.[\w-]+)?$/.test(e.key) && !SECTION_KEYS.has(e.key) && !IGNORED_KEYS.has(e.key)) settings.set(e.key, e.value);
      else if (IGNORED_KEYS.has(e.key)) out.warnings.push(`${at(e.line)}: "${e.key}" has no Copydesk equivalent; ignored`);
    }
  }

  const accept: string[] = [];
  const reject: string[] = [];
  for (const name of vocabs) {
    const places = [path.join(stylesPath, 'config', 'vocabularies', name), path.join(stylesPath, 'Vocab', name)];
    const found = places.find((p) => fs.existsSync(p));
    if (!found) {
      out.warnings.push(`${at(global.get('Vocab')?.line ?? 1)}: Vocab "${name}" not found under ${stylesPath} (config/vocabularies/${name}/accept.txt); ignored`);
      continue;
    }
    accept.push(...readLines(path.join(found, 'accept.txt')));
    reject.push(...readLines(path.join(found, 'reject.txt')));
  }
  const named = (key: string) => list(html.get(key)?.value ?? '');
  const scopes = htmlScopes(named('SkippedScopes'), named('IgnoredScopes'), named('IgnoredClasses'));
  for (const [key, e] of html) {
    const unknown = list(e.value).filter((tag) => scopes.unknown.includes(tag));
    if (unknown.length) out.warnings.push(`${at(e.line)}: ${key} ${unknown.map((u) => `"${u}"`).join(', ')} has no Copydesk equivalent in a Markdown draft; ignored`);
  }
  ignores.push(...scopes.ignores);
  const context: RuleContext = { accept, ignores, skipped: scopes.skipped };

  const add = (loaded: Loaded) => {
    out.rules.push(...loaded.rules);
    out.warnings.push(...loaded.warnings);
    out.errors.push(...loaded.errors);
  };
  for (const style of styles) {
    if (style === 'Vale') out.rules.push(...builtinValeRules(accept, reject, context));
    else if (fs.existsSync(path.join(stylesPath, style))) add(loadStyle(path.join(stylesPath, style), context));
    else out.warnings.push(`${ini.file}: style "${style}" not found in StylesPath ${stylesPath}; ignored`);
  }
  // Single rules switched on from styles not based on.
  for (const [id, value] of settings) {
    const [style] = id.split('.');
    if (styles.includes(style) || value === 'NO' || !id.includes('.')) continue;
    if (fs.existsSync(path.join(stylesPath, style))) add(loadStyle(path.join(stylesPath, style), context, new Set([id])));
  }
  const kept: CustomRuleSpec[] = [];
  for (const rule of out.rules) {
    const setting = settings.get(rule.id) ?? settings.get(rule.id.split('.')[0]);
    if (setting === 'NO') continue;
    if (setting && VALE_LEVELS[setting]) rule.severity = VALE_LEVELS[setting];
    if (SEVERITY_RANK[rule.severity] < (RANK[minLevel] ?? 0)) continue;
    kept.push(rule);
  }
  out.rules = kept;
  return out;
}

function builtin(id: string, kind: 'existence' | 'substitution' | 'repetition', message: string, ignoreCase: boolean): CustomRuleSpec {
  return {
    id, kind, message, severity: 'error', ignoreCase, words: [], patterns: [], swap: [], regex: true, first: '', second: '',
    exceptions: [], scope: 'all', source: 'Vale', vale: emptyValeSpec(kind),
  };
}

/** Vale's own style: Repetition always; Terms and Avoid from the vocabularies. (Spelling has no equivalent.) */
function builtinValeRules(accept: readonly string[], reject: readonly string[], context: RuleContext): CustomRuleSpec[] {
  const ignores = context.ignores;
  const skipped = [...(context.skipped ?? [])];
  const rules: CustomRuleSpec[] = [];
  const repetition = builtin('Vale.Repetition', 'repetition', "'%s' is repeated!", false);
  Object.assign(repetition.vale!, { pattern: '([^\\s]+)', alpha: true, action: { name: 'edit', params: ['truncate', ' '] }, ignores: [...ignores], skipped });
  rules.push(repetition);
  const plain = accept.filter((t) => !/[\\[\]()|?*+^$.{}]/.test(t));
  if (plain.length) {
    const terms = builtin('Vale.Terms', 'substitution', "Use '%s' instead of '%s'.", true);
    // Vale keys the swap by the lower-cased term: of two spellings of one term, the later listed wins.
    const byKey = new Map(plain.map((t) => [t.toLowerCase(), t]));
    const swap = [...byKey.values()].map((t) => [t, t]).sort((a, b) => b[0].length - a[0].length);
    Object.assign(terms.vale!, { swap, ignores: [...ignores], skipped });
    rules.push(terms);
  }
  if (reject.length) {
    const avoid = builtin('Vale.Avoid', 'existence', "Avoid using '%s'.", false);
    Object.assign(avoid.vale!, { pattern: `(?m)\\b(?:${reject.join('|')})\\b`, ignores: [...ignores], skipped });
    rules.push(avoid);
  }
  return rules;
}
