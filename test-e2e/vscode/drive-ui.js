// UI journey in code-server through headless chromium, in a workspace with no style file: README.md
// and a .txt get no Copydesk diagnostics (the status bar says so); adding .copydesk.yaml makes them
// appear without a restart; Problems lists a draft never opened; "Add ZRK to the style's acronym
// dictionary" asks for the expansion, edits the YAML with its comments kept, and the problem clears.
// COPYDESK_SCREENSHOTS=DIR saves the README's screenshots; a failure screenshot goes to SHOT_DIR.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CS_URL = process.env.CS_URL; // http://127.0.0.1:PORT/?folder=/abs/workspace
const WORKSPACE = process.env.WS_DIR; // the same folder on disk
const SHOT_DIR = process.env.SHOT_DIR || os.tmpdir();
const SCREENSHOTS = process.env.COPYDESK_SCREENSHOTS;
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const SQUIGGLE = '.monaco-editor .view-overlays [class*="squiggly-"]';
const STYLE = [
  '# House style of the e2e desk. This comment must survive every edit Copydesk makes.',
  'rules:',
  '  numbers: off # the desk writes figures',
  '  acronym-first-use: [warning, { reportUnknown: true }] # report acronyms the dictionary lacks',
  '',
  'acronyms:',
  '  # Our own acronyms, added by the editor.',
  '  dictionary:',
  '    MVD: Interior Ministry',
  '',
].join('\n');

const started = Date.now();
const log = (...parts) => console.log(`[ui ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...parts);

/** Re-encodes a PNG as WebP at 70 % size in the page's own canvas (the .vsix has 400 KB in all). */
async function toWebp(page, png) {
  const dataUrl = await page.evaluate(async (source) => {
    const image = new Image();
    image.src = source;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * 0.7);
    canvas.height = Math.round(image.naturalHeight * 0.7);
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/webp', 0.5);
  }, `data:image/png;base64,${png.toString('base64')}`);
  if (!dataUrl.startsWith('data:image/webp;base64,')) throw new Error('this chromium cannot encode WebP');
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** Saves a README screenshot of `clip` (page pixels) when COPYDESK_SCREENSHOTS is set. */
async function shot(page, name, clip) {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // WebP of the part that matters: the .vsix carries the screenshots and must stay under 400 KB.
  // A PNG copy goes to SHOT_DIR for review.
  const png = await page.screenshot({ clip });
  fs.writeFileSync(path.join(SHOT_DIR, name.replace(/\.webp$/, '.png')), png);
  const file = path.join(SCREENSHOTS, name);
  fs.writeFileSync(file, await toWebp(page, png));
  log('screenshot', file);
}

async function openFile(page, name, expectText) {
  await page.click(`.explorer-folders-view .monaco-list-row >> text=${name}`, { timeout: 30000 });
  await page.waitForSelector(`.monaco-editor .view-lines >> text=${expectText}`, { timeout: 20000 });
  log('opened', name);
}

async function expectNotChecked(page, name) {
  // The server answers with the not-covered status: proof it ran and chose to leave the file alone.
  await page.waitForSelector('.statusbar-item >> text=/Copydesk: no style/', { timeout: 30000 });
  await page.waitForTimeout(1500);
  const squiggles = await page.$$(SQUIGGLE);
  if (squiggles.length > 0) throw new Error(`${name} has ${squiggles.length} squiggle(s) without a style file`);
  log(name, 'not checked: no squiggles, status bar says no style');
}

async function problemsRow(page, text, timeout = 30000) {
  return page.waitForSelector(`.markers-panel .monaco-list-row >> text=${text}`, { timeout });
}

async function addToDictionary(page) {
  await openFile(page, 'almaty-draft.md', 'Korday');
  await page.waitForSelector(SQUIGGLE, { timeout: 60000 });
  // Select "ZRK" with Find, close Find (the selection stays), then Ctrl+.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('ZRK');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+.');
  const wanted = /Add ZRK to the style's acronym dictionary/;
  await page.waitForSelector(".action-widget .monaco-list-row >> text=/Add ZRK to the style's acronym dictionary/", { timeout: 20000 });
  await shot(page, 'quick-fix.webp', { x: 348, y: 120, width: 892, height: 305 }); // the editor and the Ctrl+. menu
  // The menu re-renders under the pointer, so walk it with the keyboard.
  for (let step = 0; step < 12; step += 1) {
    const focused = await page.$eval('.action-widget .monaco-list-row.focused', (row) => row.textContent || '').catch(() => '');
    if (wanted.test(focused)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  const input = await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
  log('asked for the expansion');
  await input.type('Zone Rescue Korps');
  await page.keyboard.press('Enter');
  const styleFile = path.join(WORKSPACE, '.copydesk.yaml');
  const deadline = Date.now() + 20000;
  let text = '';
  while (Date.now() < deadline && !(text = fs.readFileSync(styleFile, 'utf8')).includes('ZRK: Zone Rescue Korps')) {
    await page.waitForTimeout(200);
  }
  if (!text.includes('ZRK: Zone Rescue Korps')) throw new Error(`the style file was not saved with the entry:\n${text}`);
  for (const line of STYLE.split('\n').filter((l) => l.includes('#'))) {
    if (!text.includes(line)) throw new Error(`a comment was lost from the style file: ${JSON.stringify(line)}\n${text}`);
  }
  log('style file now has ZRK, comments kept');
  await page.keyboard.press('Control+Shift+M');
  await problemsRow(page, 'Spell out ZRK at its first use');
  await page.waitForSelector('.markers-panel .monaco-list-row >> text=/ZRK is never spelled out/', { state: 'detached', timeout: 30000 });
  log('the "never spelled out" problem cleared after the style reload');
}

async function journey(page) {
  await page.goto(CS_URL);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  log('workbench loaded');
  await openFile(page, 'README.md', 'Project notes');
  await expectNotChecked(page, 'README.md');
  await openFile(page, 'notes.txt', 'press office');
  await expectNotChecked(page, 'notes.txt');

  fs.writeFileSync(path.join(WORKSPACE, '.copydesk.yaml'), STYLE);
  log('wrote .copydesk.yaml');
  await page.waitForSelector(SQUIGGLE, { timeout: 60000 });
  log('notes.txt is checked now, no restart');

  await page.keyboard.press('Control+Shift+M');
  const row = await problemsRow(page, 'never-opened.md', 60000);
  log('Problems lists the never-opened draft:', (await row.textContent()).trim());
  await openFile(page, 'almaty-draft.md', 'Korday');
  await page.waitForSelector(SQUIGGLE, { timeout: 60000 });
  await page.keyboard.press('Control+Shift+M');
  await problemsRow(page, 'Write the dateline city in capitals');
  await shot(page, 'problems.webp', { x: 348, y: 512, width: 932, height: 200 }); // the Problems panel
  await addToDictionary(page);
}

async function main() {
  if (!CS_URL || !WORKSPACE) throw new Error('CS_URL (the code-server URL with ?folder=) and WS_DIR must be set');
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
    await journey(page);
    log('RESULT PASS');
  } catch (error) {
    const file = path.join(SHOT_DIR, 'copydesk-e2e-ui-failure.png');
    await page.screenshot({ path: file }).catch(() => undefined);
    log('RESULT FAIL', error instanceof Error ? error.message : String(error));
    log('screenshot:', file);
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
