// The copydesk command end to end: formats, exit codes, --max-warnings, --output-file, --stdin,
// --config, --print-config and config errors, run as a child process in temp folders.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCopydesk, makeTempFolder, writeFiles, assertNoStack, CLEAN_DRAFT, BROKEN_DRAFT, WARNING_DRAFT } from './cli-harness.js';

interface JsonEntry {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: { range: [number, number]; text: string }; fingerprint: string }[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
}

function parseJsonReport(text: string): JsonEntry[] {
  return JSON.parse(text) as JsonEntry[];
}

describe('copydesk: exit codes and stylish output', () => {
  test('a clean draft exits 0 with no output', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': CLEAN_DRAFT });
    const run = runCopydesk(['story.md'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
  });

  test('error-severity problems exit 1 and are listed line:col severity message rule', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    const run = runCopydesk(['story.md'], { cwd: dir });
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'story.md');
    assert.match(lines[1], /^ {2}3:1 +error +Write the dateline city in capitals: "ALMATY"\. +dateline$/);
    assert.match(lines[2], /^ {2}3:19 +error +.*" -- ".* +dateline$/);
    assert.match(lines[3], /^ {2}3:77 +warning +Spell out OSCE at its first use.* +acronym-first-use$/);
    assert.ok(run.stdout.includes('✖ 3 problems (2 errors, 1 warning)'), run.stdout);
    assert.ok(run.stdout.includes('3 problems fixable with --fix'), run.stdout);
    assert.ok(!run.stdout.includes('\x1b['), 'no colour when stdout is not a terminal');
  });

  test('FORCE_COLOR colours the report even when piped', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    const run = runCopydesk(['story.md'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    assert.equal(run.status, 1);
    assert.ok(run.stdout.includes('\x1b[31m'), 'errors in red');
  });

  test('warnings alone exit 0; --max-warnings 0 turns them into exit 1; --quiet hides them', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': WARNING_DRAFT });
    const plain = runCopydesk(['story.md'], { cwd: dir });
    assert.equal(plain.status, 0);
    assert.ok(plain.stdout.includes('1 problem (0 errors, 1 warning)'), plain.stdout);
    const strict = runCopydesk(['--max-warnings', '0', 'story.md'], { cwd: dir });
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /too many warnings \(1\).*--max-warnings/);
    assert.equal(runCopydesk(['--max-warnings', '1', 'story.md'], { cwd: dir }).status, 0);
    const quiet = runCopydesk(['--quiet', 'story.md'], { cwd: dir });
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '');
  });

  test('folders are walked for .md/.markdown/.txt, skipping node_modules and dot-folders, in sorted order', () => {
    const dir = makeTempFolder();
    writeFiles(dir, {
      'b/story.txt': BROKEN_DRAFT,
      'a/story.markdown': BROKEN_DRAFT,
      'a/notes.md': CLEAN_DRAFT,
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      'node_modules/pkg/README.md': BROKEN_DRAFT,
      '.git/info.md': BROKEN_DRAFT,
      '.drafts/hidden.md': BROKEN_DRAFT,
    });
    const run = runCopydesk(['--format', 'json'], { cwd: dir });
    assert.equal(run.status, 1);
    const files = parseJsonReport(run.stdout).map((e) => path.relative(fs.realpathSync(dir), e.filePath));
    assert.deepEqual(files, [path.join('a', 'notes.md'), path.join('a', 'story.markdown'), path.join('b', 'story.txt')]);
  });

  test('globs are expanded by copydesk itself', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'desk/one.md': CLEAN_DRAFT, 'desk/two.md': BROKEN_DRAFT, 'desk/three.txt': BROKEN_DRAFT });
    const run = runCopydesk(['--format', 'json', 'desk/*.md'], { cwd: dir });
    assert.equal(run.status, 1);
    assert.deepEqual(parseJsonReport(run.stdout).map((e) => path.basename(e.filePath)), ['one.md', 'two.md']);
  });
});

describe('copydesk: formats and output file', () => {
  test('json follows the documented schema, with fixes as one range and text', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    const run = runCopydesk(['--format', 'json', 'story.md'], { cwd: dir });
    assert.equal(run.status, 1);
    const [entry] = parseJsonReport(run.stdout);
    assert.equal(entry.filePath, path.join(fs.realpathSync(dir), 'story.md'));
    assert.deepEqual([entry.errorCount, entry.warningCount, entry.infoCount, entry.fixableCount], [2, 1, 0, 3]);
    const city = entry.messages[0];
    assert.deepEqual({ ...city, fix: undefined, fingerprint: undefined }, {
      ruleId: 'dateline', severity: 'error', message: 'Write the dateline city in capitals: "ALMATY".',
      line: 3, column: 1, endLine: 3, endColumn: 7, fix: undefined, fingerprint: undefined,
    });
    assert.match(city.fingerprint, /^[0-9a-f]{20}$/);
    assert.deepEqual(city.fix, { range: [BROKEN_DRAFT.indexOf('Almaty'), BROKEN_DRAFT.indexOf('Almaty') + 6], text: 'ALMATY' });
  });

  test('github prints one workflow annotation per problem', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    const run = runCopydesk(['--format', 'github', 'story.md'], { cwd: dir });
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[0], '::error file=story.md,line=3,col=1,endLine=3,endColumn=7,title=dateline::Write the dateline city in capitals: "ALMATY".');
    assert.match(lines[2], /^::warning file=story\.md,line=3,col=77,.*title=acronym-first-use::/);
  });

  test('sarif is a 2.1.0 log with one result per problem', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT });
    const run = runCopydesk(['--format', 'sarif', 'story.md'], { cwd: dir });
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    assert.deepEqual(sarifRun.tool.driver.rules.map((r) => r.id), ['acronym-first-use', 'dateline']);
    assert.equal(sarifRun.results.length, 3);
    assert.equal(sarifRun.results[0].level, 'error');
    assert.deepEqual(sarifRun.results[0].locations[0].physicalLocation.artifactLocation.uri, 'story.md');
    assert.deepEqual(sarifRun.results[0].locations[0].physicalLocation.region.startLine, 3);
  });

  test('--output-file writes the report there and keeps the exit code', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT, 'clean.md': CLEAN_DRAFT });
    const failing = runCopydesk(['--format', 'json', '--output-file', 'reports/out.json', 'story.md'], { cwd: dir });
    assert.equal(failing.status, 1);
    assert.equal(failing.stdout, '');
    assert.equal(parseJsonReport(fs.readFileSync(path.join(dir, 'reports/out.json'), 'utf8'))[0].errorCount, 2);
    const passing = runCopydesk(['--output-file', 'clean.txt', 'clean.md'], { cwd: dir });
    assert.equal(passing.status, 0);
  });
});

describe('copydesk: --stdin', () => {
  test('lints standard input as <stdin> with config from the working folder', () => {
    const dir = makeTempFolder();
    const run = runCopydesk(['--stdin', '--format', 'json'], { cwd: dir, input: BROKEN_DRAFT });
    assert.equal(run.status, 1);
    const [entry] = parseJsonReport(run.stdout);
    assert.equal(entry.filePath, '<stdin>');
    assert.equal(entry.errorCount, 2);
  });

  test('--stdin-filename names the draft and decides which config applies', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'desk/.copydesk.yaml': 'rules:\n  dateline: off\n' });
    const run = runCopydesk(['--stdin', '--stdin-filename', 'desk/story.md'], { cwd: dir, input: BROKEN_DRAFT });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith('desk/story.md\n'), run.stdout);
    assert.ok(!run.stdout.includes('dateline'), 'dateline is off in desk/.copydesk.yaml');
  });

  test('--fix with --stdin prints the fixed text to stdout and the remaining problems to stderr', () => {
    const dir = makeTempFolder();
    const run = runCopydesk(['--stdin', '--fix'], { cwd: dir, input: BROKEN_DRAFT });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, CLEAN_DRAFT);
  });
});

describe('copydesk: configuration', () => {
  test('--config uses only that file; a missing one is exit 2 with a clear message', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT, '.copydesk.yaml': 'rules:\n  acronym-first-use: error\n', 'styles/lenient.yaml': 'rules:\n  dateline: off\n  acronym-first-use: off\n' });
    assert.equal(runCopydesk(['--config', 'styles/lenient.yaml', 'story.md'], { cwd: dir }).status, 0);
    const missing = runCopydesk(['--config', 'styles/nope.yaml', 'story.md'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'copydesk: config file not found: styles/nope.yaml; check the --config path\n');
  });

  test('a broken config prints file:line:col: message, exits 2 and neither lints nor fixes', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'story.md': BROKEN_DRAFT, '.copydesk.yaml': 'rules:\n  dateline: error\n  datline: warning\n' });
    const run = runCopydesk(['--fix', 'story.md'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /\.copydesk\.yaml:3:3: .*datline/);
    assert.match(run.stderr, /no draft was checked/);
    assert.equal(run.stdout, '');
    assert.equal(fs.readFileSync(path.join(dir, 'story.md'), 'utf8'), BROKEN_DRAFT);
    assertNoStack(run.stderr);
  });

  test('--print-config describes the effective config for a draft; config errors exit 2', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'desk/.copydesk.yaml': 'rules:\n  dateline: warning\n', 'bad/.copydesk.yaml': 'rules: [\n' });
    const run = runCopydesk(['--print-config', 'desk/story.md'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /dateline/);
    const broken = runCopydesk(['--print-config', 'bad/story.md'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /\.copydesk\.yaml:\d+:\d+: /);
    assertNoStack(broken.stderr);
  });
});

describe('copydesk: usage', () => {
  test('--help lists every option and exits 0', () => {
    const run = runCopydesk(['--help'], { cwd: makeTempFolder() });
    assert.equal(run.status, 0);
    for (const option of ['--stdin', '--stdin-filename', '--fix', '--fix-dry-run', '--format', '--config', '--print-config', '--output-file', '--quiet', '--max-warnings', '--version', '--help', '--init', 'explain RULE', 'test-rules']) {
      assert.ok(run.stdout.includes(option), `help mentions ${option}`);
    }
  });

  test('maintainer commands are wired: rules lists the rule ids, explain needs a known rule', () => {
    const dir = makeTempFolder();
    const rules = runCopydesk(['rules'], { cwd: dir });
    assert.equal(rules.status, 0, rules.stderr);
    assert.match(rules.stdout, /dateline/);
    const unknown = runCopydesk(['explain', 'datline'], { cwd: dir });
    assert.equal(unknown.status, 2);
    assertNoStack(unknown.stderr);
  });

  test('--version prints the package version', () => {
    const run = runCopydesk(['--version'], { cwd: makeTempFolder() });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  test('an unknown option suggests the closest one and exits 2', () => {
    const run = runCopydesk(['--fx', 'story.md'], { cwd: makeTempFolder() });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'copydesk: unknown option --fx; did you mean --fix?\n');
  });

  test('bad option values and conflicts are usage errors', () => {
    const dir = makeTempFolder();
    const cases: [string[], RegExp][] = [
      [['--format', 'xml'], /unknown format "xml"; use one of: stylish, json/],
      [['--max-warnings', 'many'], /--max-warnings needs a whole number/],
      [['--fix', '--fix-dry-run'], /cannot be used together/],
      [['--stdin-filename', 'a.md'], /only applies with --stdin/],
      [['--format'], /--format needs a value/],
    ];
    for (const [args, message] of cases) {
      const run = runCopydesk(args, { cwd: dir });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assertNoStack(run.stderr);
    }
  });
});
