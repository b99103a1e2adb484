// --cache without reading: a draft whose recorded stat (size, mtime, ctime, inode) still holds is
// taken as unchanged; a fresh file's stat is never recorded (it could change again within the
// same mtime tick); a stat that moved falls back to the content hash, and the style still counts.
// (Whether a file is "fresh" depends on the clock, so that part is tested on statKey alone.)

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cacheKey, hashText, messagesByStat, statKey, type CacheEntry } from '../src/cli/cache.js';
import type { ReportMessage } from '../src/cli/report.js';
import { runCopydesk, makeTempFolder, writeFiles, BROKEN_DRAFT } from './cli-harness.js';

const message: ReportMessage = { ruleId: 'dateline', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, fingerprint: 'f' };
const stat = { size: 120, mtimeMs: 1_000_000, ctimeMs: 1_000_500, ino: 42 };
const later = 1_000_500 + 60_000;

function entryFor(style: string, recorded: string | null): CacheEntry {
  const content = hashText('the draft');
  return { key: cacheKey(content, style, '1.0.0'), content, ...(recorded === null ? {} : { stat: recorded }), messages: [message] };
}

describe('copydesk --cache by stat', () => {
  test('a settled file has a stat key; one changed in the last few seconds has none', () => {
    assert.equal(statKey(stat, later), '120:1000000:1000500:42');
    assert.equal(statKey(stat, 1_000_500 + 100), null, 'ctime just now');
    assert.equal(statKey({ ...stat, ctimeMs: 0 }, 1_000_000 + 100), null, 'mtime just now');
  });

  test('the recorded stat gives the messages only while size, times, inode, style and version all hold', () => {
    const recorded = statKey(stat, later);
    const entry = entryFor('style-a', recorded);
    assert.deepEqual(messagesByStat(entry, recorded, 'style-a', '1.0.0', false), [message]);
    for (const moved of [{ size: 121 }, { mtimeMs: 1_000_001 }, { ctimeMs: 1_000_501 }, { ino: 43 }]) {
      assert.equal(messagesByStat(entry, statKey({ ...stat, ...moved }, later), 'style-a', '1.0.0', false), undefined, JSON.stringify(moved));
    }
    assert.equal(messagesByStat(entry, recorded, 'style-b', '1.0.0', false), undefined, 'another style');
    assert.equal(messagesByStat(entry, recorded, 'style-a', '1.0.1', false), undefined, 'another version');
    assert.equal(messagesByStat(entryFor('style-a', null), recorded, 'style-a', '1.0.0', false), undefined, 'no stat recorded');
    assert.equal(messagesByStat(entry, null, 'style-a', '1.0.0', false), undefined, 'the file is fresh now');
    const fixable = { ...entry, messages: [{ ...message, fix: { range: [0, 1] as [number, number], text: 'x' } }] };
    assert.equal(messagesByStat(fixable, recorded, 'style-a', '1.0.0', true), undefined, 'a fix run re-reads what it can fix');
  });

  test('an entry keeps the content hash, and a rewrite of the same size and mtime is seen', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': BROKEN_DRAFT });
    assert.equal(runCopydesk(['--cache'], { cwd: dir }).status, 1);
    const cacheFile = path.join(dir, '.copydeskcache');
    const entry = JSON.parse(fs.readFileSync(cacheFile, 'utf8')).entries['a.md'];
    assert.equal(entry.content, hashText(BROKEN_DRAFT));
    // Same size, same mtime put back: the content hash still tells the drafts apart.
    const before = fs.statSync(path.join(dir, 'a.md'));
    writeFiles(dir, { 'a.md': BROKEN_DRAFT.replaceAll('Almaty', 'Astana') });
    fs.utimesSync(path.join(dir, 'a.md'), before.atime, before.mtime);
    const run = runCopydesk(['--cache', '-f', 'json'], { cwd: dir });
    assert.match(run.stdout, /ASTANA/);
    assert.doesNotMatch(run.stdout, /ALMATY/);
  });
});
