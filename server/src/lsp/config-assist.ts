// Completion and hover inside .copydesk.yaml: top-level keys, rule ids, severities, each rule's
// options, and the acronyms/dateline keys and values. Works from the lines above the cursor (the
// file is often half-typed and not valid YAML); the vocabulary comes from config-schema.ts.

import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { optionType } from '../shared/explain.js';
import { TOP_LEVEL_KEYS } from '../config/validate.js';
import { linesOf } from '../engine/lines.js';
import { SEVERITIES } from '../engine/types.js';
import type { CatalogueEntry } from '../engine/rule.js';
import { builtInRule, builtInRules } from '../runner/style.js';
import { SECTION_KEYS, SEVERITY_DOCS, TOP_LEVEL_DOCS } from './config-schema.js';

interface Place {
  /** Keys of the mappings that enclose the cursor's line, outermost first. */
  path: string[];
  /** The key on the cursor's line when the cursor is in its value; undefined when typing a key. */
  key: string | undefined;
  /** Inside `[severity, { ... }]` of this rule's line: typing an option name. */
  inOptions: boolean;
}

const KEY_LINE = /^(\s*)(?:-\s+)?([^\s:#'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

function placeAt(doc: TextDocument, position: Position): Place {
  // Lines as the position's line counts them (CR, LF and CRLF: engine/lines.ts).
  const lines = linesOf(doc.getText()).map((l) => l.text);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const own = KEY_LINE.exec(before);
  const indent = before.trim() === '' ? before.length : indentOf(line);
  const path: string[] = [];
  let limit = indent;
  for (let n = position.line - 1; n >= 0 && limit > 0; n--) {
    const text = lines[n];
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const match = KEY_LINE.exec(text);
    const lineIndent = indentOf(text);
    if (match && lineIndent < limit) {
      path.unshift(match[2].replace(/^["']|["']$/g, ''));
      limit = lineIndent;
    }
  }
  const key = own ? own[2].replace(/^["']|["']$/g, '') : undefined;
  const afterKey = own ? before.slice(own[0].length) : '';
  return { path, key, inOptions: key !== undefined && /\[[^\]]*\{[^}]*$/.test(afterKey) };
}

function ruleDocs(rule: CatalogueEntry): string {
  const lines = [`**${rule.id}** (built-in rule): ${rule.description}`, '', `Default severity: ${rule.defaultSeverity}. Fix: ${rule.fixable ? 'yes' : 'no'}.`];
  const options = Object.entries(rule.options);
  if (options.length > 0) {
    lines.push('', 'Options:');
    for (const [name, spec] of options) lines.push(`- \`${name}\` (${optionType(spec)}): ${spec.description}`);
  }
  lines.push('', `\`copydesk explain ${rule.id}\` shows the values in force.`);
  return lines.join('\n');
}

const item = (label: string, kind: CompletionItemKind, documentation: string, insertText?: string): CompletionItem => ({
  label,
  kind,
  documentation: { kind: MarkupKind.Markdown, value: documentation },
  ...(insertText ? { insertText } : {}),
});

export function configCompletions(doc: TextDocument, position: Position): CompletionItem[] {
  const { path, key, inOptions } = placeAt(doc, position);
  const section = path[0];
  if (key === undefined) {
    if (path.length === 0) return TOP_LEVEL_KEYS.map((k) => item(k, CompletionItemKind.Property, TOP_LEVEL_DOCS[k], `${k}:`));
    if (section === 'rules' && path.length === 1) return builtInRules().map((r) => item(r.id, CompletionItemKind.Property, ruleDocs(r), `${r.id}: `));
    const keys = SECTION_KEYS[section];
    if (keys && path.length === 1) return Object.entries(keys).map(([k, d]) => item(k, CompletionItemKind.Property, d, `${k}: `));
    return [];
  }
  if (section === 'rules' && path.length === 1) {
    const rule = builtInRule(key);
    if (inOptions) {
      return rule ? Object.entries(rule.options).map(([name, spec]) => item(name, CompletionItemKind.Field, `${spec.description} (${optionType(spec)})`, `${name}: `)) : [];
    }
    return SEVERITIES.map((s) => item(s, CompletionItemKind.EnumMember, SEVERITY_DOCS[s]));
  }
  if (path.length === 0 && key === 'extends') {
    return [item('copydesk:recommended', CompletionItemKind.Value, 'The built-in style.'), item('none', CompletionItemKind.Value, 'Start from nothing: every rule off.')];
  }
  if (path.length === 0 && key === 'root') return ['true', 'false'].map((v) => item(v, CompletionItemKind.Value, TOP_LEVEL_DOCS.root));
  if (section === 'dateline' && key === 'region') return ['required', 'optional'].map((v) => item(v, CompletionItemKind.EnumMember, SECTION_KEYS.dateline.region));
  return [];
}

export function configHover(doc: TextDocument, position: Position): Hover | null {
  const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  const word = /[A-Za-z][\w.-]*$/.exec(line.slice(0, position.character))?.[0] ?? '';
  const rest = /^[\w.-]*/.exec(line.slice(position.character))?.[0] ?? '';
  const hovered = word + rest;
  if (!hovered) return null;
  const { path, key } = placeAt(doc, { line: position.line, character: line.length });
  const section = path[0];
  let value: string | undefined;
  if (path.length === 0 && (TOP_LEVEL_KEYS as readonly string[]).includes(hovered)) value = TOP_LEVEL_DOCS[hovered as keyof typeof TOP_LEVEL_DOCS];
  else if (section === 'rules' && builtInRule(hovered)) value = ruleDocs(builtInRule(hovered)!);
  else if (section === 'rules' && key && builtInRule(key)?.options[hovered]) {
    const spec = builtInRule(key)!.options[hovered];
    value = `**${hovered}** (${optionType(spec)}): ${spec.description}`;
  } else if (SEVERITY_DOCS[hovered] && (section === 'rules' || path.length === 0)) value = `**${hovered}**: ${SEVERITY_DOCS[hovered]}`;
  else if (section && SECTION_KEYS[section]?.[hovered]) value = `**${hovered}**: ${SECTION_KEYS[section][hovered]}`;
  return value ? { contents: { kind: MarkupKind.Markdown, value } } : null;
}
