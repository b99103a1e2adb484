// Bundles the VS Code extension for the .vsix: client -> dist/extension.cjs, language server -> dist/server.cjs.
// Both are CommonJS (the extension host require()s them); every dependency except `vscode` is inlined.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/**
 * The spelling table (engine/spelling-table.ts) is derived from a 550 KB Hunspell dictionary and
 * a translator's word list; the bundle gets the finished table, computed here by the built engine.
 */
const spellingTablePath = path.join(root, 'server', 'src', 'engine', 'spelling-table.ts');
const precomputedSpellingTable = {
  name: 'precomputed-spelling-table',
  setup(build) {
    build.onLoad({ filter: /spelling-table\.ts$/ }, async (args) => {
      if (args.path !== spellingTablePath) return undefined;
      const built = path.join(root, 'out', 'server', 'src', 'engine', 'spelling.js');
      if (!existsSync(built)) throw new Error('bundle: run `npm run build` first (the spelling table is computed by the built engine)');
      const { britishSpellings } = await import(pathToFileURL(built).href);
      const entries = JSON.stringify([...britishSpellings().variants]);
      return {
        contents: `// Precomputed by scripts/bundle.mjs from engine/spelling-table.ts.\nexport function variantTable() { return new Map(${entries}); }\n`,
        loader: 'js',
      };
    });
  },
};

/** engine/regions.ts reads the provinces of a few countries only: the bundle gets those entries of provinces.json. */
const provincesPath = path.join(root, 'node_modules', 'provinces', 'provinces.json');
const trimmedProvinces = {
  name: 'trimmed-provinces',
  setup(build) {
    build.onLoad({ filter: /provinces\.json$/ }, async (args) => {
      if (args.path !== provincesPath) return undefined;
      const { PROVINCE_COUNTRIES } = await import(pathToFileURL(path.join(root, 'out', 'server', 'src', 'engine', 'regions.js')).href);
      const kept = JSON.parse(readFileSync(provincesPath, 'utf8')).filter((p) => PROVINCE_COUNTRIES.has(p.country));
      return { contents: JSON.stringify(kept.map(({ name, country }) => ({ name, country }))), loader: 'json' };
    });
  },
};

/** engine/regions.ts reads each country's name and aliases only: the bundle's countries-list holds just those. */
const trimmedCountries = {
  name: 'trimmed-countries',
  setup(build) {
    build.onResolve({ filter: /^countries-list$/ }, (args) =>
      args.importer === path.join(root, 'server', 'src', 'engine', 'regions.ts') ? { path: 'countries-list', namespace: 'copydesk-countries' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'copydesk-countries' }, async () => {
      const { countries } = await import('countries-list');
      const kept = Object.fromEntries(Object.entries(countries).map(([code, c]) => [code, { name: c.name, alias: c.alias }]));
      return { contents: `export const countries = ${JSON.stringify(kept)};\n`, loader: 'js' };
    });
  },
};

for (const { entry, outfile } of targets) {
  const result = await esbuild.build({
    plugins: [bundledJsonRequire, precomputedSpellingTable, trimmedProvinces, trimmedCountries],
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

// Both bundles ship as one brotli stream, dist/bundles.br (a fifth smaller than the .vsix's own
// deflate, and the protocol code both carry is stored once). Each keeps its path as a few-line
// loader that decompresses the stream in memory, takes its own byte range and runs it as a module
// under the loader's own file name: import.meta.url and the rule pages resolve from dist/, and VS Code,
// which finds the extension of a require('vscode') from the real path of the requiring file, finds ours.
if (production) {
  const names = ['extension', 'server'];
  const codes = names.map((name) => readFileSync(path.join(outDir, `${name}.cjs`)));
  const packed = brotliCompressSync(Buffer.concat(codes), {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_LGWIN]: 24, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT },
  });
  writeFileSync(path.join(outDir, 'bundles.br'), packed);
  let start = 0;
  names.forEach((name, i) => {
    const end = start + codes[i].length;
    writeFileSync(
      path.join(outDir, `${name}.cjs`),
      [
        `// Copydesk ${name} loader: runs bytes ${start}-${end} of bundles.br (the esbuild bundles, brotli-compressed).`,
        "const fs = require('node:fs'); const path = require('node:path'); const zlib = require('node:zlib'); const Module = require('node:module');",
        `const code = zlib.brotliDecompressSync(fs.readFileSync(path.join(__dirname, 'bundles.br'))).subarray(${start}, ${end}).toString('utf8');`,
        'const bundle = new Module(__filename, module); bundle.filename = __filename; bundle.paths = Module._nodeModulePaths(__dirname);',
        'bundle._compile(code, __filename);',
        'module.exports = bundle.exports;',
        '',
      ].join('\n'),
    );
    start = end;
  });
  console.log(`bundle: dist/bundles.br ${(packed.length / 1024).toFixed(1)} KiB (brotli, both bundles) + loaders dist/extension.cjs, dist/server.cjs`);
}
