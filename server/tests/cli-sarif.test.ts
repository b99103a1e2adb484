// SARIF validated against the SARIF 2.1.0 JSON schema (shipped by @microsoft/jest-sarif) with
// ajv and its URI formats, for files and for stdin with and without --stdin-filename; rule
// metadata from the rule pages; github annotations and colour switches.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { runCopydesk, makeTempFolder, writeFiles, BROKEN_DRAFT, CLEAN_DRAFT, LAUNCHER } from './cli-harness.js';
import { formatGithub } from '../src/cli/formatters/github.js';
import { useColour } from '../src/cli/output.js';
import type { FileReport } from '../src/cli/report.js';
import { REPO_ROOT } from './support/paths.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// CommonJS packages: their default export is the module object, the class sits on .default.
// unicodeRegExp off: the schema's language pattern has a stray ']' that only non-unicode RegExps accept.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function assertValidSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const ok = validate(log);
  assert.ok(ok, `invalid SARIF: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  return log;
}

interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
}
interface SarifLog {
  runs: { tool: { driver: { rules: SarifRule[]; informationUri?: string } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

const CUSTOM_STYLE = `custom:
  - id: house.hedging
    type: existence
    message: "Cut the hedge '%s'."
    severity: warning
    words: [arguably]
`;

describe('copydesk -f sarif', () => {
  test('the schema check itself rejects the URI "<stdin>" (so it can catch the old bug)', () => {
    const bad = JSON.parse(runCopydesk(['-f', 'sarif', '--stdin'], { cwd: makeTempFolder(), input: BROKEN_DRAFT }).stdout);
    bad.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '<stdin>';
    assert.equal(validate(bad), false);
  });

  test('valid for files, for stdin without a name and for stdin with --stdin-filename', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'desk/a story.md': BROKEN_DRAFT, 'desk/b.md': CLEAN_DRAFT });
    const files = assertValidSarif(runCopydesk(['-f', 'sarif', 'desk'], { cwd: dir }).stdout);
    assert.equal(files.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'desk/a%20story.md');
    const bare = assertValidSarif(runCopydesk(['-f', 'sarif', '--stdin'], { cwd: dir, input: BROKEN_DRAFT }).stdout);
    assert.equal(bare.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, '%3Cstdin%3E');
    const named = assertValidSarif(runCopydesk(['-f', 'sarif', '--stdin', '--stdin-filename', 'desk/new.md'], { cwd: dir, input: BROKEN_DRAFT }).stdout);
    assert.equal(named.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'desk/new.md');
    // A problem that points at an earlier place carries it as a related location.
    const twoSpellings = 'Profits rise at the mill\n\nALMATY, Kazakhstan -- The mill said its pre-tax profit rose on Friday.\n\nIts pretax margin also rose, the mill said.\n';
    const related = assertValidSarif(runCopydesk(['-f', 'sarif', '--stdin'], { cwd: dir, input: twoSpellings }).stdout);
    const withRelated = related.runs[0].results.find((r) => (r as { relatedLocations?: unknown[] }).relatedLocations !== undefined) as
      | { relatedLocations: { physicalLocation: { region: { startLine: number } } }[] }
      | undefined;
    assert.equal(withRelated?.relatedLocations[0].physicalLocation.region.startLine, 3);
  });

  test('built-in rules carry fullDescription and markdown help from their page; custom rules a shortDescription; no dead links', () => {
    const dir = makeTempFolder();
    writeFiles(dir, { '.copydesk.yaml': CUSTOM_STYLE, 'a.md': BROKEN_DRAFT.replace('Police officers', 'Police officers arguably') });
    const run = runCopydesk(['-f', 'sarif', 'a.md'], { cwd: dir });
    const log = assertValidSarif(run.stdout);
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), ['acronym-first-use', 'dateline', 'house.hedging']);
    const dateline = rules.find((r) => r.id === 'dateline')!;
    const page = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules', 'dateline.md'), 'utf8');
    assert.equal(dateline.help?.markdown, page);
    assert.match(dateline.fullDescription?.text ?? '', /^The story opens with the house dateline: the city in capitals, a comma, the region/);
    assert.match(rules.find((r) => r.id === 'house.hedging')?.shortDescription?.text ?? '', /^Custom existence rule from \.copydesk\.yaml: Cut the hedge '…'\.$/);
    assert.doesNotMatch(run.stdout, /example\.invalid|helpUri|informationUri/);
  });
});

describe('copydesk -f github', () => {
  const report = (line: number, endLine: number): FileReport => ({
    filePath: '/x/a.md',
    displayPath: 'a.md',
    messages: [{ ruleId: 'quote-balance', severity: 'warning', message: 'm', line, column: 5, endLine, endColumn: 9, fingerprint: 'f' }],
    errorCount: 0,
    warningCount: 1,
    infoCount: 0,
    fixableCount: 0,
  });

  test('columns only on a one-line annotation', () => {
    assert.equal(formatGithub([report(3, 3)]), '::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=quote-balance::m\n');
    assert.equal(formatGithub([report(3, 5)]), '::warning file=a.md,line=3,endLine=5,title=quote-balance::m\n');
  });
});

describe('colour', () => {
  test('FORCE_COLOR=0 and TERM=dumb turn it off on a terminal; NO_COLOR too; the flags win', () => {
    assert.equal(useColour(null, {}, true), true);
    assert.equal(useColour(null, { FORCE_COLOR: '0' }, true), false);
    assert.equal(useColour(null, { FORCE_COLOR: 'false' }, true), false);
    assert.equal(useColour(null, { TERM: 'dumb' }, true), false);
    assert.equal(useColour(null, { NO_COLOR: '1' }, true), false);
    assert.equal(useColour(null, { FORCE_COLOR: '1', TERM: 'dumb' }, false), true);
    assert.equal(useColour(true, { TERM: 'dumb' }, false), true);
    assert.equal(useColour(false, { FORCE_COLOR: '1' }, true), false);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  test('on a real terminal (a pty from script(1)), FORCE_COLOR=0 and TERM=dumb print no escape codes', { skip: hasScript ? false : 'script(1) is not installed' }, () => {
    const dir = makeTempFolder();
    writeFiles(dir, { 'a.md': BROKEN_DRAFT });
    const onTerminal = (env: Record<string, string>) => {
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(LAUNCHER)} --no-progress a.md`;
      const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } });
      return run.stdout;
    };
    assert.match(onTerminal({}), /\x1b\[31m/, 'coloured on a terminal by default');
    assert.doesNotMatch(onTerminal({ FORCE_COLOR: '0' }), /\x1b\[/);
    assert.doesNotMatch(onTerminal({ TERM: 'dumb' }), /\x1b\[/);
  });
});
