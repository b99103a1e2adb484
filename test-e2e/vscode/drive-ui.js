// UI journey in code-server through headless chromium: open a draft, see the squiggle and the Problems
// entry, Ctrl+. offers the dateline fix, applying it changes the editor text. Screenshot on failure.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CS_URL = process.env.CS_URL; // http://127.0.0.1:PORT/?folder=/abs/workspace
const DRAFT = process.env.DRAFT_NAME || 'almaty-draft.md';
const SHOT_DIR = process.env.SHOT_DIR || os.tmpdir();
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const PROBLEM_TEXT = 'Write the dateline city in capitals';
const FIX_TEXT = /Upper-case the city/;

const started = Date.now();
const log = (...parts) => console.log(`[ui ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...parts);

async function openDraft(page) {
  await page.goto(CS_URL);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  log('workbench loaded');
  // Quick Open right after load loses a focus race, so open the draft from the Explorer.
  await page.click(`.explorer-folders-view .monaco-list-row >> text=${DRAFT}`, { timeout: 30000 });
  await page.waitForSelector('.monaco-editor .view-lines >> text=Almaty', { timeout: 20000 });
  log('draft opened');
}

async function checkDiagnostics(page) {
  await page.waitForSelector('.monaco-editor .view-overlays [class*="squiggly-"]', { timeout: 60000 });
  log('squiggle visible');
  await page.keyboard.press('Control+Shift+M');
  const row = await page.waitForSelector(`.markers-panel .monaco-list-row >> text=${PROBLEM_TEXT}`, { timeout: 20000 });
  log('Problems entry:', (await row.textContent()).trim());
  // The status bar item mirrors copydesk/status for the active draft: "$(warning) Copydesk N" or "$(error) ...".
  const status = await page.waitForSelector('.statusbar-item >> text=/Copydesk \\d+/', { timeout: 20000 });
  log('status bar:', (await status.textContent()).trim());
}

async function applyQuickFix(page) {
  // Put the cursor inside "Almaty" (the dateline city starts the line), then Ctrl+.
  const line = page.locator('.monaco-editor .view-lines .view-line', { hasText: 'Almaty' }).first();
  const box = await line.boundingBox();
  if (!box) throw new Error('the dateline line is not visible in the editor');
  await page.mouse.click(box.x + 12, box.y + box.height / 2);
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+.');
  const item = await page.waitForSelector('.action-widget .monaco-list-row >> text=Upper-case the city', { timeout: 20000 });
  log('Ctrl+. offers:', (await item.textContent()).trim());
  // The menu re-renders under the pointer (clicks never settle), so walk it with the keyboard to the fix.
  for (let step = 0; step < 10; step += 1) {
    const focused = await page.$eval('.action-widget .monaco-list-row.focused', (row) => row.textContent || '').catch(() => '');
    if (FIX_TEXT.test(focused)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines >> text=ALMATY', { timeout: 20000 });
  const rendered = await page.$eval('.monaco-editor .view-lines', (element) => element.innerText);
  const text = rendered.replace(/\u00a0/g, ' '); // Monaco renders spaces as no-break spaces
  const datelineLine = text.split('\n').find((l) => l.includes('Kazakhstan')) || '';
  log('dateline after the fix:', JSON.stringify(datelineLine));
  if (!/^ALMATY, Kazakhstan/.test(datelineLine.trim())) throw new Error(`unexpected text after the fix: ${JSON.stringify(text)}`);
}

async function main() {
  if (!CS_URL) throw new Error('CS_URL is not set (the code-server URL with ?folder=)');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  try {
    await openDraft(page);
    await checkDiagnostics(page);
    await applyQuickFix(page);
    log('RESULT PASS');
  } catch (error) {
    const shot = path.join(SHOT_DIR, 'copydesk-e2e-ui-failure.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    log('RESULT FAIL', error instanceof Error ? error.message : String(error));
    log('screenshot:', shot);
    process.exitCode = 1;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
