// The closing line of `npm test` ("N passed, N failed, N skipped") counts every failure: a
// failing test, a describe() whose body throws before any test, a file that cannot load;
// skipped tests are listed with their reason.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './support/paths.js';
import { tempFolder } from './support/temp.js';

const REPORTER = path.join(REPO_ROOT, 'scripts', 'test-summary-reporter.mjs');

test('the summary counts failed suites and crashed files, and lists skips with their reason', () => {
  const dir = tempFolder('copydesk-summary-');
  fs.writeFileSync(
    path.join(dir, 'a.test.mjs'),
    `import { test, describe } from 'node:test';
test('passes', () => {});
test('fails', () => { throw new Error('no'); });
test('skipped', { skip: 'needs the corpus' }, () => {});
describe('setup throws', () => { throw new Error('missing folder'); });
describe('has a failing test', () => { test('inner fails', () => { throw new Error('x'); }); test('inner passes', () => {}); });
`,
  );
  fs.writeFileSync(path.join(dir, 'b.test.mjs'), "import './no-such-module.mjs';\n");
  // A runner of its own, not a child of this one (the runner tells children by this variable).
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const run = spawnSync(process.execPath, ['--test', `--test-reporter=${REPORTER}`, 'a.test.mjs', 'b.test.mjs'], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(run.status, 1);
  // Failures: "fails", "setup throws", "inner fails", and b.test.mjs; "has a failing test" is not counted twice.
  assert.match(run.stdout, /\nSkipped:\n {2}- skipped \(needs the corpus\)\n2 passed, 4 failed, 1 skipped\n$/);
});
