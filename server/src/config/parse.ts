// YAML text (or a raw object from a test) -> a validated ConfigLayer with positioned errors.
// Syntax errors come from the `yaml` package; everything after that from validate.ts. No files.

import { Document, isScalar, parseDocument, visit, type Node } from 'yaml';
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
  // yaml's own duplicate-key check compares every key with every other (100,000 keys took
  // minutes): it is off, and findDuplicateKeys does the same check in one pass.
  const doc = parseDocument(source.body, { prettyErrors: false, uniqueKeys: false });
  let syntaxBroken = false;
  for (const e of doc.errors) {
    const span = { start: e.pos[0] + source.bomLength, end: e.pos[1] + source.bomLength };
    syntaxBroken = true;
    errors.push(source.errorAt(span, `YAML syntax error: ${e.message.split('\n')[0]}; check the indentation, colons and quotes here`));
  }
  for (const key of findDuplicateKeys(doc)) {
    const span = { start: key.range[0] + source.bomLength, end: key.range[1] + source.bomLength };
    errors.push(source.errorAt(span, `duplicate key "${key.name}"; a key may appear once in each mapping, so merge the two entries`));
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

/** Keys that repeat an earlier key of the same mapping (same scalar value), in one pass over the document. */
function findDuplicateKeys(doc: Document): { name: string; range: [number, number, number] }[] {
  const repeated: { name: string; range: [number, number, number] }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || !key.range) continue;
        const identity = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(identity)) repeated.push({ name: String(key.value), range: key.range });
        else seen.add(identity);
      }
    },
  });
  return repeated;
}

function sortErrors(errors: ConfigError[]): ConfigError[] {
  return errors.sort((a, b) => a.start - b.start || a.end - b.end);
}
