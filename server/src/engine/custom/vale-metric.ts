// Vale's metric check: a formula of + - * / and parentheses over counts of the draft
// (words, sentences, characters, syllables, paragraphs, headings by level, lists, ...).
// A tiny recursive-descent evaluator: no code runs, only arithmetic on these names.

import { perDocument, type NewsDocument } from '../document.js';
import { sentencesOf } from '../segment.js';

export const METRIC_VARIABLES = [
  'words', 'sentences', 'characters', 'syllables', 'paragraphs', 'polysyllabic_words', 'complex_words', 'long_words',
  'pre', 'list', 'blockquote', 'heading.h1', 'heading.h2', 'heading.h3', 'heading.h4', 'heading.h5', 'heading.h6',
] as const;

function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return w.length ? 1 : 0;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '').match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 0);
}

export const metricVariables = perDocument(countVariables);

function countVariables(doc: NewsDocument): Record<string, number> {
  const vars: Record<string, number> = Object.fromEntries(METRIC_VARIABLES.map((v) => [v, 0]));
  for (const block of doc.blocks) {
    if (block.kind === 'heading') vars[`heading.h${block.depth}`]++;
    else if (block.container === 'list') vars.list++;
    else if (block.container === 'blockquote') vars.blockquote++;
    if (block.kind !== 'paragraph') continue;
    vars.paragraphs++;
    vars.sentences += sentencesOf(block).length;
    for (const word of block.text.match(/[\p{L}\p{N}'’-]+/gu) ?? []) {
      const s = syllables(word);
      vars.words++;
      vars.characters += word.length;
      vars.syllables += s;
      if (s >= 3) vars.polysyllabic_words++;
      if (s >= 3 && !/^\p{Lu}/u.test(word) && !/(?:es|ed|ing)$/.test(word)) vars.complex_words++;
      if (word.length > 6) vars.long_words++;
    }
  }
  vars.pre = (doc.source.match(/^ {0,3}(?:```|~~~)/gm) ?? []).length / 2;
  return vars;
}

/** The formula's value, or a message saying what is wrong with it. `vars` null: check names only. */
export function evaluateMetric(formula: string, vars: Record<string, number> | null): number | string {
  const tokens = formula.match(/\s*(?:\d+(?:\.\d+)?|[A-Za-z_][\w.]*|[-+*/()])/g);
  if (!tokens || tokens.join('').replace(/\s/g, '') !== formula.replace(/\s/g, '')) return `the formula "${formula}" holds characters other than names, numbers and + - * / ( )`;
  const list = tokens.map((t) => t.trim());
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(why);
  };
  const primary = (): number => {
    const t = list[i++];
    if (t === undefined) return fail('it ends too early');
    if (t === '(') {
      const v = sum();
      if (list[i++] !== ')') fail('a parenthesis is not closed');
      return v;
    }
    if (t === '-') return -primary();
    if (/^\d/.test(t)) return Number(t);
    if (!(METRIC_VARIABLES as readonly string[]).includes(t)) fail(`"${t}" is not a metric variable (${METRIC_VARIABLES.join(', ')})`);
    return vars ? vars[t] : 1;
  };
  const product = (): number => {
    let v = primary();
    while (list[i] === '*' || list[i] === '/') v = list[i++] === '*' ? v * primary() : v / primary();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (list[i] === '+' || list[i] === '-') v = list[i++] === '+' ? v + product() : v - product();
    return v;
  };
  try {
    const v = sum();
    if (i !== list.length) fail(`"${list[i]}" is unexpected`);
    return v;
  } catch (e) {
    return `the formula "${formula}" cannot be read: ${(e as Error).message}`;
  }
}
