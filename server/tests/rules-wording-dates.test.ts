// Unit tests for the news-desk rules attribution-verb, date-format, numbers and headline
// beyond their fixtures: derived verb forms, number words, front matter dates as YAML gives them.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText, fixText } from '../src/engine/lint.js';
import { parseNewsDocument } from '../src/engine/document.js';
import { compileStyle } from '../src/runner/style.js';
import type { CompiledStyle } from '../src/engine/style.js';
import type { Finding, ResolvedConfig, RuleOptions } from '../src/engine/types.js';
import { RULES, findRule } from '../src/rules/index.js';
import { numberInWords } from '../src/rules/numbers.js';
import { dateFormat } from '../src/rules/date-format.js';
import { propertyRuns } from './support/property.js';

/** Only `id` on, its options defaults overlaid by `options`; every other rule off. */
function styleWith(id: string, options: RuleOptions = {}): CompiledStyle {
  const rules: ResolvedConfig['rules'] = {};
  for (const rule of RULES) {
    const defaults = Object.fromEntries(Object.entries(rule.options).map(([k, spec]) => [k, spec.default]));
    rules[rule.id] = { severity: rule.id === id ? rule.defaultSeverity : 'off', options: rule.id === id ? { ...defaults, ...options } : defaults };
  }
  return compileStyle({ rules, acronyms: { dictionary: {}, exempt: [] }, dateline: { form: '{CITY}, {Region} -- ', standalone: [], region: 'optional' } });
}

function findingsOf(id: string, text: string, options: RuleOptions = {}): Finding[] {
  return lintText(text, styleWith(id, options)).findings.filter((f) => f.rule === id);
}

const story = (sentence: string): string => `Course ends\n\nALMATY, Kazakhstan -- ${sentence}\n`;

describe('the four rules are registered', () => {
  test('with metadata and fixable flags', () => {
    for (const id of ['attribution-verb', 'date-format', 'numbers', 'headline']) {
      const rule = findRule(id);
      assert.ok(rule, id);
      assert.equal(rule.fixable, true);
      assert.ok(rule.description.length > 10);
    }
  });
});

describe('attribution-verb', () => {
  test('derives every form from the past tense and keeps it in the fix', () => {
    const cases: [string, string][] = [
      ['The chief admits that it failed.', 'The chief says that it failed.'],
      ['Admitting that it failed, the chief left.', 'Saying that it failed, the chief left.'],
      ['They admit that it failed.', 'They say that it failed.'],
      ['The ministry states that it failed.', 'The ministry says that it failed.'],
      ['The ministry is stating that it failed.', 'The ministry is saying that it failed.'],
      ['The coach argues that it failed.', 'The coach says that it failed.'],
    ];
    const style = styleWith('attribution-verb', { verbs: ['admitted', 'stated', 'argued'] });
    for (const [wrong, right] of cases) assert.equal(fixText(story(wrong), style).output, story(right), wrong);
  });

  test('a regular preferred verb is inflected too', () => {
    const style = styleWith('attribution-verb', { preferred: 'added' });
    assert.equal(fixText(story('The chief, noting that it failed, left.'), style).output, story('The chief, adding that it failed, left.'));
  });

  test('an empty verb list reports nothing', () => {
    assert.deepEqual(findingsOf('attribution-verb', story('The chief claimed that it failed.'), { verbs: [] }), []);
  });
});

describe('date-format', () => {
  test('reads a front matter date that YAML gave as a Date object', () => {
    const doc = parseNewsDocument('---\ndate: 2019-04-29\n---\n\nCourse ends\n\nALMATY -- Police Monday (April 30) left.\n');
    assert.ok(doc.frontMatter?.data);
    doc.frontMatter.data.date = new Date(Date.UTC(2019, 3, 29));
    const messages: string[] = [];
    dateFormat.check({ doc, style: styleWith('date-format'), options: { form: 'weekday-parenthesised-date', checkWeekday: true }, report: (f) => messages.push(f.message) });
    assert.deepEqual(messages, ['April 30, 2019 is a Tuesday, not a Monday.']);
  });

  test('a yearless date early in the next year belongs to that year', () => {
    const text = '---\ndate: 2018-12-28\n---\n\nCourse ends\n\nALMATY -- Police meet Wednesday (January 2).\n';
    assert.deepEqual(findingsOf('date-format', text), []);
  });

  test('the fixed weekday agrees with the calendar for dates within five months of publication', () => {
    const style = styleWith('date-format');
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: -150, max: 150 }), (dayOfYear, offset) => {
        const date = new Date(Date.UTC(2021, 0, 1 + dayOfYear));
        const published = new Date(date.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
        const day = `${months[date.getUTCMonth()]} ${date.getUTCDate()}`;
        const text = `---\ndate: ${published}\n---\n\nCourse ends\n\nALMATY -- Police met Monday, ${day}.\n`;
        const weekday = date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
        const output = fixText(text, style).output;
        assert.ok(output.includes(`met ${weekday} (${day}).`), output);
      }),
      propertyRuns(80),
    );
  });
});

describe('numbers', () => {
  test('numberInWords', () => {
    assert.equal(numberInWords(0), 'zero');
    assert.equal(numberInWords(7), 'seven');
    assert.equal(numberInWords(13), 'thirteen');
    assert.equal(numberInWords(40), 'forty');
    assert.equal(numberInWords(42), 'forty-two');
    assert.equal(numberInWords(99), 'ninety-nine');
  });

  test('figures and words convert both ways and a second fix changes nothing', () => {
    const style = styleWith('numbers', { spellOutBelow: 10 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        const wrong = n < 10 ? story(`The ${n} officers left.`) : story(`The ${numberInWords(n)} officers left.`);
        const right = n < 10 ? story(`The ${numberInWords(n)} officers left.`) : story(`The ${n} officers left.`);
        const once = fixText(wrong, style).output;
        assert.equal(once, right);
        assert.equal(fixText(once, style).output, once);
      }),
      propertyRuns(99),
    );
  });
});

describe('headline', () => {
  test('length counts characters, not UTF-16 units', () => {
    const title = `Kazakh police meet ${'\u{1F600}'.repeat(5)}`;
    assert.equal([...title].length, 24);
    assert.deepEqual(findingsOf('headline', `${title}\n\nALMATY -- Police met.\n`, { maxLength: 24 }), []);
    assert.equal(findingsOf('headline', `${title}\n\nALMATY -- Police met.\n`, { maxLength: 23 }).length, 1);
  });
});
