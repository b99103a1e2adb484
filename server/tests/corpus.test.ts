// Real copy: plants known errors into dev-corpus stories (read in place from ../shared/corpus-dev,
// never copied) and checks that they are found and fixed, and that fixing is idempotent. What the
// rules find on the unplanted stories is pinned row by row in corpus-review.test.ts.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lintText, fixText } from '../src/engine/lint.js';
import { corpusAvailable, styleFor } from './support/corpus-review.js';
import { CORPUS } from './support/paths.js';

function storiesIn(source: string): { name: string; text: string }[] {
  const dir = path.join(CORPUS, source);
  assert.ok(fs.existsSync(dir), `the dev corpus must sit beside the repository at ../shared/corpus-dev (missing: ${source}/)`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

const WIRE_DATELINE = /^[A-Z][A-Z .'-]*(?:, [^,\n]+)*, (?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]* \d{1,2} -$/;

/** The front matter's `dateline` field, when the body really opens with it followed by a space or line break. */
function wireDateline(text: string): string | null {
  const field = /^dateline: "(.*)"$/m.exec(text)?.[1];
  if (!field || !WIRE_DATELINE.test(field)) return null;
  const body = text.slice(text.indexOf('\n# ') + 1);
  const paragraph = body.split(/\n\n/)[1] ?? '';
  return paragraph.startsWith(`${field} `) || paragraph.startsWith(`${field}\n`) ? field : null;
}

const available = corpusAvailable();
const skip = available ? false : 'the dev corpus (../shared/corpus-dev) is not beside the repository';

describe('corpus-dev/reuters under the Reuters wire style', { skip }, () => {
  const style = available ? styleFor('reuters') : null!;
  const stories = available ? storiesIn('reuters') : [];

  test('no dateline problem on any story whose dateline has the wire form', () => {
    const wellFormed = stories.filter((s) => wireDateline(s.text) !== null);
    assert.ok(wellFormed.length > 250, `only ${wellFormed.length} stories with a wire dateline`);
    const flagged = wellFormed.filter((s) => lintText(s.text, style).findings.some((f) => f.rule === 'dateline'));
    assert.deepEqual(flagged.map((s) => s.name), []);
  });

  test('a planted lower-case city is found in every well-formed story and fixed back', () => {
    let planted = 0;
    for (const story of stories) {
      const dateline = wireDateline(story.text);
      if (!dateline) continue;
      const city = dateline.slice(0, dateline.indexOf(','));
      const at = story.text.indexOf(`\n${dateline}`) + 1;
      const broken = story.text.slice(0, at) + city.toLowerCase() + story.text.slice(at + city.length);
      const found = lintText(broken, style).findings.filter((f) => f.rule === 'dateline');
      assert.equal(found.length, 1, story.name);
      assert.deepEqual([found[0].start, found[0].end], [at, at + city.length], story.name);
      assert.equal(fixText(broken, style).output, fixText(story.text, style).output, story.name);
      planted++;
    }
    assert.ok(planted > 250);
  });
});

describe('corpus-dev/bbc under the BBC online style', { skip }, () => {
  const style = available ? styleFor('bbc') : null!;
  const stories = available ? storiesIn('bbc') : [];

  test('linting never throws and fixing is idempotent on every story', () => {
    for (const story of stories) {
      const once = fixText(story.text, style).output;
      assert.equal(fixText(once, style).output, once, story.name);
    }
  });
});
