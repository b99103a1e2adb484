// Planters for `attribution-verb`: a neutral "said" in the writer's own words turned into a
// loaded verb, once before "that" and once in reported speech without "that".

import { bodyMatches, insideQuote, matchCase, paragraphs, pick, replaceSpan } from './story.mjs';

const LOADED = ['claimed', 'admitted', 'insisted', 'conceded', 'revealed', 'stated', 'acknowledged', 'asserted', 'declared', 'maintained', 'contended'];
/** Before "said", these make it passive or adjectival: "is said to", "the said company". */
const NOT_SPEECH_BEFORE = /(?:\b(?:is|are|was|were|be|been|being|it|the|having)\s+|[-'’])$/i;

function plantSaid(text, rng, wantThat, context) {
  // Only verbs the outlet's style counts as loaded: what its copy uses routinely is no error there.
  const styleVerbs = context?.config?.rules?.['attribution-verb']?.options?.verbs;
  const loaded = styleVerbs ? LOADED.filter((v) => styleVerbs.includes(v)) : LOADED;
  if (loaded.length === 0) return null;
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
  return replaceSpan(text, m.index, m.index + 4, matchCase(m[0], pick(rng, loaded)), 'attribution-verb');
}

export const kinds = [
  { name: 'loaded verb + that', goal: 0.9, outlets: ['reuters', 'bbc'], plant: (text, rng, context) => plantSaid(text, rng, true, context) },
  { name: 'loaded verb, no that', goal: 0.9, outlets: ['reuters', 'bbc'], plant: (text, rng, context) => plantSaid(text, rng, false, context) },
];
