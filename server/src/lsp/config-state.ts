// Which style each open draft is linted under: one ConfigResolver per configPath setting, the
// compiled style per resolved config, and the last good config per draft so a broken
// .copydesk.yaml never stops linting. Reads config files through the resolver only.

import * as path from 'node:path';
import { ConfigResolver, recommendedConfig, type LoadedConfig, type ReadPolicy } from '../config/index.js';
import type { ConfigError } from '../config/errors.js';
import type { CompiledStyle } from '../engine/style.js';
import { compileStyle } from '../runner/style.js';
import type { ResolvedConfig } from '../engine/types.js';

export interface DraftStyle {
  style: CompiledStyle;
  /** Config files that contributed (absolute paths), farthest first. */
  files: string[];
  /** Errors of the config as it is on disk now; the style above is then the last good one. */
  errors: ConfigError[];
  /** The resolved style with where each setting came from (for explain); null before any good one. */
  loaded: LoadedConfig | null;
  /** A style file governs the draft (found upward, or named by configPath); false means only the built-in style could apply. */
  covered: boolean;
}

/** Compiled styles are reused while the resolved config is unchanged (compile once per config). */
class StyleCache {
  private readonly byObject = new WeakMap<ResolvedConfig, CompiledStyle>();
  private readonly byJson = new Map<string, CompiledStyle>();

  compiled(config: ResolvedConfig): CompiledStyle {
    const known = this.byObject.get(config);
    if (known) return known;
    const key = JSON.stringify(config);
    let style = this.byJson.get(key);
    if (!style) {
      style = compileStyle(config);
      if (this.byJson.size >= 32) this.byJson.clear();
      this.byJson.set(key, style);
    }
    this.byObject.set(config, style);
    return style;
  }
}

export class ConfigState {
  private readonly resolvers = new Map<string, ConfigResolver>();
  private readonly lastGood = new Map<string, LoadedConfig>();
  private readonly styles = new StyleCache();
  private recommended: CompiledStyle | undefined;
  private untrusted = false;

  /** @param workspaceRoot anchors relative configPath settings and untitled drafts; null when the client sent no folder. */
  constructor(private readonly workspaceRoot: string | null) {}

  /** Forget cached files (a config changed on disk or in an editor); last good configs stay. */
  clearCache(): void {
    for (const resolver of this.resolvers.values()) resolver.clearCache();
    this.resolvers.clear();
  }

  /** Workspace trust (a client setting); a change rebuilds the resolvers under the new read policy. */
  setTrusted(trusted: boolean): void {
    if (this.untrusted === !trusted) return;
    this.untrusted = !trusted;
    this.clearCache();
  }

  /** What config files may be read: the workspace folder, and outside it only when trusted. */
  readPolicy(): ReadPolicy {
    return { roots: this.workspaceRoot ? [this.workspaceRoot] : [], untrusted: this.untrusted };
  }

  forget(uri: string): void {
    this.lastGood.delete(uri);
  }

  /** The style for a draft; `draftPath` is null for untitled drafts. */
  styleFor(uri: string, draftPath: string | null, configPath: string): DraftStyle {
    const lookupPath = draftPath ?? (this.workspaceRoot ? path.join(this.workspaceRoot, 'untitled.md') : null);
    if (lookupPath === null && configPath === '') return { style: this.recommendedStyle(), files: [], errors: [], covered: false, loaded: null };
    const result = this.resolverFor(configPath).forFile(lookupPath ?? path.join(process.cwd(), 'untitled.md'));
    if (result.ok) {
      this.lastGood.set(uri, result.value);
      // No config file found means the built-in style (the resolver's contract: files [] = built-in only).
      const covered = result.value.files.length > 0;
      const style = covered ? this.styles.compiled(result.value.config) : this.recommendedStyle();
      return { style, files: result.value.files, errors: [], covered, loaded: result.value };
    }
    const previous = this.lastGood.get(uri);
    // With no good config ever seen for this draft, the built-in style is the last good one.
    const style = previous ? this.styles.compiled(previous.config) : this.recommendedStyle();
    // A config with errors is still a style file that governs the draft.
    return { style, files: previous?.files ?? [], errors: result.errors, covered: true, loaded: previous ?? null };
  }

  private resolverFor(configPath: string): ConfigResolver {
    const absolute = configPath === '' ? '' : this.absoluteConfigPath(configPath);
    let resolver = this.resolvers.get(absolute);
    if (!resolver) {
      const { roots, untrusted } = this.readPolicy();
      resolver = new ConfigResolver({ configPath: absolute === '' ? undefined : absolute, roots, untrusted });
      this.resolvers.set(absolute, resolver);
    }
    return resolver;
  }

  private absoluteConfigPath(configPath: string): string {
    if (path.isAbsolute(configPath)) return path.normalize(configPath);
    return path.resolve(this.workspaceRoot ?? process.cwd(), configPath);
  }

  private recommendedStyle(): CompiledStyle {
    this.recommended ??= compileStyle(recommendedConfig());
    return this.recommended;
  }
}
