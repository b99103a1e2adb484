// The acronym rules and `terms` under the built-in style must never contradict each other:
// a dictionary name in either regional spelling is accepted, and --fix settles in a few
// passes (WHO, WTO and IOM used to loop between "Organization" and "Organisation").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommendedConfig } from '../src/config/index.js';
import { fixText, lintText } from '../src/engine/lint.js';
import { compileStyle } from '../src/runner/style.js';

const style = compileStyle(recommendedConfig());
const NAMES: Record<string, string> = {
  WHO: 'World Health Organization',
  WTO: 'World Trade Organization',
  IOM: 'International Organization for Migration',
};

function draft(body: string): string {
  return `Aid talks\n\nGENEVA, Switzerland -- ${body}\n`;
}

for (const [acronym, name] of Object.entries(NAMES)) {
  const british = name.replace('Organization', 'Organisation');
  const cases = {
    'bare first use': `Officials said the ${acronym} would help. The ${acronym} met on Monday.`,
    'defined in the dictionary spelling': `The ${name} (${acronym}) met on Monday. The ${acronym} said it would help.`,
    'defined in the other spelling': `The ${british} (${acronym}) met on Monday. The ${acronym} said it would help.`,
    'name written again in the other spelling': `The ${name} (${acronym}) met on Monday. The ${british} said it would help.`,
  };
  for (const [label, body] of Object.entries(cases)) {
    test(`${acronym}, ${label}: --fix settles and leaves no acronym or terms finding`, () => {
      const { output, passes } = fixText(draft(body), style);
      assert.ok(passes < 4, `took ${passes} passes`);
      assert.equal(fixText(output, style).output, output);
      const left = lintText(output, style).findings.filter((f) => f.rule.startsWith('acronym') || f.rule === 'terms');
      assert.deepEqual(left.map((f) => `${f.rule}: ${f.message}`), []);
      assert.match(output, new RegExp(`\\(${acronym}\\)`), 'the acronym is defined once');
    });
  }
}

test('a name written again in the other spelling is reported as the acronym\'s name', () => {
  const text = draft('The World Health Organization (WHO) met on Monday. The World Health Organisation said it would help.');
  const found = lintText(text, style).findings.filter((f) => f.rule === 'acronym-consistency');
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['World Health Organisation']);
});

test('a term rewritten to a dictionary acronym (ISIS -> IS) is then spelled out once, and fixing settles', () => {
  const { output, passes } = fixText(draft('ISIS fighters attacked a post. ISIS later withdrew.'), style);
  assert.ok(passes < 4, `took ${passes} passes`);
  assert.equal(fixText(output, style).output, output);
  assert.equal(output, draft('Islamic State (IS) fighters attacked a post. IS later withdrew.'));
});
