// Runs the extension's mocha suite through @vscode/test-electron's runTests; vscodeExecutablePath is a shim
// that hosts the tests in code-server (test-electron cannot download VS Code offline). Exit code = result.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const repo = path.resolve(__dirname, '..', '..');
  const workspace = process.env.SUITE_WORKSPACE;
  if (!workspace) throw new Error('SUITE_WORKSPACE is not set (a scratch folder to open)');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-suite-'));
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'code-server-shim.sh'),
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${path.join(scratch, 'user')}`, `--extensions-dir=${path.join(scratch, 'ext')}`],
    });
    return 0;
  } catch (error) {
    console.error('extension suite failed:', error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    if (process.env.KEEP_SCRATCH === '1') console.log(`suite logs kept in ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
