// Planted errors for the consistency rules (issue 13): a name respelled by a transliteration
// rule, a phrase re-capitalised, a compound re-hyphenated, an -ise/-ize swap and a surname
// moved before its introduction. Each planter picks a place from the story's own text by
// simple patterns of its own (not the rules' code) and returns null where a story offers none.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AMERICAN_TO_BRITISH = require('american-british-english-translator/data/american_spellings.json');

/** The story after front matter and headline: [offset where the body starts, body text]. */
function body(text) {
  let at = 0;
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (fm) at = fm[0].length;
  const heading = /^\s*#[^\n]*\n/.exec(text.slice(at));
  if (heading) at += heading[0].length;
  else {
    const firstLine = /^\s*[^\n]+\n\s*\n/.exec(text.slice(at));
    if (firstLine) at += firstLine[0].length;
  }
  return at;
}

const pick = (list, rng) => list[Math.floor(rng() * list.length)];
const NOT_NAMES = new Set(
  'The This That These Those There They Their When While Where Which What After Before Since Under With From Some Many Most Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December Reuter Reuters However Meanwhile Earlier Later'.split(' '),
);

/** Whether offset `at` lies inside double quotation marks of its paragraph. */
function quoted(text, at) {
  const start = text.lastIndexOf('\n\n', at) + 1;
  const marks = text.slice(start, at).match(/["“”]/g);
  return marks !== null && marks.length % 2 === 1;
}

/** Every match of a global pattern in the body, as { index, text, groups }. */
function matches(text, from, pattern) {
  const out = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push(m);
  return out;
}

function replaceAt(text, start, end, replacement) {
  return text.slice(0, start) + replacement + text.slice(end);
}

// ---------------------------------------------------------------------------------------
// A name respelled by a transliteration rule

const RESPELLINGS = [
  [/yev\b/, 'ev'],
  [/ev\b/, 'yev'],
  [/kh/, 'h'],
  [/ou/, 'u'],
  [/^Ye/, 'E'],
  [/(?<=[aeiou])y(?=[aeiou])/, 'i'],
  [/(?<=\w)i(?=[aeou])/, 'y'],
  [/([lnrst])\1/, '$1'],
  [/(?<=[aeiou])([lnrst])(?=[aeiou])/, '$1$1'],
];

function plantName(text, rng) {
  const from = body(text);
  const words = matches(text, from, /(?<![\p{L}'’-])\p{Lu}\p{Ll}{4,}(?![\p{L}'’-])/gu).filter((m) => !NOT_NAMES.has(m[0]));
  const byName = new Map();
  for (const m of words) byName.set(m[0], [...(byName.get(m[0]) ?? []), m]);
  const candidates = [];
  for (const [name, uses] of byName) {
    if (uses.length < 2) continue;
    // Written mid-sentence at least once: a proper noun, not a word opening a sentence.
    if (!uses.some((m) => /[\p{Ll},]\s+$/u.test(text.slice(Math.max(0, m.index - 3), m.index)))) continue;
    for (const [pattern, replacement] of RESPELLINGS) {
      if (!pattern.test(name)) continue;
      const respelled = name.replace(pattern, replacement);
      if (respelled !== name && !byName.has(respelled)) candidates.push({ uses, respelled });
    }
  }
  if (candidates.length === 0) return null;
  const { uses, respelled } = pick(candidates, rng);
  const use = pick(uses.slice(1), rng);
  return { text: replaceAt(text, use.index, use.index + use[0].length, respelled), start: use.index, end: use.index + respelled.length, rule: 'name-consistency' };
}

// ---------------------------------------------------------------------------------------
// A phrase re-capitalised

function plantCapitals(text, rng) {
  const from = body(text);
  // Two or three capitalised words in mid-sentence, with no capitalised word or "of" around them.
  const runs = matches(text, from, /(?<=(?:^|[ \t\n(])\p{Ll}+,?[ \t]+(?:the[ \t]+)?)(\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+){1,2})(?![ \t\n]+(?:\p{Lu}|of\b|for\b))(?![-'’]?\p{L}|-)/gu);
  const byPhrase = new Map();
  for (const m of runs) if (!quoted(text, m.index) && !/\bof\s+(?:the\s+)?$/.test(text.slice(m.index - 8, m.index))) byPhrase.set(m[1], [...(byPhrase.get(m[1]) ?? []), m]);
  const repeated = [...byPhrase.values()].filter((uses) => uses.length >= 2 && !uses[0][1].split(' ').some((w) => NOT_NAMES.has(w)));
  if (repeated.length === 0) return null;
  const uses = pick(repeated, rng);
  const use = pick(uses.slice(1), rng);
  const lower = use[1].toLowerCase();
  return { text: replaceAt(text, use.index, use.index + lower.length, lower), start: use.index, end: use.index + lower.length, rule: 'capitalisation-consistency' };
}

// ---------------------------------------------------------------------------------------
// A compound re-hyphenated

function plantHyphen(text, rng) {
  const from = body(text);
  const compounds = matches(text, from, /(?<![\p{L}-])(\p{Ll}{2,})-(\p{Ll}{2,})(?![\p{L}-])/gu).filter((m) => m[1] !== 're' && !quoted(text, m.index));
  const byWord = new Map();
  for (const m of compounds) byWord.set(m[0], [...(byWord.get(m[0]) ?? []), m]);
  const repeated = [...byWord.values()].filter((uses) => uses.length >= 2);
  if (repeated.length === 0) return null;
  const uses = pick(repeated, rng);
  const use = pick(uses.slice(1), rng);
  const closed = use[1] + use[2];
  return { text: replaceAt(text, use.index, use.index + use[0].length, closed), start: use.index, end: use.index + closed.length, rule: 'hyphenation-consistency' };
}

// ---------------------------------------------------------------------------------------
// An -ise/-ize swap

function plantIse(text, rng, context) {
  const from = body(text);
  const terms = new Set(Object.entries(context?.config?.terms ?? {}).flat().map((w) => w.toLowerCase()));
  const britishToAmerican = new Map(Object.entries(AMERICAN_TO_BRITISH).map(([us, gb]) => [gb, us]));
  const uses = [];
  for (const m of matches(text, from, /(?<![\p{L}'’-])\p{Ll}+(?![\p{L}'’-])/gu)) {
    const word = m[0];
    const gb = AMERICAN_TO_BRITISH[word];
    const us = britishToAmerican.get(word);
    const other = gb ?? us;
    if (!other || terms.has(word) || terms.has(other) || quoted(text, m.index)) continue;
    // Only -ize/-ise pairs: the words differ by z for s.
    if (word.length !== other.length || word.replace(/z/g, 's') !== other.replace(/z/g, 's')) continue;
    uses.push({ m, other });
  }
  if (uses.length < 2) return null;
  // A style that fixes British spelling (terms with `spelling: en-GB`) leaves the swap to `terms`.
  const termsRule = context?.config?.rules?.terms;
  const british = termsRule && termsRule.severity !== 'off' && termsRule.options?.spelling && termsRule.options.spelling !== 'off';
  const candidates = british ? uses.slice(1).filter((u) => /z/.test(u.other)) : uses.slice(1);
  if (candidates.length === 0) return null;
  const { m, other } = pick(candidates, rng);
  return { text: replaceAt(text, m.index, m.index + m[0].length, other), start: m.index, end: m.index + other.length, rule: british ? 'terms' : 'spelling-consistency' };
}

// ---------------------------------------------------------------------------------------
// A surname moved before its introduction

function plantSurname(text, rng) {
  const from = body(text);
  const people = [];
  const seen = new Set();
  for (const m of matches(text, from, /(?<=(?:^|[\s(])\p{Ll}+,?\s+|^)(\p{Lu}\p{Ll}+)[ \t](\p{Lu}\p{Ll}{2,})(?![ \t]*\p{Lu})(?!['’]?\p{L})/gmu)) {
    const [, given, surname] = m;
    if (NOT_NAMES.has(given) || seen.has(surname)) continue;
    seen.add(surname);
    // A name in a list ("Stephens, Ras Kwame and ...") or written twice over is no single introduction.
    if (/^,\s+\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    if (text.indexOf(m[0]) !== m.index || text.indexOf(m[0], m.index + m[0].length) !== -1) continue;
    // The surname alone later, as a person: "Smith said", "Mr Smith".
    const later = new RegExp(`(?<![\\p{L}][ \\t])(?<![\\p{L}])${surname}(?=\\s+(?:said|says|told|added)\\b)`, 'gu');
    later.lastIndex = m.index + m[0].length;
    const bare = later.exec(text);
    if (bare && !quoted(text, bare.index)) people.push({ m, given, surname, bare });
  }
  if (people.length === 0) return null;
  const { m, given, surname, bare } = pick(people, rng);
  // Swap the forms: the surname alone where the introduction stood, the full name at the later use.
  let out = replaceAt(text, bare.index, bare.index + surname.length, `${given} ${surname}`);
  out = replaceAt(out, m.index, m.index + m[0].length, surname);
  return { text: out, start: m.index, end: m.index + surname.length, rule: 'second-reference' };
}

export const kinds = [
  { name: 'name respelled by a transliteration rule', goal: 0.9, outlets: ['reuters', 'bbc'], plant: plantName },
  { name: 'phrase re-capitalised', goal: 0.9, outlets: ['reuters', 'bbc'], plant: plantCapitals },
  { name: 'compound re-hyphenated', goal: 0.9, outlets: ['reuters', 'bbc'], plant: plantHyphen },
  { name: '-ise/-ize swap', goal: 0.9, outlets: ['reuters', 'bbc'], plant: plantIse },
  { name: 'surname moved before its introduction', goal: 0.9, outlets: ['reuters', 'bbc'], plant: plantSurname },
];
