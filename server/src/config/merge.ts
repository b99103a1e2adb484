// Layering: config files far->near, each file's extends applied just before it, then the
// layers merged into one ResolvedConfig with the origin of every setting. No fs: files
// named by extends come through the `load` callback the file layer supplies.

import path from 'node:path';
import type { ResolvedConfig } from '../engine/types.js';
import { defaultOptions } from '../engine/catalogue.js';
import { builtInCatalogue, ruleCatalogue } from '../runner/style.js';
import { RECOMMENDED, RECOMMENDED_NAME } from './builtin.js';
import type { ConfigError } from './errors.js';
import type { ConfigLayer, ParsedConfigFile } from './layer.js';
import { parseRawConfig } from './parse.js';

export type ConfigResult = { ok: true; value: LoadedConfig } | { ok: false; errors: ConfigError[]; warnings?: string[] };

export interface LoadedConfig {
  /** Every built-in rule present, options default-filled. */
  config: ResolvedConfig;
  /** Config files that contributed, farthest first ([] = built-in only). */
  files: string[];
  /** "rules.dateline" / "rules.dateline.options.x" / "acronyms.dictionary.OSCE" / "dateline.form" -> file or "copydesk:recommended". */
  origins: Record<string, string>;
  /** Parts of the style that could not be loaded, e.g. unsupported Vale check types; show them, they are not errors. */
  warnings: string[];
  /** Drafts the style leaves out: gitignore patterns, each list relative to its config file's folder. */
  ignores: { base: string; patterns: string[] }[];
  /** Whether the repository's .gitignore files also leave drafts out. */
  gitignore: boolean;
}

/** Reads one extends target by absolute path for the config file `from`; undefined when there is no such file, `refused` when the read policy forbids it. */
export type LoadConfigFile = (absolutePath: string, from: string) => ParsedConfigFile | { refused: string } | undefined;

export interface LayerChain {
  layers: ConfigLayer[];
  errors: ConfigError[];
  /** Every file extends pointed at (found or not), for cache invalidation. */
  dependencies: string[];
  warnings: string[];
}

let recommendedLayer: ConfigLayer | undefined;

export function builtinLayer(): ConfigLayer {
  recommendedLayer ??= parseRawConfig(RECOMMENDED, RECOMMENDED_NAME).layer;
  return recommendedLayer;
}

/** The layers to apply, in order, for config files given farthest first. */
export function collectLayers(files: readonly ParsedConfigFile[], load: LoadConfigFile): LayerChain {
  const chain: LayerChain = { layers: [], errors: [], dependencies: [], warnings: [] };
  const sources = new Map<string, ParsedConfigFile['source']>();
  const applied = new Set<string>();
  const push = (layer: ConfigLayer) => {
    // A style reached twice (two files extending the same shared style) applies once, at its first place.
    if (applied.has(layer.origin)) return;
    applied.add(layer.origin);
    chain.layers.push(layer);
  };
  const expand = (file: ParsedConfigFile, stack: readonly string[]) => {
    chain.errors.push(...file.errors);
    chain.warnings.push(...(file.warnings ?? []));
    const { layer } = file;
    sources.set(layer.origin, file.source);
    if (layer.extends === 'none') {
      chain.layers.length = 0;
      applied.clear();
    } else if (layer.extends === undefined) {
      // No extends: build on what lies beneath, or on the built-in style when nothing does.
      if (chain.layers.length === 0) push(builtinLayer());
    } else {
      for (const entry of layer.extends) {
        if (entry.target === RECOMMENDED_NAME) {
          push(builtinLayer());
          continue;
        }
        const target = path.resolve(path.dirname(layer.origin), entry.target);
        if (stack.includes(target)) {
          const cycle = [...stack.slice(stack.indexOf(target)), target].map((p) => path.basename(p)).join(' -> ');
          chain.errors.push(file.source.errorAt(entry.span, `extends cycle: ${cycle}; remove one of these "extends" entries`));
          continue;
        }
        chain.dependencies.push(target);
        const loaded = load(target, layer.origin);
        if (loaded && 'refused' in loaded) chain.errors.push(file.source.errorAt(entry.span, `cannot extend "${entry.target}": ${loaded.refused}`));
        else if (loaded) expand(loaded, [...stack, target]);
        else chain.errors.push(file.source.errorAt(entry.span, `cannot extend "${entry.target}": there is no file ${target}; the path is relative to this config file`));
      }
    }
    push(layer);
  };
  for (const file of files) expand(file, [file.layer.origin]);
  // No config file anywhere: the built-in style alone.
  if (files.length === 0) push(builtinLayer());
  checkOtherRuleIds(chain, sources);
  return chain;
}

/** A rules: key that is not a built-in rule must be a custom rule defined somewhere in the chain. */
function checkOtherRuleIds(chain: LayerChain, sources: Map<string, ParsedConfigFile['source']>): void {
  const catalogue = ruleCatalogue({ custom: chain.layers.flatMap((l) => l.custom) });
  for (const layer of chain.layers) {
    const source = sources.get(layer.origin);
    for (const other of layer.otherRuleIds) {
      if (!catalogue.isRule(other.id) && source) chain.errors.push(source.errorAt(other, catalogue.unknownRuleMessage(other.id)));
    }
  }
}

/** Merges layers (applied in order) over the empty style: every rule off, defaults filled. */
export function applyLayers(layers: readonly ConfigLayer[], warnings: readonly string[] = []): LoadedConfig {
  const base = builtinLayer();
  const config: ResolvedConfig = {
    rules: Object.fromEntries(builtInCatalogue().entries.filter((e) => e.kind === 'built-in').map((e) => [e.id, { severity: 'off', options: defaultOptions(e.options) }])),
    acronyms: { dictionary: {}, exempt: [] },
    // With nothing said about the dateline (extends: none), the built-in form is the fallback.
    dateline: { form: base.dateline.form ?? '{CITY}, {Region} -- ', standalone: [...(base.dateline.standalone ?? [])], region: base.dateline.region ?? 'required' },
    terms: {},
    custom: [],
  };
  const origins: Record<string, string> = { 'dateline.form': RECOMMENDED_NAME, 'dateline.standalone': RECOMMENDED_NAME, 'dateline.region': RECOMMENDED_NAME };
  for (const layer of layers) applyLayer(config, origins, layer);
  const files = layers.map((l) => l.origin).filter((o) => o !== RECOMMENDED_NAME);
  const ignores = layers.filter((l) => l.ignores.length > 0).map((l) => ({ base: path.dirname(l.origin), patterns: [...l.ignores] }));
  const gitignore = layers.reduce((on, l) => l.gitignore ?? on, false);
  return { config, files, origins, warnings: [...warnings], ignores, gitignore };
}

function applyLayer(config: ResolvedConfig, origins: Record<string, string>, layer: ConfigLayer): void {
  const from = layer.origin;
  for (const [id, setting] of Object.entries(layer.rules)) {
    // Custom rules' ids sit beside the built-in ones; the engine reads a severity set here over the rule's own.
    const target = (config.rules[id] ??= { severity: 'off', options: {} });
    if (setting.severity !== undefined) {
      target.severity = setting.severity;
      origins[`rules.${id}`] = from;
    }
    for (const [name, value] of Object.entries(setting.options)) {
      target.options[name] = value;
      origins[`rules.${id}.options.${name}`] = from;
    }
  }
  for (const [acronym, expansions] of Object.entries(layer.dictionary)) {
    config.acronyms.dictionary[acronym] = [...expansions];
    origins[`acronyms.dictionary.${acronym}`] = from;
  }
  for (const entry of layer.exempt) {
    const removal = entry.startsWith('!');
    const acronym = removal ? entry.slice(1) : entry;
    const exempt = config.acronyms.exempt;
    if (removal) {
      config.acronyms.exempt = exempt.filter((a) => a !== acronym);
      delete origins[`acronyms.exempt.${acronym}`];
    } else if (!exempt.includes(acronym)) {
      exempt.push(acronym);
      origins[`acronyms.exempt.${acronym}`] = from;
    }
  }
  const dateline = layer.dateline;
  if (dateline.form !== undefined) [config.dateline.form, origins['dateline.form']] = [dateline.form, from];
  if (dateline.standalone !== undefined) [config.dateline.standalone, origins['dateline.standalone']] = [[...dateline.standalone], from];
  if (dateline.region !== undefined) [config.dateline.region, origins['dateline.region']] = [dateline.region, from];
  const terms = (config.terms ??= {});
  for (const [avoid, preferred] of Object.entries(layer.terms)) {
    terms[avoid] = preferred;
    origins[`terms.${avoid}`] = from;
  }
  // A nearer custom rule with the same id replaces the inherited one in place.
  const custom = (config.custom ??= []);
  for (const rule of layer.custom) {
    const at = custom.findIndex((c) => c.id === rule.id);
    if (at >= 0) custom[at] = rule;
    else custom.push(rule);
    origins[`custom.${rule.id}`] = from;
  }
}
