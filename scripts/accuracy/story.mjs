// Reading helpers the planters share: where a dev-corpus story's body and paragraphs are,
// whether an offset sits inside a quotation (the engine's own reading, from the build), and
// picking a random candidate.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ENGINE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'server', 'src', 'engine');
const { parseNewsDocument } = await import(pathToFileURL(path.join(ENGINE, 'document.js')).href);
const { inQuotation, quotationsOf, sentencesOf } = await import(pathToFileURL(path.join(ENGINE, 'segment.js')).href);

/** Offset where the body starts: after the front matter and the `# ` headline line. */
export function bodyStart(text) {
  let at = 0;
  if (text.startsWith('---\n')) {
    const close = text.indexOf('\n---\n', 4);
    at = close < 0 ? 0 : close + 5;
  }
  const heading = /^[ \t]*\n*# [^\n]*\n/.exec(text.slice(at));
  return heading ? at + heading[0].length : at;
}

/** Body paragraphs as [start, end) spans, separated by blank lines. */
export function paragraphs(text) {
  const out = [];
  const from = bodyStart(text);
  const re = /(?:[^\n]+\n?)+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].replace(/\n+$/, '').length;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The paragraph holding offset `at`, or undefined. */
export function paragraphAt(paras, at) {
  return paras.find((p) => p.start <= at && at < p.end);
}

let lastDoc = { text: null, doc: null };

function docOf(text) {
  if (lastDoc.text !== text) lastDoc = { text, doc: parseNewsDocument(text) };
  return lastDoc.doc;
}

/**
 * Closed quotations within one paragraph as the engine reads them: source offsets of the
 * opening and closing marks, and what follows the closing mark up to the paragraph's end.
 */
export function engineQuotations(text) {
  const doc = docOf(text);
  return quotationsOf(doc)
    .filter((q) => q.closed && q.parts.length === 1)
    .map((q) => {
      const block = q.parts[0].block;
      const next = doc.body[doc.body.indexOf(block) + 1];
      return {
        open: block.map.toSource(q.open),
        close: block.map.toSource(q.close),
        words: q.wordCount,
        tail: block.text.slice(q.close + 1),
        nextParagraph: next ? next.text : '',
      };
    });
}

/** The body's sentences as the engine splits them, per paragraph: [[{ start, end }, ...], ...] in source offsets. */
export function engineSentences(text) {
  return docOf(text)
    .body.filter((b) => b.kind === 'paragraph')
    .map((b) => sentencesOf(b).map((s) => ({ start: b.map.toSource(s.start), end: b.map.toSourceEnd(s.end) })));
}

/**
 * Whether offset `at` is inside a quotation as the engine reads it, or in a paragraph whose
 * marks do not pair up (where a planted error would be a guess about whose words these are).
 */
export function insideQuote(text, paras, at) {
  if (inQuotation(docOf(text), at)) return true;
  const p = paragraphAt(paras, at);
  return p !== undefined && (text.slice(p.start, p.end).match(/["“”]/g)?.length ?? 0) % 2 === 1;
}

/** Every match of `re` (global) in the body for which `keep(match)` holds. */
export function bodyMatches(text, re, keep = () => true) {
  const from = bodyStart(text);
  const out = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (keep(m)) out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

export function pick(rng, list) {
  return list.length === 0 ? undefined : list[Math.floor(rng() * list.length)];
}

/** Replaces text[start, end) with `insert`; the planted span is where `insert` now stands. */
export function replaceSpan(text, start, end, insert, rule) {
  return { text: text.slice(0, start) + insert + text.slice(end), start, end: start + insert.length, rule };
}

/** The case of `model` on `word`: "Said" -> "Claimed", "SAID" -> "CLAIMED". */
export function matchCase(model, word) {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] === model[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}
