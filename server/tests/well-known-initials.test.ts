// The built-in exempt list's well-known initials are generated from the dictionary-en package;
// this fails when the generated file and the installed package disagree.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { recommendedConfig } from '../src/config/index.js';
import { REPO_ROOT } from './support/paths.js';

test('well-known-initials.ts is what scripts/well-known-initials.mjs generates', () => {
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'well-known-initials.mjs'), '--check'], { encoding: 'utf8' });
  assert.match(out, /is current \(\d{3,} initials\)/);
});

test('the built-in exempt list holds the dictionary initials but not the house dictionary acronyms', () => {
  const { acronyms } = recommendedConfig();
  for (const known of ['FBI', 'NATO', 'GATT', 'FCC', 'MEP', 'GCSE', 'ITV']) assert.ok(acronyms.exempt.includes(known), known);
  for (const house of Object.keys(acronyms.dictionary)) assert.ok(!acronyms.exempt.includes(house), house);
});
