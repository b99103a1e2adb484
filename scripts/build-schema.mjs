// Writes dist/copydesk.schema.json, the JSON schema of .copydesk.yaml that the extension
// contributes through yamlValidation. Generated from the rule registry (out/, so build first).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const module = path.join(root, 'out/server/src/lsp/config-schema.js');
if (!existsSync(module)) {
  console.error('build-schema: out/ is missing; run "npm run build" first.');
  process.exit(1);
}
const { configSchema } = await import(pathToFileURL(module).href);
const out = path.join(root, 'dist/copydesk.schema.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(configSchema()) + '\n');
console.log(`build-schema: wrote ${path.relative(root, out)}`);
