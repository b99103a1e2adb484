// Rule `second-reference`: a person is introduced by full name, then referred to as the style
// says (`secondReference: surname` as Reuters and AP, `honorific` as the BBC's Mr/Ms Surname).
// Reports a surname used before the person is introduced (the people version of an acronym's
// first use) and the full name written out again; the fix gives the short form.

import { APPOSITION_AFTER, HONORIFICS, SPEAKS_AFTER, honorificFor, isRoleWord, storyNames, type NameToken, type Person } from '../engine/names.js';
import { sourceRange, type StoryWord } from '../engine/story-words.js';
import type { TextEdit } from '../engine/types.js';
import type { RuleContext, RuleDefinition } from './rule.js';


export const secondReference: RuleDefinition = {
  id: 'second-reference',
  description: 'Introduce a person by full name before using the surname, and use the short form after that.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    secondReference: {
      type: 'string',
      default: 'surname',
      enum: ['surname', 'honorific', 'off'],
      description: 'Later references: "surname" (Smith), "honorific" (Mr Smith / Ms Smith), or "off" to accept the full name again.',
    },
    beforeIntroduction: {
      type: 'boolean',
      default: true,
      description: 'Report a surname used before the person is introduced by full name.',
    },
  },
  check(context: RuleContext): void {
    const { people, runs } = storyNames(context.doc);
    const form = context.options.secondReference as string;
    // A surname shared by two people ("Ronald Reagan", "Nancy Reagan") needs the full names.
    const givenPerSurname = new Map<string, number>();
    for (const p of people) givenPerSurname.set(p.surname, (givenPerSurname.get(p.surname) ?? 0) + 1);
    for (const person of people) {
      if (!person.corroborated || givenPerSurname.get(person.surname)! > 1) continue;
      if (context.options.beforeIntroduction !== false) checkBeforeIntroduction(context, person, runs, form);
      if (form !== 'off') for (const repeat of person.repeats) reportRepeat(context, person, repeat, form);
    }
  },
};

function checkBeforeIntroduction(context: RuleContext, person: Person, runs: ReturnType<typeof storyNames>['runs'], form: string): void {
  const intro = person.intro.word;
  // Another name ending in the surname ("Jimi Hendrix" beside "Janie Hendrix") may be whom the bare surname means.
  const others = runs.some((run) => {
    const w = run.words;
    const i = w.findIndex((x) => x.text === person.surname);
    return i > 0 && w[i - 1].text !== person.given && !HONORIFICS.has(w[i - 1].text) && !isRoleWord(w[i - 1].text);
  });
  if (others) return;
  for (const run of runs) {
    const words = run.words;
    const last = words[words.length - 1];
    if (!isBefore(last, intro)) break;
    if (last.text !== person.surname) continue;
    // "Smith", "Mr Smith" or "Treasury Secretary Smith": the surname with at most an honorific or a title before it.
    const before = words.length > 1 ? words[words.length - 2].text : null;
    const prefixed = before !== null && (HONORIFICS.has(before) || isRoleWord(before));
    if (before !== null && !prefixed) continue;
    const after = last.block.text.slice(last.end, last.end + 80);
    if (!prefixed && last.sentenceStart && !last.possessive && !SPEAKS_AFTER.test(after) && !APPOSITION_AFTER.test(after)) continue;
    const full = `${person.given} ${person.surname}`;
    // An honorific gives way to the given name; a title stays before it.
    const range = before !== null && HONORIFICS.has(before) ? sourceRange(words[words.length - 2], last) : sourceRange(last);
    // The introduction moves: the later full name becomes the short form in the same fix, so
    // the next pass finds nothing to do (when the short form is knowable; else it is reported then).
    const later = form === 'off' ? undefined : shortForm(person, person.intro, form);
    context.report({
      ...range,
      message: `${person.surname} is named before the story introduces ${full}; give the full name at the first mention.`,
      fix: { title: `Write "${full}"`, edits: [{ ...range, text: full }, ...(later?.edit ? [later.edit] : [])] },
      related: [{ ...sourceRange(person.intro.word, person.intro.run.words[person.intro.at + 1]), message: `${full} is introduced here.` }],
    });
    return;
  }
}

function isBefore(a: StoryWord, b: StoryWord): boolean {
  return a.index < b.index;
}

/** The short form of a full-name mention and the edit that writes it; the edit is null when it is not knowable. */
function shortForm(person: Person, token: NameToken, form: string): { text: string; range: { start: number; end: number }; edit: TextEdit | null } {
  const given = token.word;
  const surname = token.run.words[token.at + 1];
  const titled = token.at > 0;
  const short = form === 'honorific' ? honorificFor(person.given) : null;
  const text = form === 'honorific' ? (short ? `${short} ${person.surname}` : `Mr/Ms ${person.surname}`) : person.surname;
  const range = sourceRange(given, surname);
  // "Mr" or "Ms" is knowable only from an unambiguous given name; a title before the name stays as written.
  const fixable = !titled && !given.quoted && (form === 'surname' || short !== null);
  const edit = fixable ? { start: range.start, end: surname.block.map.toSource(surname.start), text: form === 'honorific' ? `${short} ` : '' } : null;
  return { text, range, edit };
}

function reportRepeat(context: RuleContext, person: Person, repeat: NameToken, form: string): void {
  if (repeat.word.quoted) return;
  const { text, range, edit } = shortForm(person, repeat, form);
  context.report({
    ...range,
    message: `${person.given} ${person.surname} is already introduced; after that write "${text}".`,
    fix: edit ? { title: `Write "${text}"`, edits: [edit] } : undefined,
    related: [{ ...sourceRange(person.intro.word, person.intro.run.words[person.intro.at + 1]), message: 'Introduced here.' }],
  });
}
