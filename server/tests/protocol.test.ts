// The client's file globs (protocol/) pick exactly the files the server and the CLI call drafts
// and style files (engine/drafts.ts), whatever the case of the name; the server reads
// `configPath` as the protocol declares it (a string, "" = discover).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { DRAFT_GLOB, STYLE_FILE_GLOB } from '../src/protocol/index.js';
import { isDraftName, isStyleFileName } from '../src/engine/drafts.js';
import { DEFAULT_SETTINGS, parseSettings } from '../src/lsp/settings.js';

const NAMES = [
  'story.md', 'STORY.MD', 'Story.Md', 'notes.markdown', 'wire.TXT', 'brief.text', 'a.mdown', 'b.MKD',
  'script.js', 'data.json', 'README', 'story.md.bak', 'photo.png',
  '.copydesk.yaml', '.COPYDESK.YAML', '.copydesk.yml', 'copydesk.yaml', 'style.yaml',
];

test('the draft glob matches a name exactly when isDraftName does, in any case', () => {
  const matches = picomatch(DRAFT_GLOB, { dot: true });
  for (const name of NAMES) assert.equal(matches(`folder/${name}`), isDraftName(name), name);
});

test('the style-file glob matches a name exactly when isStyleFileName does, in any case', () => {
  const matches = picomatch(STYLE_FILE_GLOB, { dot: true });
  for (const name of NAMES) assert.equal(matches(`folder/${name}`), isStyleFileName(name), name);
});

test('configPath is a string ("" = discover); a value of another type, null included, is ignored like any mistyped setting', () => {
  assert.equal(parseSettings({ configPath: ' house.yaml ' }).configPath, 'house.yaml');
  assert.equal(parseSettings({ configPath: '' }, { ...DEFAULT_SETTINGS, configPath: 'house.yaml' }).configPath, '');
  for (const wrong of [null, 3, ['a.yaml']]) {
    assert.equal(parseSettings({ configPath: wrong }, { ...DEFAULT_SETTINGS, configPath: 'house.yaml' }).configPath, 'house.yaml', String(wrong));
  }
});
