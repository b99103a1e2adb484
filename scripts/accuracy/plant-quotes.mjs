// Planters for the quotation rules: a closing quotation mark dropped (`quote-balance`), and
// a quotation's own attribution stripped where no neighbouring sentence attributes it
// (`quote-attribution`).

import { paragraphs, pick } from './story.mjs';

const SPEECH = /\b(?:said|says|say|told|tells|added|adds|asked|explained|stated|announced|wrote|declared|noted|claimed|insisted|argued|warned|replied|commented|continued|remarked|acknowledged|admitted|revealed|recalled|urged|reported|predicted|concluded|suggested|confirmed|agreed|denied|conceded|stressed|according to)\b/i;

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

/** Crude sentences of a paragraph: [start, end) spans. */
function sentences(text, p) {
  const out = [];
  const re = /[^]*?(?:[.!?]["”']?(?=\s+["“A-Z(]|\s*$)|$)/gy;
  re.lastIndex = p.start;
  const body = text.slice(0, p.end);
  for (let m = re.exec(body); m && m[0].length > 0; m = re.exec(body)) {
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ start: m.index + lead, end: m.index + m[0].length });
    if (re.lastIndex >= p.end) break;
  }
  return out;
}

const unquoted = (s) => s.replace(/["“][^"”]*["”]/g, ' ');
const quoteWords = (s) => Math.max(0, ...[...s.matchAll(/["“]([^"”]*)["”]/g)].map((m) => m[1].match(/\p{L}+/gu)?.length ?? 0));

// `"Quoted words," the minister said.` / `"…?" asked Jones.` — the attribution ends the sentence.
const ATTRIBUTED = /^(["“])([^"”]{10,}?)([,?!])(["”])\s+((?:[\p{L}.'’-]+\s+){0,5}?)(said|says|added|told|asked|explained|stated|noted|warned|insisted|argued)((?:\s+[\p{L}.'’-]+){0,5})\.$/u;

function plantStrippedAttribution(text, rng) {
  const paras = paragraphs(text);
  const candidates = [];
  paras.forEach((p, pi) => {
    const list = sentences(text, p);
    list.forEach((s, si) => {
      const sentence = text.slice(s.start, s.end);
      const m = ATTRIBUTED.exec(sentence);
      if (!m || (m[2].match(/\p{L}+/gu)?.length ?? 0) < 4) return;
      const speaker = `${m[5]} ${m[7]}`.trim().toLowerCase();
      const previous = si > 0 ? list[si - 1] : pi > 0 ? sentences(text, paras[pi - 1]).at(-1) : undefined;
      if (previous && SPEECH.test(unquoted(text.slice(previous.start, previous.end)))) return;
      const next = si + 1 < list.length ? list[si + 1] : undefined;
      if (next) {
        const nextText = text.slice(next.start, next.end);
        // A neighbour's attribution of a quotation of its own belongs to that quotation, unless the speaker is the same.
        if (SPEECH.test(unquoted(nextText)) && (quoteWords(nextText) < 4 || unquoted(nextText).toLowerCase().includes(speaker))) return;
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
