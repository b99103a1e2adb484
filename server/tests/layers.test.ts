// The import layers of server/src: engine/ (pure, below everything) <- rules/ <- runner/ <-
// config/ <- shared/ <- cli/, lsp/ (neither imports the other); protocol/ (engine only) <- lsp/ and the client. Reads the sources' import statements (type-only ones too) and fails
// when an import runs back up a layer or any cycle of modules appears.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './support/paths.js';

const SRC = path.join(REPO_ROOT, 'server', 'src');

/** What each top folder may import besides itself; engine/ and rules/ sit at the bottom. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  engine: [],
  rules: ['engine'],
  // The client/server contract, compiled into the VS Code client too: it may know what a draft is, nothing more.
  protocol: ['engine'],
  runner: ['engine', 'rules'],
  config: ['engine', 'runner'],
  // What both front ends say and do alike (rule pages, explain, the starter style, walking a folder for drafts).
  shared: ['engine', 'rules', 'runner', 'config'],
  // The two front ends never import each other.
  cli: ['engine', 'rules', 'runner', 'config', 'shared'],
  lsp: ['engine', 'rules', 'runner', 'config', 'shared', 'protocol'],
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Module -> the modules of server/src it imports (static, dynamic, type-only and re-exports). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      targets.push(path.relative(SRC, path.resolve(path.dirname(file), m[1].replace(/\.js$/, '.ts'))));
    }
    graph.set(path.relative(SRC, file), targets);
  }
  return graph;
}

const layerOf = (module: string) => module.split(path.sep)[0];

test('no import runs back up a layer (engine/ never imports rules/)', () => {
  const graph = importGraph();
  assert.ok(graph.size > 50, `read ${graph.size} modules from ${SRC}`);
  const wrong: string[] = [];
  for (const [from, targets] of graph) {
    const allowed = MAY_IMPORT[layerOf(from)];
    assert.ok(allowed, `${from} is in a folder the layer list does not know; add it to MAY_IMPORT`);
    for (const to of targets) if (layerOf(to) !== layerOf(from) && !allowed.includes(layerOf(to))) wrong.push(`${from} -> ${to}`);
  }
  assert.deepEqual(wrong, []);
});

test('no module imports itself through others (no cycles, type imports included)', () => {
  const graph = importGraph();
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (module: string) => {
    state.set(module, 'open');
    stack.push(module);
    for (const next of graph.get(module) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(module, 'done');
  };
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module);
  assert.deepEqual(cycles.map((c) => c.split(path.sep).join('/')), []);
});
