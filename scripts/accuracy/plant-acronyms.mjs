// Planter for `acronym-first-use`: a story's first definition "Full Name (ACR)" cut to the
// bare "ACR", so the acronym's first use has no expansion while the story goes on using it;
// likewise a name written out in full before its acronym is first used ("the Federal Open
// Market Committee ... the FOMC"), cut to the acronym.
// Every such definition in the story is planted, each in its own copy, whether or not the
// style's dictionary knows the acronym: the tool is not asked which ones it would catch.
// The name is read here on its own terms (the shortest run of words before the bracket
// whose initials spell the acronym, capitalised or not), not with the engine's reading.

import { bodyStart, insideQuote, paragraphs, replaceSpan } from './story.mjs';

/** Small words a name may carry, giving their letter or not: "Bank for ... and Development", "letter of credit". */
const MINOR = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'de', 'to', 'at', '&']);
const WORD = /<?[\p{L}][\p{L}\p{M}.'’-]*>?|&/gu;

/** Letters a word may give: its initial, the initials of its hyphenated parts, and all of "U.S.". */
function lettersOf(word) {
  const w = word.replace(/[<>]/g, '').replace(/['’]s$/, '');
  const out = [w[0].toUpperCase()];
  const parts = w.split('-').filter(Boolean);
  if (parts.length > 1) out.push(parts.map((p) => p[0].toUpperCase()).join(''));
  const caps = w.replace(/\./g, '');
  if (/^\p{Lu}{2,}$/u.test(caps)) out.push(caps);
  return out;
}

/** Whether words[i..] spell letters[at..] exactly (minor words may give their letter or not). */
function spells(words, i, letters, at) {
  if (i === words.length) return at === letters.length;
  const w = words[i];
  if (MINOR.has(w.toLowerCase())) {
    if (at > 0 && w !== '&' && letters[at] === w[0].toUpperCase() && spells(words, i + 1, letters, at + 1)) return true;
    return at > 0 && spells(words, i + 1, letters, at);
  }
  return lettersOf(w).some((x) => letters.startsWith(x, at) && spells(words, i + 1, letters, at + x.length));
}

/** Start offset of the shortest run of words ending at `paren` that spells the acronym, or -1. */
function nameStart(text, paren, acronym) {
  const clause = /[^,;:()"“”]*$/.exec(text.slice(Math.max(0, paren - 160), paren))[0].split(/\n\s*\n/).pop();
  const base = paren - clause.length;
  const words = [...clause.matchAll(WORD)];
  const letters = acronym.replace(/&/g, '');
  for (let k = words.length - 1; k >= 0 && words.length - k <= letters.length + 4; k--) {
    const run = words.slice(k).map((m) => m[0]);
    if (run.length >= 2 && spells(run, 0, letters, 0)) return base + words[k].index;
  }
  return -1;
}

/** Every eligible definition, as [at, end) of "Full Name (ACR)", the acronym and what replaces it. */
export function definitions(text, context) {
  const exempt = new Set(context?.config?.acronyms?.exempt ?? []);
  const paras = paragraphs(text);
  const from = bodyStart(text);
  const seen = new Set();
  const out = [];
  for (const m of text.slice(from).matchAll(/\(([A-Z][A-Z&]*[A-Z])\)/g)) {
    const paren = from + m.index;
    const acronym = m[1];
    if (seen.has(acronym)) continue;
    seen.add(acronym);
    const at = nameStart(text, paren, acronym);
    if (at < 0 || exempt.has(acronym) || insideQuote(text, paras, at)) continue;
    const word = new RegExp(`(?<![\\p{L}\\p{N}&])${acronym}(?![\\p{L}\\p{N}&])`, 'u');
    const name = text.slice(at, paren).trim();
    // Only the first mention: neither the acronym nor the full name stands anywhere earlier.
    const earlier = text.slice(from, at);
    if (word.test(earlier) || earlier.includes(name.replace(/['’]s$/, ''))) continue;
    // The story must go on using the acronym, or there is no first use to speak of.
    const end = paren + m[0].length;
    if (!word.test(text.slice(end))) continue;
    const possessive = /['’]s$/.exec(name)?.[0] ?? '';
    out.push({ at, end, acronym, insert: acronym + possessive });
  }
  return out;
}

/**
 * Every acronym the story introduces by writing its name out first without brackets ("the
 * Federal Open Market Committee ... the FOMC"), as [at, end) of that name and the acronym.
 */
export function writtenNames(text, context, skip = new Set()) {
  const exempt = new Set(context?.config?.acronyms?.exempt ?? []);
  const paras = paragraphs(text);
  const from = bodyStart(text);
  const seen = new Set(skip);
  const out = [];
  for (const m of text.slice(from).matchAll(/(?<![\p{L}\p{N}&(])([A-Z][A-Z&]*[A-Z])(?![\p{L}\p{N}&)])/gu)) {
    const acronym = m[1];
    const use = from + m.index;
    if (seen.has(acronym)) continue;
    seen.add(acronym);
    if (exempt.has(acronym) || acronym.replace(/&/g, '').length < 3) continue;
    const name = firstSpelling(text, from, use, acronym);
    if (!name || insideQuote(text, paras, name.at)) continue;
    // A definition in another form ("Name, or ACR," / "Name <Province> (ACR)") is not a name written out alone.
    if (new RegExp(`^(?:\\s+\\p{Lu}[\\p{L}.]*)*\\s*(?:\\(|,\\s*(?:or\\s+)?|-+\\s*)${acronym}\\b`, 'u').test(text.slice(name.end))) continue;
    // A company's name before its legal form is the name, not an expansion of the ticker-like initials.
    if (LEGAL_FORM.test(text.slice(name.at, name.end)) || new RegExp(`^\\s+${LEGAL_FORM.source}`).test(text.slice(name.end))) continue;
    const possessive = /['’]s$/.exec(text.slice(name.at, name.end))?.[0] ?? '';
    out.push({ ...name, acronym, insert: acronym + possessive });
  }
  return out;
}

const LEGAL_FORM = /\b(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|Pte|LLC|AG|SA|NV|LBO)\b/;

/** The first run of capitalised words (small words between) in text[from, to) that spells the acronym. */
function firstSpelling(text, from, to, acronym) {
  const letters = acronym.replace(/&/g, '');
  const RUN = /\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:(?:of|and|for|the|on|in|de|to|at|&)\s+)*\p{Lu}[\p{L}\p{M}.'’-]*)+/gu;
  for (const m of text.slice(from, to).matchAll(RUN)) {
    const words = [...m[0].matchAll(WORD)];
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Lu}/u.test(words[i][0])) continue;
      for (let j = words.length; j > i + 1; j--) {
        const run = words.slice(i, j).map((w) => w[0]);
        if (!/^\p{Lu}/u.test(run[run.length - 1]) || !spells(run, 0, letters, 0)) continue;
        const at = from + m.index + words[i].index;
        return { at, end: from + m.index + words[j - 1].index + words[j - 1][0].replace(/\.$/, '').length };
      }
    }
  }
  return null;
}

function plant(text, _rng, context) {
  const bracketed = definitions(text, context);
  const written = writtenNames(text, context, new Set(bracketed.map((d) => d.acronym)));
  return [...bracketed, ...written].map((d) => replaceSpan(text, d.at, d.end, d.insert, 'acronym-first-use'));
}

export const kinds = [{ name: 'expansion removed', goal: 0.97, outlets: ['reuters', 'bbc'], plant }];
