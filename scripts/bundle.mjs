// Bundles the VS Code extension for the .vsix: client -> dist/extension.cjs, language server -> dist/server.cjs.
// Both are CommonJS (the extension host require()s them); every dependency except `vscode` is inlined.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist');
const production = !process.argv.includes('--dev');

const targets = [
  { entry: 'client/src/extension.ts', outfile: 'dist/extension.cjs' },
  { entry: 'server/src/lsp/server.ts', outfile: 'dist/server.cjs' },
];

for (const { entry } of targets) {
  if (!existsSync(path.join(root, entry))) {
    console.error(`bundle: ${entry} does not exist; nothing to bundle. Build it first (the language server lives in server/src/lsp/).`);
    process.exit(1);
  }
}

// esbuild strips types without checking them; the client has its own CommonJS tsconfig (the root one is ESM).
try {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'client/tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
} catch {
  console.error('bundle: the client does not type-check (see above).');
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// ESM sources (and ESM-only deps such as unified/remark) may read import.meta.url; in a CommonJS
// bundle that is undefined, so define it from the bundle's own file name.
const importMetaUrlShim = "const __copydesk_import_meta_url = require('node:url').pathToFileURL(__filename).href;";

for (const { entry, outfile } of targets) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    banner: { js: importMetaUrlShim },
    define: { 'import.meta.url': '__copydesk_import_meta_url' },
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const bytes = statSync(path.join(root, outfile)).size;
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(`bundle: ${outfile} ${(bytes / 1024).toFixed(1)} KiB from ${inputs} files`);
}

// The British dictionary (engine/spelling.ts) is read from files, not imported: ship them beside the server.
const dictionary = path.join(root, 'node_modules', 'dictionary-en-gb');
mkdirSync(path.join(outDir, 'dictionary-en-gb'), { recursive: true });
for (const file of ['index.aff', 'index.dic', 'license']) copyFileSync(path.join(dictionary, file), path.join(outDir, 'dictionary-en-gb', file));
