// Planter for `numbers`: a count written the other way round, "three people" as "3 people"
// or "25 people" as "twenty-five people", in running prose outside quotations.

import { bodyMatches, insideQuote, paragraphAt, paragraphs, pick, replaceSpan } from './story.mjs';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const inWords = (n) => (n < 10 ? WORDS[n] : n < 20 ? TEENS[n - 10] : TENS[Math.floor(n / 10)] + (n % 10 ? `-${WORDS[n % 10]}` : ''));

/** Lower-case words after which a number is a plain count. */
const BEFORE = new Set('the about some for of and with by at in on than all only nearly almost just over under least had has have were are was employs employed after into from among his her its their our those these another'.split(' '));
/** Words after a number that make it a unit, a date, part of a range or a larger number. */
const NOT_AFTER = /^(?:percent|pct|per|cent|million|mln|billion|bln|trillion|thousand|hundred|dollars?|dlrs?|cts|cents|pence|pounds?|stg|yen|marks|francs|years?|months?|weeks?|days?|hours?|minutes?|seconds?|times|or|and|to|of|point|points|a|an|the|pm|am|o|mins|goals?|games?|sets?|runs?|shares?|tonnes?|tons?|barrels?|ounces?|acres?|miles?|feet|km|kg|lb|degrees)$/i;

function plant(text, rng) {
  const paras = paragraphs(text);
  const ok = (m, word) => {
    const p = paragraphAt(paras, m.index);
    if (!p || !/[.!?]["']?\s*$/.test(text.slice(p.start, p.end))) return false;
    if (insideQuote(text, paras, m.index)) return false;
    const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, m.index - 20), m.index))?.[1] ?? '';
    if (!BEFORE.has(before) || /\n/.test(text.slice(m.index - before.length - 2, m.index))) return false;
    return /^[a-z]{3,}$/.test(word) && !NOT_AFTER.test(word) && !/^(?:[-\/.,%]|\s*-)/.test(text.slice(m.index + m[1].length));
  };
  const spelled = bodyMatches(text, /\b(two|three|four|five|six|seven|eight|nine)\s+([a-z]+)\b/g, (m) => ok(m, m[2]));
  const figures = bodyMatches(text, /(?<![\d.,$£-])([1-9]\d)\s+([a-z]+)\b/g, (m) => ok(m, m[2]));
  const useFigure = spelled.length > 0 && (figures.length === 0 || rng() < 0.5);
  const m = pick(rng, useFigure ? spelled : figures);
  if (!m) return null;
  const value = useFigure ? WORDS.indexOf(m[1]) : Number(m[1]);
  return replaceSpan(text, m.index, m.index + m[1].length, useFigure ? String(value) : inWords(value), 'numbers');
}

export const kinds = [{ name: 'number form', goal: 0.98, outlets: ['reuters', 'bbc'], plant }];
