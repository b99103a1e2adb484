// The maintainer commands as the CLI runs them: which one argv names, the style of the
// current folder, and the text for stdout/stderr with the exit code. main.ts only wires.

import path from 'node:path';
import type { ConfigResolver, LoadedConfig } from '../../config/index.js';
import { formatConfigError } from '../../config/errors.js';
import { ruleDocsDir } from '../../shared/rule-docs.js';
import { explainRule, unknownRuleText } from '../../shared/explain.js';
import { writeStarterConfig } from '../../shared/starter.js';
import { listRules, listRulesJson } from './rules-list.js';
import { runRuleTests } from './test-rules.js';

export type MaintainerCommand = { name: 'rules' } | { name: 'explain'; rule: string } | { name: 'test-rules' } | { name: 'init' };

export type MaintainerCommandParse = { ok: true; command: MaintainerCommand | null } | { ok: false; message: string };

export interface CommandOutput {
  stdout: string;
  stderr: string;
  /** 0 done; 1 a test-rules example failed; 2 usage or config error, or --init refused. */
  exitCode: 0 | 1 | 2;
}

export interface MaintainerContext {
  cwd: string;
  /** Built with --config when given, so every command sees the style a draft here would. */
  resolver: ConfigResolver;
  /** `rules --format json` lists as JSON; every other format gives the aligned text. */
  json: boolean;
  /** Folder of the rule pages (docs/rules); defaults to the one shipped beside the compiled CLI. */
  docsDir?: string;
}

const WORDS = new Set(['rules', 'explain', 'test-rules']);

/**
 * A maintainer command is the FIRST positional argument ("copydesk rules"), or --init.
 * A draft actually named "rules" is still reachable as "./rules".
 */
export function maintainerCommandOf(positionals: readonly string[], init: boolean): MaintainerCommandParse {
  const [first, ...rest] = positionals;
  if (init) {
    return positionals.length === 0 ? { ok: true, command: { name: 'init' } } : { ok: false, message: `--init writes a starter .copydesk.yaml in the current folder and takes no paths; remove "${positionals[0]}"` };
  }
  if (first === undefined || !WORDS.has(first)) return { ok: true, command: null };
  if (first === 'explain') {
    if (rest.length !== 1) return { ok: false, message: 'explain needs exactly one rule id, e.g. "copydesk explain dateline"; "copydesk rules" lists them' };
    return { ok: true, command: { name: 'explain', rule: rest[0] } };
  }
  if (rest.length > 0) return { ok: false, message: `${first} takes no paths; it reads the style of the current folder (or --config FILE). Remove "${rest[0]}"` };
  return { ok: true, command: { name: first === 'rules' ? 'rules' : 'test-rules' } };
}

/** docs/rules in the package root: the pages `explain` and the SARIF report read. */
export function defaultRuleDocsDir(): string | undefined {
  return ruleDocsDir() ?? undefined;
}

/** The style a draft in `cwd` would be checked under (the file name only anchors discovery). */
function styleOfFolder(context: MaintainerContext): { ok: true; loaded: LoadedConfig } | { ok: false; output: CommandOutput } {
  const result = context.resolver.forFile(path.join(context.cwd, 'draft.md'));
  if (result.ok) return { ok: true, loaded: result.value };
  const lines = [...new Set(result.errors.map(formatConfigError))];
  lines.push('copydesk: the style configuration has errors; fix them and run again');
  return { ok: false, output: { stdout: '', stderr: lines.join('\n') + '\n', exitCode: 2 } };
}

const warningsOf = (loaded: LoadedConfig) => loaded.warnings.map((w) => `copydesk: warning: ${w}\n`).join('');

export function runMaintainerCommand(command: MaintainerCommand, context: MaintainerContext): CommandOutput {
  if (command.name === 'init') {
    const result = writeStarterConfig(context.cwd);
    return result.ok ? { stdout: result.message + '\n', stderr: '', exitCode: 0 } : { stdout: '', stderr: `copydesk: ${result.message}\n`, exitCode: 2 };
  }
  const style = styleOfFolder(context);
  if (!style.ok) return style.output;
  const { loaded } = style;
  switch (command.name) {
    case 'rules':
      // The text listing names the warnings itself; JSON carries them in its "warnings" field.
      return { stdout: context.json ? listRulesJson(loaded) : listRules(loaded), stderr: '', exitCode: 0 };
    case 'explain': {
      const text = explainRule(command.rule, loaded, context.docsDir ?? defaultRuleDocsDir());
      return text === null ? { stdout: '', stderr: `copydesk: ${unknownRuleText(command.rule, loaded)}\n`, exitCode: 2 } : { stdout: text, stderr: warningsOf(loaded), exitCode: 0 };
    }
    case 'test-rules': {
      const run = runRuleTests(loaded);
      return { stdout: run.output, stderr: warningsOf(loaded), exitCode: run.failures > 0 ? 1 : 0 };
    }
  }
}
