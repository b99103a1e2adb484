// YAML text (or a raw object from a test) -> a validated ConfigLayer with positioned errors.
// Syntax errors come from the `yaml` package; everything after that from validate.ts. No files.

import { Document, parseDocument } from 'yaml';
import type { ConfigError } from './errors.js';
import type { ParsedConfigFile } from './layer.js';
import { NodeReporter } from './nodes.js';
import type { RawConfig } from './raw.js';
import { ConfigSource } from './source.js';
import { validateConfig } from './validate.js';

/** Parses and validates one config file's text; `file` names it in errors and is the layer's origin. */
export function parseConfigText(text: string, file: string): ParsedConfigFile {
  const source = new ConfigSource(file, text);
  const errors: ConfigError[] = [];
  const doc = parseDocument(source.body, { prettyErrors: false, uniqueKeys: true });
  let syntaxBroken = false;
  for (const e of doc.errors) {
    const span = { start: e.pos[0] + source.bomLength, end: e.pos[1] + source.bomLength };
    if (e.code === 'DUPLICATE_KEY') {
      // yaml points at the repeated key's first character; the whole key is the span.
      const key = (/^[^:\r\n]*/.exec(source.text.slice(span.start))?.[0] ?? '').trimEnd();
      span.end = span.start + Math.max(key.length, 1);
      errors.push(source.errorAt(span, `duplicate key "${key}"; a key may appear once in each mapping, so merge the two entries`));
    } else {
      syntaxBroken = true;
      errors.push(source.errorAt(span, `YAML syntax error: ${e.message.split('\n')[0]}; check the indentation, colons and quotes here`));
    }
  }
  const reporter = new NodeReporter(source, errors);
  const layer = validateConfig(syntaxBroken ? null : doc.contents, file, reporter);
  return { source, layer, errors: sortErrors(errors) };
}

/** Validates a raw object as if it were the file `file`; its errors point at 1:1. */
export function parseRawConfig(raw: RawConfig, file: string): ParsedConfigFile {
  const source = new ConfigSource(file, '');
  const errors: ConfigError[] = [];
  const layer = validateConfig(new Document(raw).contents, file, new NodeReporter(source, errors));
  return { source, layer, errors };
}

function sortErrors(errors: ConfigError[]): ConfigError[] {
  return errors.sort((a, b) => a.start - b.start || a.end - b.end);
}
