// Tells a style file from any other YAML before its errors are shown, so that a file that is not
// a style (a secret, a CI file) is named in one error that never quotes a byte of its contents.

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { ConfigError } from './errors.js';
import { ConfigSource } from './source.js';
import { TOP_LEVEL_KEYS } from './validate.js';

const NOT_A_STYLE = 'is not a Copydesk style file';
const WHAT_TO_DO = 'extends and --config take .copydesk.yaml style files, Vale style folders or "copydesk:recommended"';

/**
 * One content-free error when `text` is not a style file: not valid YAML, not a mapping, or a
 * mapping with keys a style does not have. null when it is a style (its own errors may then
 * quote its keys and values, as they do for a .copydesk.yaml).
 */
export function notAStyleError(text: string, file: string): ConfigError | null {
  const source = new ConfigSource(file, text);
  const doc = parseDocument(source.body, { prettyErrors: false, uniqueKeys: false });
  const at = (offset: number, what: string) =>
    source.errorAt({ start: offset + source.bomLength, end: offset + source.bomLength }, `this file ${NOT_A_STYLE}: ${what}; ${WHAT_TO_DO}`);
  const yamlError = doc.errors[0];
  // The code is one of the yaml package's fixed names; its message may quote the text, so it is not used.
  if (yamlError) return at(yamlError.pos[0], `it is not valid YAML (${yamlError.code.toLowerCase().replace(/_/g, ' ')})`);
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return null;
  if (!isMap(contents)) return at(0, 'its top level is not a mapping of style keys');
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string' || !(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      return at(range?.[0] ?? 0, `it has a key that is not a style key (a style file holds only ${TOP_LEVEL_KEYS.join(', ')})`);
    }
  }
  return null;
}

/**
 * Why a folder is not a Vale style folder (rule files that are plain YAML mappings with a check
 * type under "extends:", none a link), or null when it is one.
 */
export function notAValeStyleReason(dir: string): string | null {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f));
  } catch (error) {
    return `${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
  if (names.length === 0) return `${dir} is not a Vale style folder: it holds no .yml rule files; ${WHAT_TO_DO}`;
  for (const name of names.sort()) {
    const full = path.join(dir, name);
    const stat = fs.lstatSync(full, { throwIfNoEntry: false });
    if (!stat?.isFile()) return `${dir} is not a Vale style folder: ${name} is not a regular file (links are not followed); ${WHAT_TO_DO}`;
    let extendsValue: unknown;
    try {
      const source = new ConfigSource(full, fs.readFileSync(full, 'utf8'));
      const doc = parseDocument(source.body, { prettyErrors: false });
      // yaml's own message may quote the text, so only its fixed code and the line are told.
      const broken = doc.errors[0];
      if (broken) return `${dir} is not a Vale style folder: ${name} is not valid YAML (${broken.code.toLowerCase().replace(/_/g, ' ')} on line ${source.positionOf(broken.pos[0] + source.bomLength).line}); ${WHAT_TO_DO}`;
      extendsValue = isMap(doc.contents) ? doc.contents.get('extends') : undefined;
    } catch {
      return `${dir} is not a Vale style folder: ${name} cannot be read; ${WHAT_TO_DO}`;
    }
    if (typeof extendsValue !== 'string' || !/^[a-z]+$/.test(extendsValue)) {
      return `${dir} is not a Vale style folder: ${name} is not a Vale rule (no check type under "extends:"); ${WHAT_TO_DO}`;
    }
  }
  return null;
}

