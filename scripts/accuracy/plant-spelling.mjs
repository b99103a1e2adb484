// Planter for `terms` with `spelling: en-GB`: one British spelling in a BBC story turned
// American (colour -> color, defence -> defense), from the variants package's own list.

import { createRequire } from 'node:module';
import { bodyMatches, insideQuote, matchCase, paragraphs, pick, replaceSpan } from './story.mjs';

const toAmerican = createRequire(import.meta.url)('american-british-english-translator/data/british_spellings.json');

function plant(text, rng) {
  const paras = paragraphs(text);
  const candidates = bodyMatches(text, /(?<![\p{L}'’-])\p{L}+(?![\p{L}-])/gu, (m) => {
    const lower = m[0].toLowerCase();
    if (!Object.hasOwn(toAmerican, lower) || toAmerican[lower].includes(' ')) return false;
    // Names keep their own spelling; only lower-case words, or a capital that opens a sentence.
    if (m[0] !== lower && !/(?:^|[.!?]["']?\s+)$/.test(text.slice(Math.max(0, m.index - 4), m.index))) return false;
    return !insideQuote(text, paras, m.index);
  });
  const m = pick(rng, candidates);
  if (!m) return null;
  return replaceSpan(text, m.index, m.index + m[0].length, matchCase(m[0], toAmerican[m[0].toLowerCase()]), 'terms');
}

export const kinds = [{ name: 'American spelling (British style)', goal: 0.9, outlets: ['bbc'], plant }];
