// Planters for the quotation rules: a closing quotation mark dropped (`quote-balance`), and
// a quotation's own attribution stripped where no neighbouring sentence attributes it
// (`quote-attribution`).

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { engineQuotations, engineSentences, pick } from './story.mjs';

// The rule's own speech verbs (and their -s forms): what the rule reads as an attribution.
const RULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'server', 'src', 'rules');
const { SPEECH_VERBS } = await import(pathToFileURL(path.join(RULES, 'quote-attribution.js')).href);
const { inflections } = await import(pathToFileURL(path.join(RULES, '..', 'engine', 'speech-verbs.js')).href);
const speechWords = new Set(SPEECH_VERBS);
for (const v of SPEECH_VERBS) if (/^\w+ed$/.test(v)) speechWords.add(inflections(v).find(([, f]) => f === 'third')[0]);
const SPEECH = new RegExp(`\\b(?:${[...speechWords].map((w) => w.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'i');

/**
 * A closing mark dropped from a quotation the engine reads as closed. Not where no reader
 * could tell: before another quotation with nothing but space between (paragraphs run
 * together), or at the end of a paragraph whose next paragraph opens with a mark (the
 * open-quote convention).
 */
function plantDroppedMark(text, rng) {
  const candidates = engineQuotations(text).filter((q) => {
    if (q.words < 2 || text[q.close] !== '"') return false;
    if (/^\s*["“]/.test(q.tail)) return false;
    if (/^[\s.,!?]*$/.test(q.tail) && /^\s*["“]/.test(q.nextParagraph)) return false;
    return true;
  });
  const choice = pick(rng, candidates);
  if (!choice) return null;
  const { open, close } = choice;
  return { text: text.slice(0, close) + text.slice(close + 1), start: open, end: close + 1, rule: 'quote-balance' };
}

const unquoted = (s) => s.replace(/["“][^"”]*["”]/g, ' ');
const quoteWords = (s) => Math.max(0, ...[...s.matchAll(/["“]([^"”]*)["”]/g)].map((m) => m[1].match(/\p{L}+/gu)?.length ?? 0));

// `"Quoted words," the minister said.` / `"…?" asked Jones.` — the attribution ends the sentence.
const ATTRIBUTED = /^(["“])([^"”]{10,}?)([,?!])(["”])\s+((?:[\p{L}.'’-]+\s+){0,5}?)(said|says|added|told|asked|explained|stated|noted|warned|insisted|argued)((?:\s+[\p{L}.'’-]+){0,5})\.$/u;

function plantStrippedAttribution(text, rng) {
  const perParagraph = engineSentences(text);
  const candidates = [];
  perParagraph.forEach((list, pi) => {
    list.forEach((s, si) => {
      const sentence = text.slice(s.start, s.end);
      const m = ATTRIBUTED.exec(sentence);
      if (!m || (m[2].match(/\p{L}+/gu)?.length ?? 0) < 4) return;
      const speaker = `${m[5]} ${m[7]}`.trim().toLowerCase();
      // Next door, as a reader takes it: the sentences either side in the paragraph, and across a
      // paragraph break the sentence that ends the paragraph before (or opens the one after).
      const previous = si > 0 ? list[si - 1] : pi > 0 ? perParagraph[pi - 1].at(-1) : undefined;
      const next = si + 1 < list.length ? list[si + 1] : pi + 1 < perParagraph.length ? perParagraph[pi + 1][0] : undefined;
      // A quotation just before (within two sentences) makes this one read as the same speaker's run.
      const before = [list[si - 2] ?? (pi > 0 ? perParagraph[pi - 1].at(si - 2) : undefined), previous].filter(Boolean);
      if (before.some((b) => /["“”]/.test(text.slice(b.start, b.end)))) return;
      // An attribution there may be read as this quotation's: no place to plant "no attribution".
      if (previous && SPEECH.test(unquoted(text.slice(previous.start, previous.end)))) return;
      if (next) {
        const nextText = text.slice(next.start, next.end);
        // A neighbour that introduces a quotation of its own ("Jones said: "…"") attributes that one, unless
        // it names the same speaker; one that opens with a quotation may be a run of the same speaker.
        const introducesOwn = quoteWords(nextText) >= 4 && !/^["“]/.test(nextText);
        if (SPEECH.test(unquoted(nextText)) && (!introducesOwn || unquoted(nextText).toLowerCase().includes(speaker))) return;
      }
      candidates.push({ s, m });
    });
  });
  const choice = pick(rng, candidates);
  if (!choice) return null;
  const { s, m } = choice;
  const punct = m[3] === ',' ? '.' : m[3];
  const bare = `${m[1]}${m[2]}${punct}${m[4]}`;
  return { text: text.slice(0, s.start) + bare + text.slice(s.end), start: s.start, end: s.start + bare.length, rule: 'quote-attribution' };
}

export const kinds = [
  { name: 'quote mark dropped', goal: 0.95, outlets: ['reuters', 'bbc'], plant: plantDroppedMark },
  { name: 'attribution stripped', goal: 0.9, outlets: ['reuters', 'bbc'], plant: plantStrippedAttribution },
];
