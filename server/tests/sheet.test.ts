// `copydesk sheet DRAFT`: the story's style sheet in text and JSON, through the real CLI, and
// related locations on consistency findings in the JSON report.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, REPO_ROOT } from './support/paths.js';
import { makeTempFolder, runCopydesk, writeFiles } from './cli-harness.js';

const EXAMPLE = path.join(FIXTURES, 'drafts', 'example-story.txt');
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

const EXPANSIONS: Record<string, string> = {
  OSCE: 'Organisation for Security and Co-operation in Europe',
  IS: 'Islamic State',
  MVD: 'Interior Ministry',
  KNB: 'National Security Committee',
  GPS: 'State Border Service',
};

test('sheet lists the example story\'s acronyms with their expansions (text)', () => {
  const run = runCopydesk(['sheet', path.relative(REPO_ROOT, EXAMPLE)], { cwd: REPO_ROOT });
  assert.equal(run.status, 0, run.stderr);
  const section = run.stdout.split('\n\n').find((s) => s.startsWith('Acronyms'));
  assert.ok(section, run.stdout);
  const lines = section.split('\n').slice(1).map((l) => l.trim());
  assert.deepEqual(
    lines.map((l) => l.split(/\s+/)[0]),
    ['OSCE', 'IS', 'MVD', 'KNB', 'GPS'],
  );
  for (const line of lines) {
    const acronym = line.split(/\s+/)[0];
    assert.ok(line.includes(`${EXPANSIONS[acronym]}  (spelled out, line`), line);
  }
  assert.match(run.stdout, /^Names\n(?:.*\n)*  Shymkent \(2×\)/m);
});

test('sheet --format json gives the same acronyms, names and compounds as data', () => {
  const run = runCopydesk(['sheet', EXAMPLE, '--format', 'json'], { cwd: REPO_ROOT });
  assert.equal(run.status, 0, run.stderr);
  const sheet = JSON.parse(run.stdout) as { acronyms: { acronym: string; expansion: string; source: string }[]; names: { name: string }[]; compounds: { form: string }[] };
  assert.deepEqual(
    sheet.acronyms.map((a) => [a.acronym, a.expansion, a.source]),
    Object.entries(EXPANSIONS).map(([a, e]) => [a, e, 'story']),
  );
  assert.ok(sheet.names.some((n) => n.name === 'Bureau of International Narcotics'));
  assert.ok(sheet.compounds.some((c) => c.form === 'anti-trafficking'));
});

test('sheet shows people, later forms, names written two ways and spellings', () => {
  const dir = makeTempFolder();
  temps.push(dir);
  writeFiles(dir, {
    'story.md': [
      'Leader meets envoys',
      '',
      'ASTANA, Kazakhstan -- President Nursultan Nazarbayev met Finance Minister John Smith on Monday. Smith said the talks went well, and Nazarbaev agreed.',
      '',
      'Officials realised the talks had been organised quickly and recognized their value.',
      '',
    ].join('\n'),
  });
  const run = runCopydesk(['sheet', 'story.md', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const sheet = JSON.parse(run.stdout);
  assert.deepEqual(sheet.people.map((p: { name: string; laterForms: string[] }) => [p.name, p.laterForms]), [
    ['Nursultan Nazarbayev', []],
    ['John Smith', ['Smith']],
  ]);
  assert.deepEqual(sheet.nameSpellings, [{ first: 'Nazarbayev', others: ['Nazarbaev'] }]);
  assert.deepEqual(sheet.spellings, [{ class: '-ize/-ise', convention: 'mixed', words: ['realised', 'recognized'] }]);
});

test('sheet needs exactly one readable draft', () => {
  const none = runCopydesk(['sheet'], { cwd: REPO_ROOT });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /sheet needs exactly one draft/);
  const missing = runCopydesk(['sheet', 'no-such-story.md'], { cwd: REPO_ROOT });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-story\.md: could not be read/);
});

test('a consistency finding points at the first use in the JSON report', () => {
  const dir = makeTempFolder();
  temps.push(dir);
  writeFiles(dir, { 'story.md': 'Leader meets envoys\n\nASTANA, Kazakhstan -- President Nursultan Nazarbayev met envoys. Nazarbaev said the talks went well.\n' });
  const run = runCopydesk(['story.md', '--format', 'json'], { cwd: dir });
  const [file] = JSON.parse(run.stdout) as { messages: { ruleId: string; column: number; related?: { line: number; column: number; message: string }[] }[] }[];
  const finding = file.messages.find((m) => m.ruleId === 'name-consistency');
  assert.ok(finding, run.stdout);
  assert.deepEqual(finding.related, [{ line: 3, column: 43, endLine: 3, endColumn: 53, message: 'First written "Nazarbayev" here.' }]);
});
