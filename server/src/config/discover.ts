// The file layer, and the only config code that touches the disk: reading config files as
// UTF-8, finding them from a draft's folder upward, and caching by path + mtime. What may be
// read at all is decided in read-policy.ts before a file is opened.

import fs from 'node:fs';
import path from 'node:path';
import type { ParsedConfigFile } from './layer.js';
import { applyLayers, collectLayers, type ConfigResult, type LoadConfigFile } from './merge.js';
import { parseConfigText } from './parse.js';
import { ConfigSource } from './source.js';
import { STYLE_FILE_NAMES } from '../engine/drafts.js';
import { decodeStrict } from '../engine/utf8.js';
import { emptyLayer } from './layer.js';
import { isValeIni, isValeStyleFolder, loadValeIni, loadValeStyle, withDefaultAlertLevel, type ValeStyle } from './vale.js';
import { checkDiscoveredFile, checkExtendsTarget, isInside, isNamedConfigFile, OPEN_POLICY, type ReadPolicy } from './read-policy.js';
import { notAStyleError, notAValeStyleReason } from './style-shape.js';

/** Looked for in this order in each folder; the first found is the folder's config. */
export const CONFIG_FILE_NAMES = STYLE_FILE_NAMES;
export const CONFIG_FILE_NAME = STYLE_FILE_NAMES[0];

/** A whole-file problem (unreadable, not UTF-8): one error at 1:1. */
function wholeFileError(file: string, message: string): ParsedConfigFile {
  const source = new ConfigSource(file, '');
  return { source, layer: emptyLayer(file), errors: [source.errorAt({ start: 0, end: 0 }, message)] };
}

/** Reads and parses one config file. BOM kept in the text so offsets match the editor's. */
export function readConfigFile(file: string): ParsedConfigFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return wholeFileError(file, `cannot read this config file (${code}); check that it exists and that you may read it`);
  }
  const decoded = decodeStrict(bytes);
  if (!decoded.ok) return wholeFileError(file, 'this config file is not UTF-8 text; save it with UTF-8 encoding');
  const text = decoded.text;
  // A file not named .copydesk.yaml must look like a style before any of its text reaches a message.
  const foreign = isNamedConfigFile(realPathOf(file)) ? null : notAStyleError(text, file);
  if (foreign) return { source: new ConfigSource(file, ''), layer: emptyLayer(file), errors: [foreign] };
  return parseConfigText(text, file);
}

function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** mtime + size of a file; for a Vale style folder, of each of its rule files. */
function signatureOf(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile()) return `${stat.mtimeMs}:${stat.size}`;
  if (stat?.isDirectory() && isValeStyleFolder(file)) {
    const rules = fs.readdirSync(file).filter((f) => /\.ya?ml$/.test(f)).sort();
    return 'vale:' + rules.map((f) => `${f}=${signatureOf(path.join(file, f))}`).join(',');
  }
  return 'missing';
}

/** A Vale style folder or .vale.ini named by extends: its loadable rules become custom rules. */
function readValeFolder(dir: string): ParsedConfigFile {
  const notVale = notAValeStyleReason(dir);
  if (notVale) return wholeFileError(dir, notVale);
  return valeLayer(dir, withDefaultAlertLevel(loadValeStyle(dir), dir));
}

function valeLayer(dir: string, style: ValeStyle): ParsedConfigFile {
  const layer = emptyLayer(dir);
  // A Vale style adds rules on top of what extends it; it brings no base of its own.
  layer.extends = [];
  layer.custom = style.rules;
  return { source: new ConfigSource(dir, ''), layer, errors: style.errors, warnings: style.warnings };
}

/** Parsed config files by absolute path, re-read when mtime or size changes. */
export class ConfigFileCache {
  private readonly files = new Map<string, { signature: string; parsed: ParsedConfigFile }>();

  /** The parsed file, or undefined when there is no file at that path. */
  load(file: string): ParsedConfigFile | undefined {
    const signature = signatureOf(file);
    if (signature === 'missing') return undefined;
    const cached = this.files.get(file);
    if (cached?.signature === signature) return cached.parsed;
    const parsed = signature.startsWith('vale:') ? readValeFolder(file) : isValeIni(file) ? valeLayer(file, loadValeIni(file)) : readConfigFile(file);
    this.files.set(file, { signature, parsed });
    return parsed;
  }

  signature(file: string): string {
    return signatureOf(file);
  }

  clear(): void {
    this.files.clear();
  }
}

interface CachedResult {
  result: ConfigResult;
  /** Files reached through extends, with the signature they had. */
  dependencies: Map<string, string>;
}

/** Finds and merges .copydesk.yaml files from a draft's folder upward; caches by path+mtime. */
export class ConfigResolver {
  private readonly files = new ConfigFileCache();
  private readonly results = new Map<string, CachedResult>();
  private readonly configPath: string | undefined;
  private readonly policy: ReadPolicy;
  /** With `snapshot`: the result per draft folder, found once (a draft's folder alone decides its config). */
  private readonly byFolder: Map<string, ConfigResult> | null;

  /**
   * `roots`: the project or workspace folders; `untrusted`: read nothing outside them;
   * `snapshot`: the files do not change while this resolver lives (one CLI run), so each
   * folder's config is looked for once instead of once per draft.
   */
  constructor(options: { configPath?: string; roots?: readonly string[]; untrusted?: boolean; snapshot?: boolean } = {}) {
    this.byFolder = options.snapshot ? new Map() : null;
    this.configPath = options.configPath === undefined ? undefined : path.resolve(options.configPath);
    const roots = (options.roots ?? []).map((r) => path.resolve(r));
    // The --config file's folder is the user's own choice: what it extends beside it may be read.
    if (this.configPath !== undefined) roots.push(path.dirname(this.configPath));
    this.policy = { roots, untrusted: options.untrusted ?? false };
  }

  forFile(draftPath: string): ConfigResult {
    if (this.byFolder === null) return this.resolve(draftPath);
    const folder = this.configPath === undefined ? path.dirname(path.resolve(draftPath)) : '';
    let result = this.byFolder.get(folder);
    if (result === undefined) this.byFolder.set(folder, (result = this.resolve(draftPath)));
    return result;
  }

  private resolve(draftPath: string): ConfigResult {
    const files = this.configPath === undefined ? this.discover(draftPath) : this.explicitFile(this.configPath);
    // Same files at the same versions -> the same result object, so callers can key compiled styles on it.
    const key = files.map((f) => `${f.layer.origin}\0${this.files.signature(f.layer.origin)}`).join('\n');
    const cached = this.results.get(key);
    if (cached && [...cached.dependencies].every(([file, signature]) => this.files.signature(file) === signature)) return cached.result;
    const chain = collectLayers(files, policyLoader(this.files, this.policy));
    const result: ConfigResult = chain.errors.length > 0 ? { ok: false, errors: chain.errors, warnings: chain.warnings } : { ok: true, value: applyLayers(chain.layers, chain.warnings) };
    const dependencies = new Map(chain.dependencies.map((file) => [file, this.files.signature(file)]));
    this.results.set(key, { result, dependencies });
    return result;
  }

  clearCache(): void {
    this.byFolder?.clear();
    this.files.clear();
    this.results.clear();
  }

  private explicitFile(file: string): ParsedConfigFile[] {
    return [this.files.load(file) ?? wholeFileError(file, 'config file not found; check the --config path or the copydesk.configPath setting')];
  }

  /** Config files from the draft's folder up to the root or a `root: true` file, farthest first. */
  private discover(draftPath: string): ParsedConfigFile[] {
    const found: ParsedConfigFile[] = [];
    let dir = path.dirname(path.resolve(draftPath));
    const { roots, untrusted } = this.policy;
    // In an untrusted workspace the search stays inside the workspace folder that holds the draft.
    const stopAt = untrusted ? roots.find((root) => isInside(dir, root)) : undefined;
    if (untrusted && stopAt === undefined) return found;
    for (;;) {
      const file = CONFIG_FILE_NAMES.map((name) => this.loadDiscovered(path.join(dir, name))).find((f) => f !== undefined);
      if (file) {
        found.unshift(file);
        if (file.layer.root) break;
      }
      const parent = path.dirname(dir);
      if (parent === dir || dir === stopAt) break;
      dir = parent;
    }
    return found;
  }

  /** A discovered .copydesk.yaml; one that links out of the allowed places is an error, unread. */
  private loadDiscovered(file: string): ParsedConfigFile | undefined {
    if (!fs.existsSync(file)) return undefined;
    const refused = checkDiscoveredFile(file, this.policy);
    return refused === null ? this.files.load(file) : wholeFileError(file, refused);
  }
}

/** Loads an extends target after the read policy allowed it; a refusal names the path only. */
function policyLoader(cache: ConfigFileCache, policy: ReadPolicy): LoadConfigFile {
  return (target, from) => {
    const check = checkExtendsTarget(target, from, policy);
    if (!check.ok) return check.missing ? undefined : { refused: check.reason };
    return cache.load(target);
  };
}

/** A loader for one-off checks (unsaved editor buffers, test fixtures): no cache kept. */
export function freshLoader(policy: ReadPolicy = OPEN_POLICY): LoadConfigFile {
  return policyLoader(new ConfigFileCache(), policy);
}
