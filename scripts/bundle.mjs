// Bundles the VS Code extension for the .vsix: client -> dist/extension.cjs, language server -> dist/server.cjs.
// Both are CommonJS (the extension host require()s them); every dependency except `vscode` is inlined.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
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

/**
 * The engine loads data files with createRequire(import.meta.url)('pkg/data/x.json'), which esbuild
 * cannot follow, and the .vsix ships no node_modules. This plugin gives the engine's files a
 * createRequire whose require answers those ids from JSON bundled in, found by reading the
 * sources for literal ids; any other id fails loudly.
 */
const DATA_REQUIRE = /\(\s*'([^']+\.json)'\s*\)/g;
const bundledJsonRequire = {
  name: 'bundled-json-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?module$/ }, (args) =>
      args.importer.startsWith(path.join(root, 'server', 'src')) ? { path: args.importer, namespace: 'copydesk-data-require' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'copydesk-data-require' }, (args) => {
      const ids = [...new Set([...readFileSync(args.path, 'utf8').matchAll(DATA_REQUIRE)].map((m) => m[1]))];
      const imports = ids.map((id, i) => `import data${i} from ${JSON.stringify(id)};`).join('\n');
      const table = ids.map((id, i) => `${JSON.stringify(id)}: data${i}`).join(', ');
      return {
        contents: `${imports}\nconst data = { ${table} };\nexport function createRequire() {\n  return (id) => { if (id in data) return data[id]; throw new Error('not bundled into the extension: ' + id); };\n}\n`,
        resolveDir: root,
        loader: 'js',
      };
    });
  },
};

for (const { entry, outfile } of targets) {
  const result = await esbuild.build({
    plugins: [bundledJsonRequire],
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

// The server bundle ships brotli-compressed (about a fifth smaller than the .vsix's own deflate),
// behind a few-line loader at the same path, which decompresses it in memory and runs it as a
// module with its real file name (so import.meta.url and the rule pages beside it still resolve).
if (production) {
  const bundled = path.join(outDir, 'server.bundle.cjs');
  renameSync(path.join(outDir, 'server.cjs'), bundled);
  const packed = brotliCompressSync(readFileSync(bundled), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${bundled}.br`, packed);
  rmSync(bundled);
  writeFileSync(
    path.join(outDir, 'server.cjs'),
    [
      '// Copydesk language server loader: runs server.bundle.cjs.br (the esbuild bundle, brotli-compressed).',
      "const fs = require('node:fs'); const path = require('node:path'); const zlib = require('node:zlib'); const Module = require('node:module');",
      "const file = path.join(__dirname, 'server.bundle.cjs');",
      "const code = zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)).toString('utf8');",
      'const bundle = new Module(file, module); bundle.filename = file; bundle.paths = Module._nodeModulePaths(__dirname);',
      'bundle._compile(code, file);',
      '',
    ].join('\n'),
  );
  console.log(`bundle: dist/server.bundle.cjs.br ${(packed.length / 1024).toFixed(1)} KiB (brotli) + loader dist/server.cjs`);
}

// The British dictionary (engine/spelling.ts) is read from files, not imported: ship them beside the server.
const dictionary = path.join(root, 'node_modules', 'dictionary-en-gb');
mkdirSync(path.join(outDir, 'dictionary-en-gb'), { recursive: true });
for (const file of ['index.aff', 'index.dic', 'license']) copyFileSync(path.join(dictionary, file), path.join(outDir, 'dictionary-en-gb', file));
