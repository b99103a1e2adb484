// A 20 MB draft lints to the right answer through the command line, and is not changed.
// (How long it takes is for `npm run bench`-style measurement, not asserted here.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { LAUNCHER } from './cli-harness.js';

test('a 20 MB draft gives one finding per planted problem, and its bytes stay the same', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-large-'));
  try {
    const unit = 'Officials met again on Friday to plan more patrols along the border, the ministry said.\n\n"The patrols are working well," the minister claimed.\n\n';
    const repeats = Math.ceil((20 * 1024 * 1024) / unit.length);
    const draft = `Border patrols grow\n\nALMATY, Kazakhstan -- Border guards began new patrols on Friday, officials said.\n\n${unit.repeat(repeats)}`;
    const file = path.join(dir, 'big.md');
    fs.writeFileSync(file, draft);
    const run = spawnSync(process.execPath, [LAUNCHER, '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    assert.equal(run.status, 0, run.stderr);
    const [report] = JSON.parse(run.stdout) as { messages: { ruleId: string }[]; errorCount: number }[];
    assert.equal(report.errorCount, 0);
    const byRule: Record<string, number> = {};
    for (const m of report.messages) byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
    assert.deepEqual(byRule, { 'attribution-verb': repeats });
    assert.equal(fs.readFileSync(file, 'utf8'), draft);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
