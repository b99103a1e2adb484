// A fast-check grammar of news drafts built from the pieces real wire and web copy is made
// of: datelines in every form, quotations, acronyms, brackets with URLs and e-mails, front
// matter, tables, lists, any line ending, a BOM, astral characters. All text is our own.

import fc from 'fast-check';

const CITIES = ['LONDON', 'ALMATY', 'NEW YORK', 'Shymkent', 'ST. LOUIS', 'SAO PAULO', 'BISHKEK', 'Kyiv', 'TOKYO'];
const REGIONS = ['England', 'Kazakhstan', 'Calif.', 'N.Y.', 'Kyrgyzstan', 'Ukraine', 'Japan'];
const DATES = ['March 3', 'MARCH 11', 'april 7', 'Dec. 24', 'June 1'];
const SEPARATORS = [' -- ', ' - ', ' — ', ' – ', '--', ' -', ' --', ' -\n', ' --\n', ' -\r\n', ' —\n'];
const ACRONYMS = ['IMF', 'OSCE', 'NATO', 'UN', 'WHO', 'NGO', 'NGOs', 'ECB', 'KNB', 'XYZQ', 'U.S.', 'EU'];
const NAMES = ['International Monetary Fund (IMF)', 'World Health Organization (WHO)', 'European Central Bank', 'Organisation for Security and Co-operation in Europe (OSCE)'];
const BRACKETS = [
  '[see www.imf.org for details]',
  '[a b@c.de]',
  '(www.example.org/path?x=1)',
  '[contact desk@example.com]',
  '<https://example.org/a>',
  '<news@example.net>',
  'http://example.com/report.',
  '[the report](https://example.org/r "Report")',
  '[IMF](https://imf.example/IMF)',
  '(mailto:a@b.org)',
  '[[www.a.org]]',
];
const WORDS = [
  'the', 'council', 'met', 'on', 'Monday', 'budget', 'police', 'said', 'claimed', 'admitted', 'organization', 'organized',
  'five', '5', '10', 'percent', '1,200', 'million', 'dlrs', 'vs', 'Shr', 'Net', 'Revs', 'Tuesday, March 4,', 'on Friday (May 2)',
  'ISIS', 'so-called Islamic State', 'Mr.', 'Corp.', 'Inc.', 'a.m.', 'U.S.', 'co-operation', "it's", 'O’Brien', 'rock’n’roll',
  '😀', '𝐀𝐁𝐂', '𝒳', 'café', 'naïve', 'Ünïcode', '&amp;', '&#128512;', '&nbsp;', '\\*', '\\[', '*emphasis*', '**strong**', '`code`',
  '~~gone~~', '<b>bold</b>', '<!-- note -->', '[^1]', '![photo](p.jpg)', '"', '“', '”', "'", '‘', '’', '(', ')', '[', ']', ':', ';', '.', ',',
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const word = fc.oneof(
  { weight: 6, arbitrary: pick(WORDS) },
  { weight: 2, arbitrary: pick(ACRONYMS) },
  { weight: 1, arbitrary: pick(NAMES) },
  { weight: 1, arbitrary: pick(BRACKETS) },
);

/** A sentence of words, sometimes with a full stop. */
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 12 }), pick(['.', '', '?', '!', '...']))
  .map(([words, end]) => words.join(' ') + end);

const quotation = fc
  .tuple(
    pick(['"', '“', "'"]),
    sentence,
    pick(['"', '”', "'", '']),
    pick([', he said.', ', she said.', ' said the minister.', ' claimed Smith.', '.', '', ', according to the IMF.']),
  )
  .map(([open, words, close, tail]) => `${open}${words}${close}${tail}`);

const prose = fc.array(fc.oneof({ weight: 3, arbitrary: sentence }, { weight: 1, arbitrary: quotation }), { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));

const dateline = fc
  .tuple(
    pick(CITIES),
    fc.option(pick(REGIONS), { nil: undefined }),
    fc.option(pick(DATES), { nil: undefined }),
    pick([', ', ' ', ',']),
    pick(SEPARATORS),
    fc.oneof(prose, fc.constant(''), fc.constant('Shr 1.20 dlrs vs 1.10 dlrs\nNet 5 mln vs 4 mln')),
  )
  .map(([city, region, date, comma, sep, story]) => {
    let head = city;
    if (region) head += comma + region;
    if (date) head += `, ${date}`;
    return head + sep + story;
  });

const headline = fc
  .tuple(pick(['', '# ', '#   ', 'title', 'headline']), sentence, pick(['', '.', ' .', '..']))
  .map(([form, words, end]) => ({ form, text: words + end }));

const table = fc
  .array(fc.tuple(pick(ACRONYMS.concat(WORDS.slice(0, 12))), pick(['3', '5', 'five', '10 percent', '[a b@c.de]'])), { minLength: 1, maxLength: 3 })
  .map((rows) => ['| Item | Figure |', '| --- | ---: |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'));

const list = fc
  .array(fc.tuple(pick(['- ', '* ', '1. ', '2) ', '  - ', '> ', '> > ', '- [ ] ']), prose), { minLength: 1, maxLength: 4 })
  .map((items) => items.map(([marker, text]) => marker + text).join('\n'));

const block = fc.oneof(
  { weight: 6, arbitrary: prose },
  { weight: 1, arbitrary: table },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: prose.map((p) => `## ${p}`) },
  { weight: 1, arbitrary: pick(['```\nIMF code\n```', '    indented code', '---', '<div>IMF</div>', '[^1]: A note on the IMF.', 'Share this article', 'Advertisement']) },
);

export interface GeneratedDraft {
  text: string;
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
}

/** Whole drafts: optional BOM and front matter, a headline in one of its forms, a dateline paragraph, body blocks. */
export const newsDraft: fc.Arbitrary<GeneratedDraft> = fc
  .record({
    bom: fc.boolean(),
    eol: pick(['\n', '\r\n', '\r'] as const),
    headline: fc.option(headline, { nil: undefined }),
    frontMatterExtra: pick(['', 'date: 2024-04-30\n', 'tags: [a, b]\n', 'note: "IMF said"\n']),
    dateline: fc.option(dateline, { nil: undefined }),
    datelineAlone: fc.boolean(),
    body: fc.array(block, { maxLength: 5 }),
    blank: pick(['\n\n', '\n\n\n', '\n  \n']),
    trailing: pick(['', '\n', '\n\n']),
  })
  .map((d) => {
    const parts: string[] = [];
    let text = '';
    if (d.headline && (d.headline.form === 'title' || d.headline.form === 'headline')) {
      const value = /[:#"'\[\]{}|>&*!%@`,]/.test(d.headline.text) ? JSON.stringify(d.headline.text) : d.headline.text;
      text += `---\n${d.headline.form}: ${value}\n${d.frontMatterExtra}---\n\n`;
    } else if (d.headline) {
      parts.push(d.headline.form + d.headline.text);
    }
    if (d.dateline !== undefined) {
      // The dateline alone in its paragraph, the story in the next one.
      if (d.datelineAlone) parts.push(d.dateline.replace(/\s*$/, ''), 'The story starts here.');
      else parts.push(d.dateline);
    }
    parts.push(...d.body);
    text += parts.join(d.blank) + d.trailing;
    const normalised = d.eol === '\n' ? text : text.replace(/\r?\n/g, d.eol);
    return { text: (d.bom ? '\uFEFF' : '') + normalised, eol: d.eol, bom: d.bom };
  });
