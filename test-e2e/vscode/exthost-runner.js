// Runs extension tests inside code-server's node extension host: opens the workbench with the
// extensionDevelopmentPath/extensionTestsPath payload and waits for window.codeAutomationExit(code).
const fs = require('node:fs');
const util = require('node:util');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const HOST = process.env.CS_HOST; // 127.0.0.1:PORT
const EXT_DIR = process.env.EXT_DIR;
const EXT_TESTS = process.env.EXT_TESTS;
const FOLDER = process.env.WS_FOLDER;
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.EXT_TESTS_TIMEOUT_MS || 180000);
// Chatter from the workbench that says nothing about the tests.
const NOISE = /socket|connection token|builtin|Service Worker|ChatSession/;

async function main() {
  for (const [name, value] of Object.entries({ CS_HOST: HOST, EXT_DIR, EXT_TESTS, WS_FOLDER: FOLDER })) {
    if (!value) throw new Error(`${name} is not set`);
  }
  const remote = (p) => `vscode-remote://${HOST}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(EXT_DIR)], ['extensionTestsPath', remote(EXT_TESTS)]]);
  const url = `http://${HOST}/?folder=${encodeURIComponent(FOLDER)}&payload=${encodeURIComponent(payload)}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...args).trimEnd(); // mocha's spec reporter logs printf-style
    if (!NOISE.test(line)) console.log(`[exthost ${type}]`, line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  // Newer workbenches honour the payload only with enableSmokeTestDriver, for which code-server has no
  // flag; patch the embedded workbench configuration (rewriting the HTML breaks the websocket).
  await page.addInitScript(() => {
    const original = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function getAttribute(name) {
      const value = original.call(this, name);
      if (this.id === 'vscode-workbench-web-configuration' && name === 'data-settings' && value) {
        const config = JSON.parse(value);
        config.developmentOptions = { ...(config.developmentOptions || {}), enableSmokeTestDriver: true };
        return JSON.stringify(config);
      }
      return value;
    };
  });
  const started = Date.now();
  await page.goto(url);
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS))]);
  console.log(`exit code from the extension host: ${code} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  return code === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
