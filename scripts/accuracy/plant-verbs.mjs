// Planters for `attribution-verb`: a neutral "said" in the writer's own words turned into a
// loaded verb, once before "that" and once in reported speech without "that".

import { bodyMatches, insideQuote, matchCase, paragraphs, pick, replaceSpan } from './story.mjs';

const LOADED = ['claimed', 'admitted', 'insisted', 'conceded', 'revealed', 'stated', 'acknowledged', 'asserted', 'declared', 'maintained', 'contended'];
/** Before "said", these make it passive or adjectival: "is said to", "the said company". */
const NOT_SPEECH_BEFORE = /(?:\b(?:is|are|was|were|be|been|being|it|the|having)\s+|[-'’])$/i;

function plantSaid(text, rng, wantThat) {
  const paras = paragraphs(text);
  const candidates = bodyMatches(text, /\bsaid\b/gi, (m) => {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    const after = text.slice(m.index + 4, m.index + 40);
    if (NOT_SPEECH_BEFORE.test(before) || insideQuote(text, paras, m.index)) return false;
    if (/^\s+(?:to|by|so|yes|no)\b/i.test(after)) return false;
    const that = /^\s+that\b/i.test(after);
    return wantThat ? that : !that;
  });
  const m = pick(rng, candidates);
  if (!m) return null;
  return replaceSpan(text, m.index, m.index + 4, matchCase(m[0], pick(rng, LOADED)), 'attribution-verb');
}

export const kinds = [
  { name: 'loaded verb + that', goal: 0.9, outlets: ['reuters', 'bbc'], plant: (text, rng) => plantSaid(text, rng, true) },
  { name: 'loaded verb, no that', goal: 0.9, outlets: ['reuters', 'bbc'], plant: (text, rng) => plantSaid(text, rng, false) },
];
