// The config API: check a config's text, resolve a raw config, the built-in style, the
// resolver that finds config files for drafts, and --print-config's description.

import path from 'node:path';
import type { ResolvedConfig } from '../engine/types.js';
import { freshLoader } from './discover.js';
import type { ConfigError } from './errors.js';
import { formatConfigError } from './errors.js';
import { applyLayers, builtinLayer, collectLayers, type ConfigResult } from './merge.js';
import { parseConfigText, parseRawConfig } from './parse.js';
import type { RawConfig } from './raw.js';
import { OPEN_POLICY, type ReadPolicy } from './read-policy.js';

export { ConfigResolver, CONFIG_FILE_NAME, CONFIG_FILE_NAMES } from './discover.js';
export { describeConfig } from './describe.js';
export type { ConfigResult, LoadedConfig } from './merge.js';
export type { ConfigError } from './errors.js';
export type { ReadPolicy } from './read-policy.js';

/** Syntax + schema check of one config file's text (unsaved editor buffers too), extends followed from `file`'s folder. */
export function checkConfigText(text: string, file: string, policy: ReadPolicy = OPEN_POLICY): ConfigError[] {
  const parsed = parseConfigText(text, file);
  const chain = collectLayers([parsed], freshLoader(policy));
  const own = chain.errors.filter((e) => e.file === file);
  const entries = parsed.layer.extends === 'none' || parsed.layer.extends === undefined ? [] : parsed.layer.extends;
  // An error inside an extended file is shown on the extends entry that brought it in.
  for (const foreign of chain.errors.filter((e) => e.file !== file)) {
    const entry = entries.find((x) => path.resolve(path.dirname(file), x.target) === foreign.file) ?? entries[0];
    if (entry) own.push(parsed.source.errorAt(entry.span, `the extended style has an error: ${formatConfigError(foreign)}`));
  }
  return own.sort((a, b) => a.start - b.start);
}

/** Resolve a raw config object as if it were a file at `file` (used by test fixtures). */
export function resolveFromRaw(raw: RawConfig, file: string): ConfigResult {
  const chain = collectLayers([parseRawConfig(raw, file)], freshLoader());
  return chain.errors.length > 0 ? { ok: false, errors: chain.errors } : { ok: true, value: applyLayers(chain.layers, chain.warnings) };
}

/** The built-in style alone, resolved. A fresh copy: callers may keep or change it. */
export function recommendedConfig(): ResolvedConfig {
  return applyLayers([builtinLayer()]).config;
}
