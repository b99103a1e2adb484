// Rule `date-format`: day references in the house form "Tuesday (April 30)", and, when the
// front matter has an ISO `date`, a weekday that matches its date. Reads body prose only;
// fixes rewrite the reference to the configured form or correct the weekday.

import type { NewsDocument } from '../engine/document.js';
import type { ProseBlock } from '../engine/prose.js';
import { sentencesOf, sentenceIndexAt } from '../engine/segment.js';
import type { RuleContext, RuleDefinition } from './rule.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Month as written (full or abbreviated, with or without a dot) -> 0-based month. */
const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((m, i) => {
  MONTH_INDEX.set(m, i);
  MONTH_INDEX.set(m.slice(0, 3), i);
});
MONTH_INDEX.set('Sept', 8);

const WEEKDAY = `(?<weekday>${WEEKDAYS.join('|')})`;
// Only abbreviations take a dot: "Feb. 27", never the full stop after "27 February.".
const MONTH = `(?:${MONTHS.join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)`;
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?!\\d)';
const YEAR = '(?:,?\\s+(?<year>(?:19|20)\\d\\d)(?!\\d))?';
const MONTH_DAY = `(?<month>${MONTH})\\s+(?<day>${DAY})${YEAR}`;
const DAY_MONTH = `(?<day2>${DAY})\\s+(?<month2>${MONTH})${YEAR.replace('year', 'year2')}`;
const DATE = `(?:${MONTH_DAY}|${DAY_MONTH})`;
/**
 * Every way of writing a weekday with its date; `Tuesday (April 30)` is one of them.
 * The groups say which shape matched, so the rewrite knows the parts.
 */
const DAY_REFERENCE = new RegExp(
  [
    `${WEEKDAY}(?<sep>\\s*\\(\\s*|,\\s*|\\s+)${DATE}(?<close>\\s*\\))?`,
    `(?<month3>${MONTH})\\s+(?<day3>${DAY})(?<year3>,?\\s+(?:19|20)\\d\\d)?\\s*\\(\\s*(?<weekday3>${WEEKDAYS.join('|')})\\s*\\)`,
  ]
    .map((alt) => `(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`)
    .join('|'),
  'gu',
);

interface DayReference {
  start: number;
  end: number;
  weekday: string;
  weekdayAt: number;
  month: string;
  day: number;
  year: string | null;
  /** The text as the house form would write it. */
  written: string;
}

type DateForm = 'weekday-parenthesised-date' | 'weekday-comma-date' | 'weekday-day-month' | 'date-only';

export const dateFormat: RuleDefinition = {
  id: 'date-format',
  description: 'Write day references in the house form, Tuesday (April 30), with the right weekday for the date.',
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    form: {
      type: 'string',
      default: 'weekday-parenthesised-date',
      enum: ['weekday-parenthesised-date', 'weekday-comma-date', 'weekday-day-month', 'date-only'],
      description: 'House form of a weekday with its date: "Tuesday (April 30)", "Tuesday, April 30" (wire), "Tuesday 30 April" (British) or just "April 30".',
    },
    checkWeekday: { type: 'boolean', default: true, description: "Check the weekday against the date, in the year of the front matter's date." },
  },
  check(context: RuleContext): void {
    const form = context.options.form as DateForm;
    const published = context.options.checkWeekday ? publicationDate(context.doc) : null;
    for (const block of context.doc.body) {
      DAY_REFERENCE.lastIndex = 0;
      for (let m = DAY_REFERENCE.exec(block.text); m; m = DAY_REFERENCE.exec(block.text)) {
        const ref = readReference(m);
        if (!ref) continue;
        const wanted = render(ref, form);
        if (ref.written !== wanted) reportForm(context, block, ref, wanted, form);
        if (published) checkWeekday(context, block, ref, published);
      }
    }
  },
};

function readReference(m: RegExpExecArray): DayReference | null {
  const g = m.groups ?? {};
  if (g.weekday3) {
    return {
      start: m.index, end: m.index + m[0].length, weekday: g.weekday3, weekdayAt: m.index + m[0].lastIndexOf(g.weekday3),
      month: g.month3, day: Number(g.day3), year: g.year3 ? g.year3.replace(/\D/g, '') : null, written: m[0],
    };
  }
  const parenthesised = g.sep.includes('(');
  // "Tuesday (April 30" with no closing bracket, or "Tuesday April 30)": leave half-bracketed text to the writer.
  if (parenthesised !== Boolean(g.close)) return null;
  return {
    start: m.index, end: m.index + m[0].length, weekday: g.weekday, weekdayAt: m.index,
    month: g.month ?? g.month2, day: Number(g.day ?? g.day2), year: g.year ?? g.year2 ?? null, written: m[0],
  };
}

function render(ref: DayReference, form: DateForm): string {
  if (form === 'weekday-day-month') {
    // British order spells the month out: "Friday 4 March".
    const month = MONTHS[MONTH_INDEX.get(ref.month.replace('.', '')) ?? -1] ?? ref.month;
    return `${ref.weekday} ${ref.day} ${month}${ref.year ? ` ${ref.year}` : ''}`;
  }
  const date = `${ref.month} ${ref.day}${ref.year ? `, ${ref.year}` : ''}`;
  if (form === 'date-only') return date;
  if (form === 'weekday-comma-date') return `${ref.weekday}, ${date}`;
  return `${ref.weekday} (${date})`;
}

function reportForm(context: RuleContext, block: ProseBlock, ref: DayReference, wanted: string, form: DateForm): void {
  let end = ref.end;
  let text = wanted;
  // "on Tuesday, April 30, police said": the comma after the date closed the apposition; it goes too,
  // unless the reference opens the sentence or follows a comma, where the comma is the sentence's own.
  // In British order the comma after the date stays: "on Friday 4 March, officials said".
  const commaAfter = block.text[end] === ',' && /^,/.test(ref.written.slice(ref.weekday.length)) && form !== 'weekday-comma-date' && form !== 'weekday-day-month';
  if (commaAfter && !opensClause(block, ref.start)) end += 1;
  if (form === 'weekday-comma-date' && !opensClause(block, ref.start) && /^[\s\p{L}]/u.test(block.text.slice(end, end + 1))) {
    text = `${wanted},`;
  }
  const start = block.map.toSource(ref.start);
  const sourceEnd = block.map.toSourceEnd(end);
  context.report({
    start,
    end: block.map.toSourceEnd(ref.end),
    message: `Write the day as "${wanted}" (house form), not "${ref.written}".`,
    fix: { title: `Rewrite as "${wanted}"`, edits: [{ start, end: sourceEnd, text }] },
  });
}

/** Whether the reference (with a leading "on") opens its sentence or follows a comma. */
function opensClause(block: ProseBlock, at: number): boolean {
  const sentences = sentencesOf(block);
  const sentence = sentences[sentenceIndexAt(sentences, at)];
  const before = block.text.slice(sentence ? sentence.start : 0, at).replace(/\bon\s+$/i, '');
  return /^[\s"“(]*$/u.test(before) || /,\s*$/.test(before);
}

function checkWeekday(context: RuleContext, block: ProseBlock, ref: DayReference, published: Date): void {
  const month = MONTH_INDEX.get(ref.month.replace('.', '')) ?? -1;
  if (month < 0) return;
  const year = ref.year ? Number(ref.year) : nearestYear(published, month, ref.day);
  const date = new Date(Date.UTC(year, month, ref.day));
  // February 30 and the like: no weekday to check.
  if (date.getUTCMonth() !== month) return;
  const actual = WEEKDAYS[date.getUTCDay()];
  if (actual === ref.weekday) return;
  const start = block.map.toSource(ref.weekdayAt);
  const end = block.map.toSourceEnd(ref.weekdayAt + ref.weekday.length);
  context.report({
    start,
    end,
    message: `${MONTHS[month]} ${ref.day}, ${year} is a ${actual}, not a ${ref.weekday}.`,
    fix: { title: `Change the weekday to ${actual}`, edits: [{ start, end, text: actual }] },
  });
}

/**
 * The year a yearless date falls in: the one that puts it nearest the publication date,
 * so a story of January 3 that mentions "December 31" means the December just gone.
 */
function nearestYear(published: Date, month: number, day: number): number {
  const base = published.getUTCFullYear();
  let best = base;
  let bestDistance = Infinity;
  for (const year of [base - 1, base, base + 1]) {
    const distance = Math.abs(Date.UTC(year, month, day) - published.getTime());
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

/** The front matter's `date` when it is ISO 8601 (a YAML timestamp or a string); other shapes are not read. */
function publicationDate(doc: NewsDocument): Date | null {
  const value = doc.frontMatter?.data?.date;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 ? date : null;
}
