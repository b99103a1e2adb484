// Bundles the copydesk command for bin/copydesk.js: the CLI and its --jobs worker become
// out/cli/copydesk.js and out/cli/worker.js, sharing one chunk of code, ES modules with their
// dependencies inlined. Run by `npm run build` after tsc. Why: unbundled, every thread loads
// about 300 modules one by one (some 0.7 s of CPU each, mostly the module loader); the bundle
// loads in about 0.2 s. Data a module finds at run time (recheck, the Hunspell dictionary, the
// rule pages, package.json) is still found from out/cli/ by walking up, as from out/server/.
// The unbundled out/server/ stays: tests import it, and the language server runs from it.
// (scripts/bundle.mjs is the VS Code extension's bundle: CommonJS, data trimmed, no node_modules.)

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await esbuild.build({
  absWorkingDir: root,
  // Named as pool.ts looks for the worker: './worker.js' beside the module that starts it.
  entryPoints: { copydesk: 'server/src/cli/main.ts', worker: 'server/src/cli/worker.ts' },
  outdir: 'out/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies inlined into an ES module still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __copydeskCreateRequire } from 'node:module';\nconst require = __copydeskCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
