// The corpus review (issue 12): the findings on ../shared/corpus-dev under each outlet's style
// must match the reviewed rows in test-fixtures/corpus-review/*.tsv, every row carries a
// verdict, and false alarms stay under 1 % of stories per rule and 3 % overall.
// Skips with a notice when the corpus is not beside the repository.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  OUTLETS,
  MAX_FALSE_OVERALL,
  MAX_FALSE_PER_RULE,
  corpusAvailable,
  driftOf,
  formatTally,
  lintOutlet,
  parseReview,
  readReview,
  storyNames,
  tally,
  updatedRows,
  type Outlet,
} from './support/corpus-review.js';

const available = corpusAvailable();
if (!available) console.log('# NOTICE: ../shared/corpus-dev is absent; the corpus review tests are skipped.');
const skip = available ? false : 'the dev corpus (../shared/corpus-dev) is not beside the repository';

/**
 * Rules whose false alarms another helper is still working down, per outlet, with why. A
 * waived rule that comes under the limit fails the test, so the waiver is removed at once.
 */
const WAIVED: Record<Outlet, Record<string, string>> = { reuters: {}, bbc: {} };

for (const outlet of OUTLETS) {
  describe(`corpus review of ${outlet}`, { skip }, () => {
    const findings = available ? lintOutlet(outlet) : [];
    const rows = available ? readReview(outlet) : [];
    const stories = available ? storyNames(outlet).length : 0;

    test('every finding has exactly one reviewed row and every row a finding', () => {
      const { added, gone } = driftOf(findings, rows);
      const describe = [
        ...added.map((f) => `new: ${f.file}:${f.line} ${f.rule}: ${f.message}`),
        ...gone.map((r) => `gone: ${r.file}:${r.line} ${r.rule} (${r.verdict})`),
      ];
      assert.deepEqual(describe, [], 'run `node scripts/corpus-review.mjs --update` and review the new rows');
    });

    test('no row is left unreviewed', () => {
      const open = rows.filter((r) => r.verdict === 'unreviewed').map((r) => `${r.file}:${r.line} ${r.rule}`);
      assert.deepEqual(open, []);
    });

    test('false alarms stay under 1 % of stories per rule and 3 % overall', () => {
      const t = tally(rows, stories);
      console.log(formatTally(outlet, t));
      const over: string[] = [];
      const waivedButUnder: string[] = [];
      for (const r of t.rules) {
        const tooMany = r.storiesWithFalse > MAX_FALSE_PER_RULE * stories;
        if (tooMany && !WAIVED[outlet][r.rule]) over.push(`${r.rule}: ${r.storiesWithFalse} of ${stories} stories`);
        if (!tooMany && WAIVED[outlet][r.rule]) waivedButUnder.push(r.rule);
      }
      assert.deepEqual(over, [], 'rules with false alarms on more than 1 % of stories');
      assert.deepEqual(waivedButUnder, [], 'these rules are under the limit now: remove their waiver');
      const waived = Object.keys(WAIVED[outlet]).length > 0;
      if (!waived) assert.ok(t.storiesWithFalse <= MAX_FALSE_OVERALL * stories, `${t.storiesWithFalse} of ${stories} stories carry a false finding`);
    });
  });
}

describe('the review file format', () => {
  test('rows are matched as a multiset and new findings come in unreviewed', () => {
    const rows = parseReview('file\trule\tline\tverdict\treason\na.md\tterms\t3\tfalse\tthe outlet writes it so\n', 'x.tsv');
    const findings = [
      { file: 'a.md', rule: 'terms', line: 3, message: 'm1' },
      { file: 'a.md', rule: 'terms', line: 3, message: 'm2' },
    ];
    assert.deepEqual(driftOf(findings, rows).added, [findings[1]]);
    assert.deepEqual(
      updatedRows(findings, rows).map((r) => r.verdict),
      ['false', 'unreviewed'],
    );
    assert.deepEqual(driftOf([], rows).gone, rows);
  });

  test('a malformed row is an error naming its line', () => {
    assert.throws(() => parseReview('file\trule\tline\tverdict\treason\na.md\tterms\t3\tmaybe\tx\n', 'x.tsv'), /x\.tsv:2: verdict must be/);
    assert.throws(() => parseReview('file\trule\n', 'x.tsv'), /x\.tsv:1: the header/);
    assert.throws(() => parseReview('file\trule\tline\tverdict\treason\na.md\tterms\t3\ttrue\t\n', 'x.tsv'), /a reason is required/);
  });
});
