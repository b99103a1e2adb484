// Rule `dateline`: the body opens with the house dateline, e.g. "SHYMKENT, Kazakhstan -- ".
// City in capitals, comma, region unless the city stands alone, optional date, separator.

import { canonicalDate, parseDateline, separatorMatches, type Span } from '../engine/dateline.js';
import type { ProseBlock } from '../engine/prose.js';
import type { RuleContext, RuleDefinition } from './rule.js';

export const dateline: RuleDefinition = {
  id: 'dateline',
  description: 'The story opens with the house dateline: CITY in capitals, region, separator.',
  defaultSeverity: 'error',
  fixable: true,
  options: {},
  check: checkDateline,
};

function checkDateline(context: RuleContext): void {
  const block = context.doc.dateline;
  if (!block) return;
  const template = context.style.dateline;
  const example = exampleFor(template.form);
  const parsed = parseDateline(block);
  const at = (span: { start: number; end: number }) => ({
    start: block.map.toSource(span.start),
    end: block.map.toSourceEnd(span.end),
  });
  if (!parsed) {
    const firstWord = /^\S+/.exec(block.text)?.[0] ?? block.text;
    context.report({
      ...at({ start: 0, end: firstWord.length }),
      message: `The story should open with a dateline in the form "${example}".`,
    });
    return;
  }
  const { city, regions, date, separator } = parsed;
  const upperCity = city.text.toUpperCase();
  if (city.text !== upperCity) {
    context.report({
      ...at(city),
      message: `Write the dateline city in capitals: "${upperCity}".`,
      fix: { title: `Upper-case the city: ${upperCity}`, edits: [{ ...at(city), text: upperCity }] },
    });
  }
  if (parsed.missingCommaAt !== null) {
    const point = block.map.toSourceEnd(parsed.missingCommaAt);
    context.report({
      ...at(city),
      message: `Put a comma after the dateline city ("${upperCity}, ${regions[0]?.text ?? ''}").`,
      fix: { title: 'Insert the comma after the city', edits: [{ start: point, end: point, text: ',' }] },
    });
  }
  checkRegion(context, block, upperCity, regions, city, example);
  if (template.hasDate && !date) {
    context.report({
      ...at({ start: city.start, end: separator.start }),
      message: `The dateline needs a date, as in "${example}".`,
    });
  }
  if (date && canonicalDate(date.text) !== date.text) {
    const right = canonicalDate(date.text);
    context.report({
      ...at(date),
      message: `Write the dateline date as "${right}".`,
      fix: { title: `Write the date as ${right}`, edits: [{ ...at(date), text: right }] },
    });
  }
  checkSeparator(context, block, separator, template.separator);
}

/**
 * The separator as the template has it. When the story starts on the next line (wire
 * earnings tables: "NEW YORK, March 3 -" then "Shr 1.20 dlrs ...") or in the next paragraph
 * (the dateline alone in its paragraph), the line break stands for the trailing space: the
 * fix rewrites the dashes only and keeps the break, so it settles in one pass and never
 * joins lines.
 */
function checkSeparator(context: RuleContext, block: ProseBlock, separator: Span, expected: string): void {
  if (separatorMatches(separator.text, expected)) return;
  const breaks = /[ \t]*(?:\r\n?|\n)[ \t]*$/.exec(separator.text);
  const endsParagraph = separator.end >= block.text.trimEnd().length;
  const lineEnds = breaks !== null || endsParagraph;
  const written = lineEnds ? separator.text.slice(0, breaks ? breaks.index : separator.text.length).trimEnd() : separator.text;
  const wanted = lineEnds ? expected.trimEnd() : expected;
  if (written === wanted) return;
  const dashes = { start: separator.start, end: separator.start + written.length };
  const range = { start: block.map.toSource(dashes.start), end: block.map.toSourceEnd(dashes.end) };
  const shown = JSON.stringify(expected);
  context.report({
    ...range,
    message: `Use ${shown} between the dateline and the story, not ${JSON.stringify(separator.text)}.`,
    fix: { title: `Use the separator ${shown}`, edits: [{ ...range, text: wanted }] },
  });
}

function checkRegion(
  context: RuleContext,
  block: ProseBlock,
  upperCity: string,
  regions: Span[],
  city: Span,
  example: string,
): void {
  const style = context.style;
  if (!style.dateline.hasRegion || style.config.dateline.region !== 'required') return;
  if (regions.length > 0 || style.standaloneCities.has(upperCity)) return;
  context.report({
    start: block.map.toSource(city.start),
    end: block.map.toSourceEnd(city.end),
    message: `Add the region or country after ${upperCity} ("${example}"), or list ${upperCity} under dateline.standalone if it stands alone.`,
  });
}

/** The template with sample values, for messages: "SHYMKENT, Kazakhstan -- ". */
export function exampleFor(form: string): string {
  return form.replace('{CITY}', 'CITY').replace('{Region}', 'Region').replace('{Date}', 'March 8');
}
