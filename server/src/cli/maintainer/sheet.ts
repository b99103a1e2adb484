// `copydesk sheet DRAFT`: the story's style sheet, as an editor keeps one by hand: people and
// how they are introduced, other names, acronyms with their expansions, and the spellings and
// compounds the story chose. Text or JSON (--format json). Reads the engine's analyses only.

import path from 'node:path';
import type { ConfigResolver } from '../../config/index.js';
import { formatConfigError } from '../../config/errors.js';
import { analyseAcronyms } from '../../engine/acronyms.js';
import { computeLineStarts, lineOf, parseNewsDocument, type NewsDocument } from '../../engine/document.js';
import { runText, storyNames, transliterationKey, type NameRun } from '../../engine/names.js';
import type { StoryWord } from '../../engine/story-words.js';
import type { CompiledStyle } from '../../engine/style.js';
import { compileStyle } from '../../runner/style.js';
import { compoundText, compoundUses } from '../../rules/hyphenation-consistency.js';
import { CLASS_NAMES, spellingUses } from '../../rules/spelling-consistency.js';
import { readDraftFile } from '../read.js';
import type { CommandOutput } from './commands.js';

export interface StyleSheet {
  file: string;
  people: { name: string; line: number; laterForms: string[] }[];
  names: { name: string; line: number; uses: number }[];
  /** One name written more than one way (the first spelling, then the others). */
  nameSpellings: { first: string; others: string[] }[];
  acronyms: { acronym: string; expansion: string | null; source: 'story' | 'dictionary' | 'none'; line: number }[];
  spellings: { class: string; convention: 'British' | 'American' | 'mixed'; words: string[] }[];
  compounds: { form: string; otherForms: string[] }[];
}

/** "sheet" as the first positional argument, like the maintainer commands; a draft named "sheet" is "./sheet". */
export function isSheetCommand(positionals: readonly string[]): boolean {
  return positionals[0] === 'sheet';
}

export function runSheetCommand(args: readonly string[], context: { cwd: string; resolver: ConfigResolver; json: boolean }): CommandOutput {
  if (args.length !== 1) {
    return { stdout: '', stderr: 'copydesk: sheet needs exactly one draft, e.g. "copydesk sheet story.md" (add --format json for JSON)\n', exitCode: 2 };
  }
  const file = path.resolve(context.cwd, args[0]);
  const read = readDraftFile(file, args[0]);
  if (!read.ok) return { stdout: '', stderr: `${read.message}\n`, exitCode: 2 };
  const resolved = context.resolver.forFile(file);
  if (!resolved.ok) {
    const lines = [...new Set(resolved.errors.map(formatConfigError))];
    return { stdout: '', stderr: `${lines.join('\n')}\ncopydesk: the style configuration has errors; fix them and run again\n`, exitCode: 2 };
  }
  const sheet = buildStyleSheet(args[0], read.text, compileStyle(resolved.value.config));
  return { stdout: context.json ? JSON.stringify(sheet, null, 2) + '\n' : formatStyleSheet(sheet), stderr: '', exitCode: 0 };
}

export function buildStyleSheet(file: string, source: string, style: CompiledStyle): StyleSheet {
  const doc = parseNewsDocument(source);
  const lineStarts = computeLineStarts(source);
  const lineAt = (w: StoryWord) => lineOf(lineStarts, w.block.map.toSource(w.start)) + 1;
  const acronyms = acronymsOf(doc, style, lineStarts);
  const { people, runs, tokens } = storyNames(doc);
  const peopleRows = people
    .filter((p) => p.corroborated)
    .map((p) => ({ name: `${p.given} ${p.surname}`, line: lineAt(p.intro.word), laterForms: laterForms(runs, p.surname, p.intro.word.index) }));
  const personWords = new Set(people.filter((p) => p.corroborated).flatMap((p) => [p.given, p.surname]));
  const expansionWords = new Set(acronyms.flatMap((a) => (a.expansion ?? '').split(/\s+/)));
  const names = new Map<string, { name: string; line: number; uses: number; shown: boolean }>();
  for (const words of joinedRuns(runs)) {
    const name = words.map((w, i) => (i === 0 ? w.text : joinerBefore(words[i - 1], w) + w.text)).join('');
    if (words.every((w) => personWords.has(w.text) || expansionWords.has(w.text))) continue;
    const entry = names.get(name) ?? { name, line: lineAt(words[0]), uses: 0, shown: false };
    entry.uses++;
    // A single capitalised word opening a sentence may be any word; in mid-sentence or with others it is a name.
    entry.shown ||= !words[0].sentenceStart || words.length > 1;
    names.set(name, entry);
  }
  const spellingsOfNames = new Map<string, string[]>();
  for (const token of tokens) {
    const key = transliterationKey(token.word.text);
    const list = spellingsOfNames.get(key) ?? [];
    if (token.word.text.length >= 4 && !list.includes(token.word.text)) list.push(token.word.text);
    spellingsOfNames.set(key, list);
  }
  const spellingOptions = style.optionsOf('spelling-consistency');
  const spellings = [...spellingUses(doc, style, spellingOptions)].map(([spellingClass, uses]) => {
    const british = uses.filter((u) => u.british).length;
    const convention: StyleSheet['spellings'][number]['convention'] = british === uses.length ? 'British' : british === 0 ? 'American' : 'mixed';
    return { class: CLASS_NAMES[spellingClass], convention, words: [...new Set(uses.map((u) => u.word.text.toLowerCase()))] };
  });
  const compounds = [...compoundUses(doc).values()].map((uses) => {
    const forms = [...new Set(uses.map(compoundText))];
    return { form: forms[0], otherForms: forms.slice(1) };
  });
  return {
    file,
    people: peopleRows,
    names: [...names.values()].filter((n) => n.shown).map(({ name, line, uses }) => ({ name, line, uses })),
    nameSpellings: [...spellingsOfNames.values()].filter((list) => list.length > 1).map(([first, ...others]) => ({ first, others })),
    acronyms,
    spellings,
    compounds,
  };
}

const JOINER = /^\s+(?:of|for|the|on|in|de|of the|for the)\s+$/;

/** Name runs joined over "of", "for", "and" ...: "Bureau of International Narcotics and Law Enforcement Affairs". */
function joinedRuns(runs: readonly NameRun[]): StoryWord[][] {
  const joined: StoryWord[][] = [];
  for (const run of runs) {
    const last = joined[joined.length - 1];
    const prev = last?.[last.length - 1];
    const first = run.words[0];
    if (prev && prev.block === first.block && !prev.possessive && JOINER.test(prev.block.text.slice(prev.end, first.start))) last.push(...run.words);
    else joined.push([...run.words]);
  }
  return joined;
}

function joinerBefore(prev: StoryWord, word: StoryWord): string {
  const between = prev.block.text.slice(prev.end, word.start);
  return JOINER.test(between) ? between.replace(/\s+/g, ' ') : ' ';
}

/** How the story refers to a person after the introduction: "Smith", "Mr Smith", "Secretary Smith". */
function laterForms(runs: ReturnType<typeof storyNames>['runs'], surname: string, after: number): string[] {
  const forms = new Set<string>();
  for (const run of runs) {
    const last = run.words[run.words.length - 1];
    if (last.text !== surname || last.index <= after + 1) continue;
    forms.add(run.words.slice(-2).length === 2 && run.words.length <= 2 ? runText(run) : surname);
  }
  return [...forms];
}

function acronymsOf(doc: NewsDocument, style: CompiledStyle, lineStarts: readonly number[]): StyleSheet['acronyms'] {
  const { byAcronym } = analyseAcronyms(doc, style.acronyms);
  const rows: StyleSheet['acronyms'] = [];
  for (const [acronym, occurrences] of byAcronym) {
    const definition = occurrences.find((o) => o.kind === 'definition' && o.expansion !== null);
    const dictionary = style.acronyms.dictionary.get(acronym)?.[0] ?? null;
    const first = definition ?? occurrences[0];
    const expansion = definition?.expansion ? trimLeading(definition.expansion.text, dictionary) : dictionary;
    const source = definition ? 'story' : dictionary ? 'dictionary' : 'none';
    rows.push({ acronym, expansion, source, line: lineOf(lineStarts, first.block.map.toSource(first.start)) + 1 });
  }
  return rows;
}

/** "the Interior Ministry" reads "Interior Ministry" on the sheet; a dictionary name inside wins. */
function trimLeading(text: string, dictionary: string | null): string {
  if (dictionary && text.toLowerCase().endsWith(dictionary.toLowerCase())) return text.slice(text.length - dictionary.length);
  return text.replace(/^(?:the|a|an)\s+/i, '');
}

export function formatStyleSheet(sheet: StyleSheet): string {
  const out = [`Style sheet for ${sheet.file}`, ''];
  const section = (title: string, rows: string[]) => {
    out.push(title);
    out.push(...(rows.length > 0 ? rows.map((r) => `  ${r}`) : ['  (none)']));
    out.push('');
  };
  section('People', sheet.people.map((p) => `${p.name}  (line ${p.line})${p.laterForms.length > 0 ? `; later: ${p.laterForms.join(', ')}` : ''}`));
  section('Acronyms', sheet.acronyms.map((a) => `${a.acronym.padEnd(6)} ${a.expansion ?? '(not spelled out)'}  (${a.source === 'story' ? `spelled out, line ${a.line}` : a.source === 'dictionary' ? `dictionary; first used line ${a.line}` : `first used line ${a.line}`})`));
  section('Names', sheet.names.map((n) => `${n.name}${n.uses > 1 ? ` (${n.uses}×)` : ''}`));
  section('Names written two ways', sheet.nameSpellings.map((n) => `${n.first} (also ${n.others.join(', ')})`));
  section('Spellings', sheet.spellings.map((s) => `${s.class}: ${s.convention} (${s.words.join(', ')})`));
  section('Compounds', sheet.compounds.map((c) => (c.otherForms.length > 0 ? `${c.form} (also ${c.otherForms.join(', ')})` : c.form)));
  return out.join('\n').trimEnd() + '\n';
}
