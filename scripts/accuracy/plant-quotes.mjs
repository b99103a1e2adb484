// Planters for the quotation rules: a closing quotation mark dropped (`quote-balance`), and
// a quotation's own attribution stripped where no neighbouring sentence attributes it
// (`quote-attribution`).

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { engineSentences, paragraphs, pick } from './story.mjs';

// The rule's own speech verbs (and their -s forms): what the rule reads as an attribution.
const RULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'server', 'src', 'rules');
const { SPEECH_VERBS } = await import(pathToFileURL(path.join(RULES, 'quote-attribution.js')).href);
const { inflections } = await import(pathToFileURL(path.join(RULES, 'attribution-verb.js')).href);
const speechWords = new Set(SPEECH_VERBS);
for (const v of SPEECH_VERBS) if (/^\w+ed$/.test(v)) speechWords.add(inflections(v).find(([, f]) => f === 'third')[0]);
const SPEECH = new RegExp(`\\b(?:${[...speechWords].map((w) => w.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'i');

/** Straight or curly double marks of a paragraph, paired in order: [[open, close], ...]; null when odd. */
function pairs(text, p) {
  const at = [];
  for (let i = p.start; i < p.end; i++) if (/["“”]/.test(text[i])) at.push(i);
  if (at.length % 2 === 1) return null;
  const out = [];
  for (let i = 0; i < at.length; i += 2) out.push([at[i], at[i + 1]]);
  return out;
}

function plantDroppedMark(text, rng) {
  const paras = paragraphs(text);
  const candidates = [];
  paras.forEach((p, index) => {
    const list = pairs(text, p);
    if (!list) return;
    list.forEach(([open, close], k) => {
      if ((text.slice(open + 1, close).match(/\p{L}+/gu)?.length ?? 0) < 2) return;
      const next = list[k + 1];
      if (next) {
        // Nothing but space before the next quotation reads as paragraphs run together.
        if (!/\p{L}/u.test(text.slice(close + 1, next[0]))) return;
      } else {
        // The last quotation of a paragraph left open before a paragraph that opens with a mark is the open-quote convention.
        const following = paras[index + 1];
        if (following && /^["“]/.test(text.slice(following.start, following.start + 1))) return;
      }
      candidates.push([open, close]);
    });
  });
  const choice = pick(rng, candidates);
  if (!choice) return null;
  const [open, close] = choice;
  return { text: text.slice(0, close) + text.slice(close + 1), start: open, end: Math.min(close + 1, text.length - 1), rule: 'quote-balance' };
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
