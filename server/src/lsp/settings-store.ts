// Per-document `copydesk` settings: pulled with workspace/configuration when the client supports
// it, else taken from initializationOptions and didChangeConfiguration. Caches until a change.

import type { Connection } from 'vscode-languageserver';
import type { CopydeskSettings } from '../protocol/index.js';
import { parseSettings } from './settings.js';

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<CopydeskSettings>>();
  private pushed: CopydeskSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: CopydeskSettings,
  ) {
    this.pushed = initial;
  }

  forUri(uri: string): Promise<CopydeskSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.pull(uri);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: forget pulled values; clients that push send `{copydesk: {...}}`. */
  changed(settings: unknown): void {
    this.byUri.clear();
    if (typeof settings === 'object' && settings !== null && 'copydesk' in settings) {
      this.pushed = parseSettings((settings as { copydesk: unknown }).copydesk, this.pushed);
    }
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private async pull(uri: string): Promise<CopydeskSettings> {
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'copydesk' });
      return parseSettings(value, this.pushed);
    } catch (error) {
      this.connection.console.warn(`Could not read copydesk settings (${String(error)}); using defaults.`);
      return this.pushed;
    }
  }
}
