// `copydesk --init` and the editor's "create a style file": a commented starter .copydesk.yaml, its rules section generated from the
// rule registry so it never goes stale, and the write that never overwrites an existing style.

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CONFIG_FILE_NAMES } from '../config/index.js';
import type { OptionSpec } from '../engine/types.js';
import { builtInRules } from '../runner/style.js';
import { optionText } from './explain.js';

/** Marks the commented-out custom rules, so a test can switch them on and prove they validate. */
export const CUSTOM_EXAMPLES_START = '# --- example custom rules: remove the "# " at the start of each line to use them ---';
export const CUSTOM_EXAMPLES_END = '# --- end of example custom rules ---';

function wrapComment(text: string, indent: string, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + 2 + line.length + 1 + word.length > width) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}# ${line}`);
  return lines;
}

function optionLines(name: string, spec: OptionSpec, first: boolean): string[] {
  const lead = first ? '    - ' : '      ';
  const lines = wrapComment(`${name}: ${spec.description} (${spec.type === 'string' && spec.enum ? `one of ${spec.enum.join(', ')}` : spec.type})`, '      ');
  if (spec.type === 'string[]' && spec.default.length > 4) {
    lines.push(`${lead}${name}:`, ...spec.default.map((v) => `          - ${JSON.stringify(v)}`));
  } else lines.push(`${lead}${name}: ${optionText(spec.default)}`);
  return lines;
}

function rulesSection(): string[] {
  const lines = [
    'rules:',
    '  # Each rule: off | info | warning | error, or a list of [severity, {options}].',
    '  # "copydesk explain RULE" tells what a rule checks and what its options do.',
  ];
  for (const rule of builtInRules()) {
    lines.push('', ...wrapComment(`${rule.id}: ${rule.description}${rule.fixable ? ' (has a fix)' : ''}`, '  '));
    const options = Object.entries(rule.options);
    if (options.length === 0) {
      lines.push(`  ${rule.id}: ${rule.defaultSeverity}`);
      continue;
    }
    lines.push(`  ${rule.id}:`, `    - ${rule.defaultSeverity}`);
    options.forEach(([name, spec], i) => lines.push(...optionLines(name, spec, i === 0)));
  }
  return lines;
}

const HEADER = [
  '# Copydesk house style. Copydesk reads this file for every draft in this folder and below.',
  '# Lines starting with # are comments. Indentation matters: use spaces, never tabs.',
  '# Check your changes:  copydesk --print-config some-draft.md   (shows every setting and where it came from)',
  '#                      copydesk rules                          (lists every rule and its severity)',
  '#                      copydesk test-rules                     (proves the custom rules below)',
  '',
  '# Start from the built-in style; the settings below change it. "extends: none" starts from nothing.',
  'extends: copydesk:recommended',
  '',
  '# true: do not read .copydesk.yaml files in folders above this one.',
  'root: false',
  '',
];

const STYLE_SECTIONS = [
  '',
  'acronyms:',
  '  # The acronym dictionary decides what an acronym stands for: ACRONYM: Full Name,',
  '  # or a list of accepted names, the first preferred. Added to the built-in dictionary.',
  '  dictionary:',
  '    NTSB: National Transportation Safety Board',
  '    KNB: [National Security Committee, Committee for National Security]',
  '  # Acronyms readers know without an expansion. "!PR" takes one off the inherited list.',
  '  exempt:',
  '    - GATT',
  '',
  'dateline:',
  '  # How a story opens: {CITY} in capitals, {Region}, and the separator, spaces included.',
  '  form: "{CITY}, {Region} -- "',
  '  # required: a region must follow the city unless the city stands alone; or optional.',
  '  region: required',
  '  # Cities that stand without a region. Setting this list REPLACES the built-in one',
  '  # (about 130 world cities); see it with --print-config before you change it.',
  '  # standalone: [LONDON, PARIS, NEW YORK]',
  '',
  'terms:',
  '  # The word or phrase to avoid: the house term. Added to the built-in list.',
  '  e-mail: email',
  '',
];

const CUSTOM_EXAMPLES = [
  'custom:',
  '  # Flags words or RE2 patterns. %s stands for the text found.',
  '  - id: house.hedging',
  '    type: existence',
  '    message: "Cut the hedge \'%s\'."',
  '    severity: warning',
  '    words: [arguably, appears to be]',
  '    scope: body',
  '    tests:',
  '      fail: ["Headline\\n\\nThe plan arguably failed."]',
  '      pass: ["Headline\\n\\nThe plan failed."]',
  '',
  '  # Flags a phrase and offers the preferred one; --fix replaces it.',
  '  - id: house.spelling',
  '    type: substitution',
  '    message: "Use \'%s\' instead of \'%s\'."',
  '    severity: error',
  '    swap:',
  '      per cent: percent',
  '    tests:',
  '      fail: ["Prices rose 5 per cent."]',
  '      pass: ["Prices rose 5 percent."]',
  '      fixed:',
  '        - { text: "Prices rose 5 per cent.", output: "Prices rose 5 percent." }',
  '',
  '  # Flags a use of "first" unless "second" captured the same text earlier.',
  '  - id: house.defined-codes',
  '    type: conditional',
  '    message: "Define the code \'%s\' before using it."',
  '    ignorecase: false',
  '    first: \'\\b(Code [A-Z]\\d)\\b\'',
  '    second: \'\\((Code [A-Z]\\d)\\)\'',
  '    tests:',
  '      fail: ["Crews declared Code R3."]',
  '      pass: ["Crews declared a full evacuation (Code R3). Code R3 ended at noon."]',
];

/** The starter file: every rule with its default severity and options, commented for a non-programmer. */
export function starterConfig(): string {
  const custom = [
    '# Custom rules: the desk\'s own checks, no code. Types: existence, substitution, conditional.',
    '# "tests:" holds texts that must (fail) and must not (pass) trigger the rule, and the fixed text.',
    '# Each example is checked as a whole draft whose first line is the headline: a "scope: body"',
    '# rule needs a headline and a blank line first, written "Headline\\n\\n..." inside double quotes.',
    CUSTOM_EXAMPLES_START,
    ...CUSTOM_EXAMPLES.map((line) => (line === '' ? '#' : `# ${line}`)),
    CUSTOM_EXAMPLES_END,
  ];
  return [...HEADER, ...rulesSection(), ...STYLE_SECTIONS, ...custom].join('\n') + '\n';
}

export interface InitResult {
  ok: boolean;
  message: string;
  /** 0 written; 2 refused or failed (a usage error, as SPEC's exit codes say). */
  exitCode: 0 | 2;
  file: string;
}

/** Writes the starter file into `folder` unless a config file is already there; never overwrites. */
export function writeStarterConfig(folder: string): InitResult {
  const file = path.join(folder, CONFIG_FILE_NAMES[0]);
  const existing = CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((f) => fs.existsSync(f));
  if (existing) {
    return { ok: false, exitCode: 2, file: existing, message: `${existing} already exists; Copydesk will not overwrite it. Edit it, or move it away and run --init again.` };
  }
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    return { ok: false, exitCode: 2, file, message: `cannot write ${file}: there is no folder ${folder}` };
  }
  const temp = path.join(folder, `.${CONFIG_FILE_NAMES[0]}.copydesk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, starterConfig(), { encoding: 'utf8', flag: 'wx' });
    // link, unlike rename, fails when the target exists: a file created meanwhile is never replaced.
    fs.linkSync(temp, file);
  } catch (err) {
    const reason = err instanceof Error && 'code' in err && err.code === 'EEXIST' ? 'it appeared while writing; nothing was changed' : err instanceof Error ? err.message : String(err);
    return { ok: false, exitCode: 2, file, message: `cannot write ${file}: ${reason}` };
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { ok: true, exitCode: 0, file, message: `wrote ${file}: a starter house style. Edit it, then check it with "copydesk --print-config DRAFT" and "copydesk test-rules".` };
}
