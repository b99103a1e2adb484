// The `copydesk` settings the server honours (enable, configPath, run) and how they are read from
// whatever the client sends. Pure parsing: no connection, no file system.

export type RunMode = 'onType' | 'onSave';

export interface CopydeskSettings {
  enable: boolean;
  /** One config file to use instead of discovery; "" means discover `.copydesk.yaml` upward. */
  configPath: string;
  run: RunMode;
  /** false in an untrusted workspace: no style file outside the workspace is read. Clients that do not say are trusted. */
  trusted: boolean;
}

export const DEFAULT_SETTINGS: CopydeskSettings = { enable: true, configPath: '', run: 'onType', trusted: true };

/** Server-wide knobs sent once in `initializationOptions` (tests and benches set debounceMs to 0). */
export interface InitOptions {
  debounceMs: number;
  settings: CopydeskSettings;
}

export const DEFAULT_DEBOUNCE_MS = 150;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads settings leniently: anything missing or of the wrong type falls back to `base`. */
export function parseSettings(value: unknown, base: CopydeskSettings = DEFAULT_SETTINGS): CopydeskSettings {
  if (!isRecord(value)) return { ...base };
  const enable = typeof value.enable === 'boolean' ? value.enable : base.enable;
  // The VS Code client sends null for "no configPath"; other clients send "" or omit it.
  const configPath =
    typeof value.configPath === 'string' ? value.configPath.trim() : value.configPath === null ? '' : base.configPath;
  const run = value.run === 'onSave' || value.run === 'onType' ? value.run : base.run;
  const trusted = typeof value.trusted === 'boolean' ? value.trusted : base.trusted;
  return { enable, configPath, run, trusted };
}

/** `initializationOptions`: `{debounceMs?, enable?, configPath?, run?}` or `{debounceMs?, copydesk: {...}}`. */
export function parseInitOptions(value: unknown): InitOptions {
  if (!isRecord(value)) return { debounceMs: DEFAULT_DEBOUNCE_MS, settings: { ...DEFAULT_SETTINGS } };
  const raw = value.debounceMs;
  const debounceMs = typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? Math.min(raw, 10_000) : DEFAULT_DEBOUNCE_MS;
  const settings = parseSettings(isRecord(value.copydesk) ? value.copydesk : value);
  return { debounceMs, settings };
}
