// Code actions that teach the style instead of changing the draft: add an acronym to the
// dictionary or the exempt list, or accept a term for good. Each is a WorkspaceEdit on the
// .copydesk.yaml that governs the draft: the yaml Document API finds where the entry goes and only
// the new entry is inserted (yaml-insert.ts), so comments and formatting survive. Builds edits only.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TEACH_COMMAND } from '../protocol/index.js';
import { isConfigFileName } from './documents.js';
import { minimalEdit } from './fix-all.js';
import { appendSequenceItem, insertMappingEntry } from './yaml-insert.js';
import type { DraftLint } from './lint-cache.js';

export type Lesson =
  | { kind: 'dictionary'; acronym: string; expansion?: string }
  | { kind: 'exempt'; acronym: string }
  | { kind: 'term'; term: string };

/** The file a lesson goes into: the nearest style file of the draft (a YAML file, not a Vale folder). */
export function governingConfig(lint: DraftLint): string | null {
  const nearest = lint.configFiles[lint.configFiles.length - 1];
  if (!nearest) return null;
  return isConfigFileName(nearest) || /\.ya?ml$/i.test(nearest) ? nearest : null;
}

/** The config text with the lesson added (only the new entry is inserted), or null when its shape is not one we edit. */
export function applyLesson(text: string, lesson: Lesson): string | null {
  switch (lesson.kind) {
    case 'dictionary': {
      const expansion = lesson.expansion?.trim();
      if (expansion) return insertMappingEntry(text, ['acronyms', 'dictionary'], lesson.acronym, expansion);
      return insertMappingEntry(text, ['acronyms', 'dictionary'], lesson.acronym, `Full name of ${lesson.acronym}`, `Copydesk: write what ${lesson.acronym} stands for`);
    }
    case 'exempt':
      return appendSequenceItem(text, ['acronyms', 'exempt'], lesson.acronym);
    case 'term':
      // The term mapped to itself: the terms rule has nothing to replace, here and below this file.
      return insertMappingEntry(text, ['terms'], lesson.term, lesson.term);
  }
}

/** The WorkspaceEdit for a lesson on `configFile`, whose current text is `text` (open buffer or disk). */
export function lessonEdit(configFile: string, text: string, lesson: Lesson): WorkspaceEdit | null {
  const next = applyLesson(text, lesson);
  if (next === null) return null;
  const uri = pathToFileURL(configFile).href;
  const edit: TextEdit | null = minimalEdit(TextDocument.create(uri, 'yaml', 0, text), next);
  return edit ? { changes: { [uri]: [edit] } } : null;
}

export function readText(file: string, openText: (uri: string) => string | undefined): string | null {
  const open = openText(pathToFileURL(file).href);
  if (open !== undefined) return open;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** What a finding could teach: acronyms for the acronym rules, the matched word for terms. */
export function lessonsFor(rule: string, flagged: string): Lesson[] {
  if (rule === 'acronym-first-use' || rule === 'acronym-consistency') {
    const acronym = /^[A-Z0-9&]*[A-Z][A-Z0-9&]*/.exec(flagged)?.[0];
    if (!acronym || acronym.length < 2) return [];
    return [{ kind: 'dictionary', acronym }, { kind: 'exempt', acronym }];
  }
  if (rule === 'terms' && flagged.trim() !== '') return [{ kind: 'term', term: flagged.trim().toLowerCase() }];
  return [];
}

export function lessonTitle(lesson: Lesson, configFile: string): string {
  const where = path.basename(configFile);
  switch (lesson.kind) {
    case 'dictionary':
      return `Add ${lesson.acronym} to the style's acronym dictionary (${where})`;
    case 'exempt':
      return `Add ${lesson.acronym} to exempt (${where})`;
    case 'term':
      return `Always accept "${lesson.term}" (${where})`;
  }
}

/**
 * The teaching actions for one finding. With `ask`, the dictionary action is a command the client
 * answers by asking for the expansion; otherwise every action carries its edit (a placeholder
 * expansion, commented, to complete).
 */
export function teachingActions(
  lint: DraftLint,
  finding: { rule: string; start: number; end: number },
  diagnostic: Diagnostic,
  openText: (uri: string) => string | undefined,
  ask: boolean,
): CodeAction[] {
  const configFile = governingConfig(lint);
  if (!configFile) return [];
  const flagged = lint.document.source.slice(finding.start, finding.end);
  const text = readText(configFile, openText);
  if (text === null) return [];
  const actions: CodeAction[] = [];
  for (const lesson of lessonsFor(finding.rule, flagged)) {
    // An acronym the dictionary already knows needs spelling out, not a new entry.
    if (lesson.kind === 'dictionary' && lint.style.acronyms.dictionary.has(lesson.acronym)) continue;
    const title = lessonTitle(lesson, configFile);
    if (ask && lesson.kind === 'dictionary') {
      const argument = { draftUri: lint.uri, lesson };
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: TEACH_COMMAND, arguments: [argument] } });
      continue;
    }
    const edit = lessonEdit(configFile, text, lesson);
    if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
  }
  return actions;
}
