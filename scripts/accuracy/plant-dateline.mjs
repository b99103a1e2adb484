// Planter for `dateline`: a well-formed wire dateline ("CITY, Region, Feb 26 - ") broken in
// one of the ways copy arrives: city not in capitals, comma dropped after the city, date
// missing or in capitals, wrong separator.

import { paragraphs, pick } from './story.mjs';

const WIRE = /^([A-Z][A-Z .'-]*[A-Z.])((?:, [^,\n]+)*), ((?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]* \d{1,2}) - /;

const titleCase = (city) => city.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, s, c) => s + c.toUpperCase());

function plant(text, rng) {
  const first = paragraphs(text)[0];
  if (!first) return null;
  const m = WIRE.exec(text.slice(first.start));
  if (!m) return null;
  const [, city, regions, date] = m;
  const breaks = [
    () => `${titleCase(city)}${regions}, ${date} - `,
    () => (regions ? `${city}${regions.slice(1)}, ${date} - ` : `${city} ${date} - `),
    () => `${city}${regions} - `,
    () => `${city}${regions}, ${date.toUpperCase()} - `,
    () => `${city}${regions}, ${date}: `,
    // The region run into the city in capitals: "HAUPPAUGE N.Y., March 2".
    () => `${city}${regions.slice(1).toUpperCase()}, ${date} - `,
  ];
  const options = breaks.filter((_, i) => (i !== 0 || /[A-Z]{2}/.test(city)) && (i !== 5 || regions !== ''));
  const head = pick(rng, options)();
  const end = first.start + m[0].length;
  const out = text.slice(0, first.start) + head + text.slice(end);
  return { text: out, start: first.start, end: first.start + head.length, rule: 'dateline' };
}

export const kinds = [{ name: 'dateline broken', goal: 0.99, outlets: ['reuters'], plant }];
