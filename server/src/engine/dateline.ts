// The dateline: the template a style maintainer writes ("{CITY}, {Region} -- ",
// "{CITY}, {Region}, {Date} - ") and the reading of a dateline paragraph's opening into
// city, region, date and separator. Offsets here are into the block's prose text.

import type { ProseBlock } from './prose.js';
import { regionNames } from './regions.js';

export interface DatelineTemplate {
  form: string;
  hasRegion: boolean;
  hasDate: boolean;
  /** What must stand between the dateline and the story, e.g. " -- ". */
  separator: string;
}

const TOKEN = /\{(CITY|Region|Date)\}/g;

/** Validates and compiles a dateline form. Errors are user-facing sentences. */
export function compileDatelineTemplate(
  form: string,
): { ok: true; template: DatelineTemplate } | { ok: false; error: string } {
  const tokens = [...form.matchAll(TOKEN)].map((m) => m[1]);
  const unknown = /\{(?!CITY\}|Region\}|Date\})[^}]*\}/.exec(form);
  if (unknown) return { ok: false, error: `unknown placeholder ${unknown[0]}; use {CITY}, {Region} and {Date}` };
  if (!form.startsWith('{CITY}')) return { ok: false, error: 'the form must start with {CITY}, e.g. "{CITY}, {Region} -- "' };
  const expected = tokens.filter((t) => t !== 'CITY');
  const order = ['Region', 'Date'].filter((t) => expected.includes(t));
  if (expected.join() !== order.join() || new Set(expected).size !== expected.length) {
    return { ok: false, error: 'placeholders must appear once each, in the order {CITY}, {Region}, {Date}' };
  }
  const lastToken = form.lastIndexOf('}');
  const separator = form.slice(lastToken + 1);
  if (!/[-–—]/.test(separator)) {
    return { ok: false, error: `the form must end with a separator such as " -- " or " - " after the last placeholder (got "${separator}")` };
  }
  const between = form.slice(0, lastToken + 1).replace(TOKEN, '');
  if (!/^(, )*$/.test(between)) return { ok: false, error: 'separate the placeholders with ", " as in "{CITY}, {Region} -- "' };
  return {
    ok: true,
    template: { form, hasRegion: tokens.includes('Region'), hasDate: tokens.includes('Date'), separator },
  };
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface ParsedDateline {
  city: Span;
  /** Comma-separated parts after the city that are not the date: "Kazakhstan", "Calif.". */
  regions: Span[];
  date: Span | null;
  /** The separator as written, white space included, e.g. " -- " or " -\n". */
  separator: Span;
  /** Where the story proper starts. */
  storyStart: number;
  /** Set when the city runs into the region with no comma ("SHYMKENT Kazakhstan"): where the comma belongs. */
  missingCommaAt: number | null;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** A date written in the wrong case ("MARCH 11", "april 7") is still read as the date. */
const DATELINE_DATE_ANY_CASE = new RegExp(`^${MONTH}\\.? \\d{1,2}$`, 'i');

/** The date as the house writes it: "MARCH 11" -> "March 11". */
export function canonicalDate(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}
/** Heads are short: a city, up to three more parts, no sentence punctuation. */
const HEAD = /^\p{L}(?:[\p{L}\p{M}\p{N} .,'’()&/]|-(?=\p{L})){0,90}?(?=\s*(?:--|—|–)|\s+-|-\s)/u;
const SEPARATOR = /^\s*(?:--|—|–|-)[ \t]*(?:(?:\r\n?|\n)[ \t]*)?/;

/** Reads the dateline at the start of a paragraph, or null when it does not open with one. */
export function parseDateline(block: ProseBlock): ParsedDateline | null {
  const text = block.text;
  const head = HEAD.exec(text);
  if (!head) return null;
  const sep = SEPARATOR.exec(text.slice(head[0].length));
  if (!sep) return null;
  const parts = splitParts(head[0]);
  const cityPart = parts[0];
  const rest = parts.slice(1);
  const cityWords = cityPart.text.split(' ');
  const isCaps = (w: string) => w === w.toUpperCase() && /\p{Lu}/u.test(w);
  // A dateline has a capitalised city, or at least the shape "City, Region -".
  if (!isCaps(cityWords[0]) && rest.length === 0) return null;
  if (cityWords.length > 5) return null;
  let city = cityPart;
  let missingCommaAt: number | null = null;
  const capsCount = cityWords.findIndex((w) => !isCaps(w));
  if (capsCount > 0) {
    // "SHYMKENT Kazakhstan --": the city stops where the capitals stop.
    const cityText = cityWords.slice(0, capsCount).join(' ');
    const regionStart = cityPart.start + cityText.length + 1;
    city = { start: cityPart.start, end: cityPart.start + cityText.length, text: cityText };
    rest.unshift({ start: regionStart, end: cityPart.end, text: text.slice(regionStart, cityPart.end) });
    missingCommaAt = city.end;
  }
  if (missingCommaAt === null) {
    // "HAUPPAUGE N.Y.", "SHYMKENT KAZAKHSTAN": a region in capitals or with periods ran into the city.
    const split = splitTrailingRegion(city);
    if (split) {
      rest.unshift(split.region);
      city = split.city;
      missingCommaAt = city.end;
    }
  }
  const last = rest[rest.length - 1];
  const date = last && DATELINE_DATE_ANY_CASE.test(last.text) ? last : null;
  const regions = date ? rest.slice(0, -1) : rest;
  const sepStart = head[0].length;
  const separator = { start: sepStart, end: sepStart + sep[0].length, text: sep[0] };
  return { city, regions, date, separator, storyStart: separator.end, missingCommaAt };
}

/** Words a city name may end with that make a following region part of the name: "PORT OF SPAIN". */
const NAME_LINKS = new Set(['OF', 'DE', 'DEL', 'DA', 'DO', 'DOS', 'DU', 'LA', 'LE', 'LES', 'EL', 'AL', 'THE', 'SAN', 'SANTA', 'ST.', 'NEW', 'NORTH', 'SOUTH', 'EAST', 'WEST']);

/** The longest known region (up to three words) ending a capitals city, when a real city name remains before it. */
function splitTrailingRegion(city: Span): { city: Span; region: Span } | null {
  const words = city.text.split(' ');
  const regions = regionNames();
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const region = words.slice(-n).join(' ');
    const remainder = words.slice(0, -n);
    if (!regions.has(region) || NAME_LINKS.has(remainder[remainder.length - 1])) continue;
    // "NEW YORK", "RIO DE JANEIRO": a region that is also the whole place is the city.
    if (regions.has(city.text)) return null;
    const cityText = remainder.join(' ');
    const regionStart = city.start + cityText.length + 1;
    return {
      city: { start: city.start, end: city.start + cityText.length, text: cityText },
      region: { start: regionStart, end: city.end, text: region },
    };
  }
  return null;
}

function splitParts(head: string): Span[] {
  const parts: Span[] = [];
  const re = /[^,]+/g;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (text) parts.push({ start: m.index + lead, end: m.index + lead + text.length, text });
  }
  return parts;
}

/** Whether the separator as written is the template's, reading a line break as a space. */
export function separatorMatches(written: string, expected: string): boolean {
  return written.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ') === expected || written === expected;
}
