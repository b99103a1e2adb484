// Code actions that teach the style instead of changing the draft: add an acronym to the
// dictionary or the exempt list, or accept a term for good. Each is a WorkspaceEdit on the
// .copydesk.yaml that governs the draft, made with the yaml Document API so comments, order and
// formatting survive; only the changed span is replaced. Builds edits; never writes files.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { isConfigFileName } from './documents.js';
import { minimalEdit } from './fix-all.js';
import type { DraftLint } from './lint-cache.js';

export const TEACH_COMMAND = 'copydesk.teachStyle';

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

function placeholderComment(acronym: string): string {
  return ` Copydesk: write what ${acronym} stands for`;
}

function teach(doc: Document, lesson: Lesson): void {
  switch (lesson.kind) {
    case 'dictionary': {
      const expansion = lesson.expansion?.trim() || `Full name of ${lesson.acronym}`;
      doc.setIn(['acronyms', 'dictionary', lesson.acronym], doc.createNode(expansion));
      const node = doc.getIn(['acronyms', 'dictionary', lesson.acronym], true) as { comment?: string | null };
      if (!lesson.expansion?.trim()) node.comment = placeholderComment(lesson.acronym);
      return;
    }
    case 'exempt': {
      const exempt = doc.getIn(['acronyms', 'exempt'], true);
      if (isSeq(exempt)) exempt.add(doc.createNode(lesson.acronym));
      else doc.setIn(['acronyms', 'exempt'], doc.createNode([lesson.acronym]));
      return;
    }
    case 'term':
      // The term mapped to itself: the terms rule has nothing to replace, here and below this file.
      doc.setIn(['terms', lesson.term], doc.createNode(lesson.term));
      return;
  }
}

/** The config text with the lesson applied, or null when the file is not a YAML mapping we can edit safely. */
export function applyLesson(text: string, lesson: Lesson): string | null {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = text.slice(bom.length).replace(/\r\n/g, '\n');
  const doc = parseDocument(body);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return null;
  teach(doc, lesson); // setIn on an empty document creates the mapping
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return bom + (eol === '\n' ? out : out.replace(/\n/g, eol));
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
