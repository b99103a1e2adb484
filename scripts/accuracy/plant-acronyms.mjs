// Planter for `acronym-first-use`: a story's first definition "Full Name (ACR)" cut to the
// bare "ACR", so the acronym's first use has no expansion.

import { bodyMatches, bodyStart, insideQuote, paragraphs, pick, replaceSpan } from './story.mjs';

const MINOR = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'de', 'to', 'at', '&']);

/** Whether the significant words' initials spell the acronym: "Organisation of Petroleum ..." -> OPEC-ish checks. */
function initialsMatch(name, acronym) {
  const words = name.split(/[\s-]+/).filter((w) => w && !MINOR.has(w.toLowerCase()));
  const initials = words.map((w) => w[0].toUpperCase()).join('');
  return initials === acronym || initials.endsWith(acronym) && words.length - acronym.length <= 1 && !/^\p{Lu}/u.test(words[0]);
}

function plant(text, rng, context) {
  const exempt = new Set(context?.config?.acronyms?.exempt ?? []);
  // An acronym the style's dictionary does not know is reported only with reportUnknown: no error to plant otherwise.
  const dictionary = context?.config?.acronyms?.dictionary ?? {};
  const reportUnknown = context?.config?.rules?.['acronym-first-use']?.options?.reportUnknown === true;
  const paras = paragraphs(text);
  const from = bodyStart(text);
  const seen = new Set();
  const candidates = [];
  for (const m of bodyMatches(text, /((?:[A-Z][\p{L}'’.-]*\s+(?:(?:of|and|for|the|on|in|de|to|&)\s+)*){1,9})\(([A-Z]{2,6})\)/gu)) {
    const [whole, name, acronym] = m;
    if (seen.has(acronym)) continue;
    seen.add(acronym);
    if (exempt.has(acronym) || !initialsMatch(name.trim(), acronym) || insideQuote(text, paras, m.index)) continue;
    if (!reportUnknown && !Object.hasOwn(dictionary, acronym)) continue;
    // Only the first mention: the acronym or the full name must not stand anywhere earlier.
    const earlier = text.slice(from, m.index);
    if (new RegExp(`\\b${acronym}\\b`).test(earlier) || earlier.includes(name.trim())) continue;
    candidates.push({ at: m.index, end: m.index + whole.length, acronym });
  }
  const choice = pick(rng, candidates);
  if (!choice) return null;
  return replaceSpan(text, choice.at, choice.end, choice.acronym, 'acronym-first-use');
}

export const kinds = [{ name: 'expansion removed', goal: 0.97, outlets: ['reuters', 'bbc'], plant }];
