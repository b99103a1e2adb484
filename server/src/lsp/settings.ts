// The `copydesk` settings the server honours (enable, configPath, run, trusted, lintWithoutStyle,
// workspaceDiagnostics) and how they are read from whatever the client sends. Pure parsing: no
// connection, no file system. The settings' shape is the client/server contract (protocol/).

import type { CopydeskSettings } from '../protocol/index.js';

export const DEFAULT_SETTINGS: CopydeskSettings = {
  enable: true,
  configPath: '',
  run: 'onType',
  trusted: true,
  lintWithoutStyle: false,
  workspaceDiagnostics: true,
};

/** Server-wide knobs sent once in `initializationOptions` (tests and benches set debounceMs to 0). */
export interface InitOptions {
  debounceMs: number;
  /** How long after a keystroke a finding on the word being typed is held back. */
  holdMs: number;
  /** The client asks the user for an acronym's expansion when TEACH_COMMAND arrives without one. */
  askExpansion: boolean;
  /** Hover on a problem shows `copydesk explain RULE` (the VS Code extension opens the rule page instead). */
  explainInHover: boolean;
  /** How diagnostics link to rule pages: the page's file: URI, or a command: URI the client opens. */
  ruleLinks: 'file' | 'command';
  settings: CopydeskSettings;
}

export const DEFAULT_DEBOUNCE_MS = 150;
export const DEFAULT_HOLD_MS = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads settings leniently: anything missing or of the wrong type falls back to `base`. */
export function parseSettings(value: unknown, base: CopydeskSettings = DEFAULT_SETTINGS): CopydeskSettings {
  if (!isRecord(value)) return { ...base };
  const flag = (key: 'enable' | 'trusted' | 'lintWithoutStyle' | 'workspaceDiagnostics'): boolean =>
    typeof value[key] === 'boolean' ? (value[key] as boolean) : base[key];
  // "" means discover (protocol/); a value that is no string is ignored like any other wrong type.
  const configPath = typeof value.configPath === 'string' ? value.configPath.trim() : base.configPath;
  const run = value.run === 'onSave' || value.run === 'onType' ? value.run : base.run;
  return {
    enable: flag('enable'),
    configPath,
    run,
    trusted: flag('trusted'),
    lintWithoutStyle: flag('lintWithoutStyle'),
    workspaceDiagnostics: flag('workspaceDiagnostics'),
  };
}

/** `initializationOptions`: `{debounceMs?, enable?, configPath?, run?, ...}` or `{debounceMs?, copydesk: {...}}`. */
export function parseInitOptions(value: unknown): InitOptions {
  if (!isRecord(value)) {
    return { debounceMs: DEFAULT_DEBOUNCE_MS, holdMs: DEFAULT_HOLD_MS, askExpansion: false, explainInHover: true, ruleLinks: 'file', settings: { ...DEFAULT_SETTINGS } };
  }
  const millis = (raw: unknown, fallback: number) =>
    typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? Math.min(raw, 10_000) : fallback;
  const settings = parseSettings(isRecord(value.copydesk) ? value.copydesk : value);
  return {
    debounceMs: millis(value.debounceMs, DEFAULT_DEBOUNCE_MS),
    holdMs: millis(value.holdMs, DEFAULT_HOLD_MS),
    askExpansion: value.askExpansion === true,
    explainInHover: value.explainInHover !== false,
    ruleLinks: value.ruleLinks === 'command' ? 'command' : 'file',
    settings,
  };
}
