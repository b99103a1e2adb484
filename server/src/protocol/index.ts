// The contract between the VS Code client (client/src) and the language server (server/src/lsp),
// compiled into both (the client's tsconfig includes this folder; esbuild bundles it into each):
// the status notification, the settings the server pulls, the command ids and the file globs.
// Which files are drafts and style files is engine/drafts.ts, which the CLI reads too.

import { DRAFT_EXTENSIONS, STYLE_FILE_NAMES } from '../engine/drafts.js';

export { DRAFT_LANGUAGES } from '../engine/drafts.js';

/** A name as a glob that matches it in any case ("md" -> "[mM][dD]"): VS Code's globs are case-sensitive, drafts.ts is not. */
function anyCase(name: string): string {
  return [...name].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`)).join('');
}

/** Every draft file, as a glob (document selector, file watchers), in any case as isDraftName reads it. */
export const DRAFT_GLOB = `**/*.{${DRAFT_EXTENSIONS.map((e) => anyCase(e.slice(1))).join(',')}}`;

/** Every style file, as a glob, in any case as isStyleFileName reads it. */
export const STYLE_FILE_GLOB = `**/{${STYLE_FILE_NAMES.map(anyCase).join(',')}}`;

/** The server's custom notification for the status bar (not publishDiagnostics: overriding that one would starve VS Code). */
export const STATUS_NOTIFICATION = 'copydesk/status';

/** notCovered: no style file governs the draft and copydesk.lintWithoutStyle is off, so it is not checked. */
export type LintState = 'ok' | 'problems' | 'configError' | 'disabled' | 'notCovered';

const LINT_STATES: readonly LintState[] = ['ok', 'problems', 'configError', 'disabled', 'notCovered'];

export interface StatusParams {
  uri: string;
  state: LintState;
  errors: number;
  warnings: number;
  /** The draft is past the server's size limit: linted on save only. */
  onSaveOnly?: boolean;
}

/** Checks a status payload from the wire; anything malformed is ignored, not trusted. */
export function parseStatusParams(value: unknown): StatusParams | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.uri !== 'string' || !LINT_STATES.includes(record.state as LintState)) return undefined;
  const count = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0);
  return { uri: record.uri, state: record.state as LintState, errors: count(record.errors), warnings: count(record.warnings), onSaveOnly: record.onSaveOnly === true };
}

/** The settings section the server pulls (workspace/configuration) and the client answers. */
export const SETTINGS_SECTION = 'copydesk';

export type RunMode = 'onType' | 'onSave';

/** What the server receives for section `copydesk`; the server owns what each value does. */
export interface CopydeskSettings {
  enable: boolean;
  /** One style file to use instead of discovery; "" means discover `.copydesk.yaml` upward. */
  configPath: string;
  run: RunMode;
  /** false in an untrusted workspace: no style file outside the workspace is read. Clients that do not say are trusted. */
  trusted: boolean;
  /** Check drafts that no style file governs, under copydesk:recommended (default: leave them alone). */
  lintWithoutStyle: boolean;
  /** List problems of every draft under a folder with a style, open or not. */
  workspaceDiagnostics: boolean;
}

/** Commands the server executes; the client wraps some of them (commands.ts). */
export const FIX_ALL_COMMAND = 'copydesk.fixAll';
export const TEACH_COMMAND = 'copydesk.teachStyle';
export const CREATE_STYLE_COMMAND = 'copydesk.createStyleFile';
/** A client command: opens a shipped rule page (its argument: the rule id); `command:` rule links name it. */
export const SHOW_RULE_COMMAND = 'copydesk.showRulePage';
